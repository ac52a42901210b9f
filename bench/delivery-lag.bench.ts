/**
 * Delivery lag of the MiniMax Agent client: the simulator grows each reply by 40 characters every
 * 100 ms (~4 s per reply) and records when each growth step became visible; the client records
 * when it yielded text covering that step. Lag = yield time − exposure time, for every step of
 * every reply. Also reports polls per second per chat (the upstream-friendliness bound).
 */
import { createMinimaxAgentProvider } from '../src/main/providers/minimax-agent';
import { createMemoryChatLedger } from '../src/main/providers/minimax-agent/ledger';
import type { CanonicalRequest } from '../src/main/relay/canonical';
import type { ProviderAccount, ProviderChatOptions } from '../src/main/providers/types';
import { startSimulator, type SimAccount, type SimChat } from '../tools/minimax-sim';
import type { BenchResult } from './run';

const TICK_MS = 100;
const CHARS_PER_TICK = 40;
const REPLY_CHARS = 1_600; // 40 steps ≈ 4 s
const ACCOUNTS = 3;
const ROUNDS = 2;

interface Yielded {
  at: number;
  length: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** For each growth step of the chat's text, how long until the client had yielded that much. */
function lagsOf(chat: SimChat, yielded: readonly Yielded[]): number[] {
  const lags: number[] = [];
  let previous = 0;
  for (const step of chat.growth) {
    if (step.textLength <= previous) continue;
    previous = step.textLength;
    const delivered = yielded.find((y) => y.length >= step.textLength);
    if (delivered) lags.push(delivered.at - step.at);
  }
  return lags;
}

function toProviderAccount(baseUrl: string, account: SimAccount): ProviderAccount {
  const credential = { kind: 'minimax-agent' as const, token: account.token, realUserId: account.realUserId };
  return { id: account.realUserId, label: account.name, region: 'cn', baseUrl, credential };
}

function benchRequest(): CanonicalRequest {
  const content = [{ type: 'text' as const, text: 'Write a long answer.' }];
  return { id: crypto.randomUUID(), dialect: 'openai', model: 'MiniMax-M2.7', stream: true, messages: [{ role: 'user', content }] };
}

function benchOptions(account: ProviderAccount): ProviderChatOptions {
  const model = { id: 'MiniMax-M2.7', capabilities: { thinking: false, webSearch: false } };
  return { account, model, signal: new AbortController().signal, cleanup: false, timeoutMs: 60_000 };
}

export async function run(): Promise<BenchResult[]> {
  const sim = await startSimulator({ signatureMode: 'strict', tickMs: TICK_MS, charsPerTick: CHARS_PER_TICK });
  try {
    sim.admin.setDefaultReply(() => ({ text: 'lorem ipsum '.repeat(REPLY_CHARS / 12).slice(0, REPLY_CHARS) }));
    const ledger = createMemoryChatLedger();
    const provider = createMinimaxAgentProvider({ settings: () => ({ signatureVariant: 'secret' }), chatLedger: ledger });
    const accounts = Array.from({ length: ACCOUNTS }, (_, i) => sim.admin.createAccount({ name: `bench-${i}` }));
    const yieldedByChat = new Map<number, Yielded[]>();

    async function reply(account: ProviderAccount): Promise<void> {
      const yielded: Yielded[] = [];
      let length = 0;
      for await (const event of provider.chat(benchRequest(), benchOptions(account))) {
        if (event.type === 'upstream' && event.chatId) yieldedByChat.set(Number(event.chatId), yielded);
        if (event.type === 'text') {
          length += event.text.length;
          yielded.push({ at: Date.now(), length });
        }
      }
    }

    for (let round = 0; round < ROUNDS; round += 1) {
      await Promise.all(accounts.map((account) => reply(toProviderAccount(sim.url, account))));
    }

    const chats = sim.admin.chats();
    const lags = chats.flatMap((chat) => lagsOf(chat, yieldedByChat.get(chat.chatId) ?? []));
    // The first poll goes right after the send, so n polls span n − 1 intervals.
    const pollRates = chats.map((chat) => {
      const span = ((chat.lastPollAt ?? chat.createdAt) - chat.createdAt) / 1000;
      return span > 0 ? (chat.polls - 1) / span : 0;
    });
    const note =
      `${chats.length} replies × ${REPLY_CHARS} chars, ${CHARS_PER_TICK} chars/${TICK_MS} ms, ${ACCOUNTS} chats at once`;
    const meanRate = pollRates.reduce((a, b) => a + b, 0) / pollRates.length;
    return [
      { group: 'delivery', name: 'lag median', value: percentile(lags, 50), unit: 'ms', target: '≤ 150', note },
      { group: 'delivery', name: 'lag p95', value: percentile(lags, 95), unit: 'ms', note: `${lags.length} growth steps` },
      { group: 'delivery', name: 'polls/s per chat (mean)', value: meanRate, unit: '1/s', target: '≤ 5' },
      { group: 'delivery', name: 'polls/s per chat (max)', value: Math.max(...pollRates), unit: '1/s', target: '≤ 5' },
    ];
  } finally {
    await sim.close();
  }
}
