/**
 * Time to first token and end-of-reply lag, measured at an HTTP client (not inside the provider):
 * streaming chat completions through the whole relay (auth, tool emulation, the MiniMax Agent
 * provider) to the simulator. The simulator shows the first text 300–500 ms after the send (spread
 * evenly over the rounds, so the first token falls at every phase of the poll interval rather than
 * right behind a poll) and grows the reply at the same pace; it records when each step became
 * visible, and the client records when the first content chunk and the end of the stream arrived.
 * - TTFT overhead = first content chunk at the client − first text visible upstream.
 * - End-of-reply lag = `[DONE]` at the client − the upstream marking the reply done.
 * Run with and without tools declared (tool emulation scans the text for tool calls).
 */
import { startRealStack, type RealStack } from '../src/main/proxy/__test__/real-stack';
import { percentile } from './delivery-lag.bench';
import type { BenchResult } from './run';

const ROUNDS = 16;
/** First text at 300, 312.5, … 487.5 ms: one full 200 ms poll interval of phases. */
const firstTextMs = (round: number): number => 300 + Math.round((round * 200) / ROUNDS);
const CHUNKS = ['The answer ', 'comes in ', 'four steps.', ' Done.'];
const TOOLS = [{ type: 'function', function: { name: 'get_weather', description: 'Weather for a city.', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];

interface Timing {
  firstToken: number;
  end: number;
  requestId: string;
}

/** Streams one completion; returns when the first content chunk and `[DONE]` arrived (epoch ms). */
async function streamOnce(stack: RealStack, withTools: boolean): Promise<Timing> {
  const body = { model: 'MiniMax-M2.7', stream: true, messages: [{ role: 'user', content: 'Say something.' }], ...(withTools ? { tools: TOOLS } : {}) };
  const res = await fetch(`${stack.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.body) throw new Error(`no body (HTTP ${res.status})`);
  const decoder = new TextDecoder();
  let buffer = '';
  let firstToken = Number.NaN;
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    if (Number.isNaN(firstToken) && /"content":"[^"]/.test(buffer)) firstToken = Date.now();
    if (buffer.includes('data: [DONE]')) break;
  }
  return { firstToken, end: Date.now(), requestId: res.headers.get('x-request-id') ?? '' };
}

async function measure(withTools: boolean): Promise<{ ttft: number[]; endLag: number[] }> {
  const stack = await startRealStack();
  try {
    const ttft: number[] = [];
    const endLag: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      stack.sim.admin.scriptReply({ text: CHUNKS.join(''), chunks: CHUNKS, tickMs: firstTextMs(round) });
      const before = new Set(stack.sim.admin.chats().map((chat) => chat.chatId));
      const timing = await streamOnce(stack, withTools);
      const chat = stack.sim.admin.chats().find((c) => !before.has(c.chatId));
      const firstShown = chat?.growth.find((step) => step.textLength > 0)?.at;
      const doneAt = chat?.growth.at(-1)?.at;
      if (firstShown === undefined || doneAt === undefined) throw new Error('the simulator recorded no growth');
      ttft.push(timing.firstToken - firstShown);
      endLag.push(timing.end - doneAt);
      // Let the request finish its cleanup before the next one takes the account.
      await stack.sim.admin.waitFor(() => stack.requestLog.get(timing.requestId)?.status === 'success', 10_000);
    }
    return { ttft, endLag };
  } finally {
    await stack.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const withTools of [false, true]) {
    const { ttft, endLag } = await measure(withTools);
    const label = withTools ? 'with tools' : 'no tools';
    const note = `${ROUNDS} streamed replies; upstream shows text 300–500 ms after the send`;
    results.push(
      { group: 'ttft', name: `TTFT overhead median (${label})`, value: percentile(ttft, 50), unit: 'ms', target: '≤ 120', note },
      { group: 'ttft', name: `TTFT overhead p95 (${label})`, value: percentile(ttft, 95), unit: 'ms' },
      { group: 'ttft', name: `end-of-reply lag median (${label})`, value: percentile(endLag, 50), unit: 'ms' },
      { group: 'ttft', name: `end-of-reply lag p95 (${label})`, value: percentile(endLag, 95), unit: 'ms' },
    );
  }
  return results;
}
