/**
 * What the relay adds to a reply: the same MiniMax Agent provider runs the same send + poll
 * sequence against the simulator, once called directly and once behind the relay's HTTP app
 * (OpenAI dialect, auth, pool, request log, tool emulation, SSE). Both are timed until the whole
 * answer is in hand (the `finish` event directly, `[DONE]` through the relay). Medians per request,
 * sequential and interleaved, after a warm-up; the difference is the relay's overhead.
 */
import { createMinimaxAgentProvider } from '../src/main/providers/minimax-agent';
import { createMemoryChatLedger } from '../src/main/providers/minimax-agent/ledger';
import type { ProviderAccount } from '../src/main/providers/types';
import { startRealStack } from '../src/main/proxy/__test__/real-stack';
import { percentile } from './delivery-lag.bench';
import type { BenchResult } from './run';

const REQUESTS = 30;
const WARMUP = 3;
const REPLY = 'The quick brown fox jumps over the lazy dog.';
const PROMPT = 'Say something short.';

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export async function run(): Promise<BenchResult[]> {
  const stack = await startRealStack({ accounts: 1, sim: { tickMs: 5, charsPerTick: 400 } });
  try {
    stack.sim.admin.setDefaultReply(() => ({ text: REPLY }));
    const simAccount = stack.simAccounts[0]!;
    const account: ProviderAccount = {
      id: 'direct', label: 'direct', region: 'cn', baseUrl: stack.sim.url,
      credential: { kind: 'minimax-agent', token: simAccount.token, realUserId: simAccount.realUserId },
    };
    const provider = createMinimaxAgentProvider({ settings: () => ({ signatureVariant: 'secret' }), chatLedger: createMemoryChatLedger() });

    async function direct(): Promise<number> {
      const started = performance.now();
      const request = { id: crypto.randomUUID(), dialect: 'openai' as const, model: 'MiniMax-M2.7', stream: true,
        messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: PROMPT }] }] };
      let text = '';
      let answeredAt = Number.NaN;
      for await (const event of provider.chat(request, { account, model: { id: 'MiniMax-M2.7', capabilities: { thinking: false, webSearch: false } },
        signal: new AbortController().signal, cleanup: true, timeoutMs: 30_000 })) {
        if (event.type === 'text') text += event.text;
        // The answer is complete here; the chat delete that follows is not waited for by relay clients either.
        if (event.type === 'finish') answeredAt = performance.now();
      }
      if (text !== REPLY) throw new Error('direct reply incomplete');
      return answeredAt - started;
    }

    async function relayed(): Promise<number> {
      const started = performance.now();
      const res = await fetch(`${stack.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'MiniMax-M2.7', stream: true, messages: [{ role: 'user', content: PROMPT }] }),
      });
      const body = await res.text();
      if (res.status !== 200 || !body.includes('[DONE]')) throw new Error(`relay answered ${res.status}`);
      return performance.now() - started;
    }

    const directTimes: number[] = [];
    const relayTimes: number[] = [];
    for (let i = 0; i < WARMUP; i++) {
      await direct();
      await relayed();
    }
    // Interleaved, so drift on a shared machine hits both sides alike.
    for (let i = 0; i < REQUESTS; i++) {
      directTimes.push(await direct());
      relayTimes.push(await relayed());
    }
    const d = median(directTimes);
    const r = median(relayTimes);
    return [
      { group: 'proxy-overhead', name: 'direct provider, median', value: d, unit: 'ms', note: `${REQUESTS} sequential replies, send + polls` },
      { group: 'proxy-overhead', name: 'through the relay, median', value: r, unit: 'ms', note: 'OpenAI stream over HTTP' },
      { group: 'proxy-overhead', name: 'relay overhead per request', value: r - d, unit: 'ms' },
    ];
  } finally {
    await stack.close();
  }
}
