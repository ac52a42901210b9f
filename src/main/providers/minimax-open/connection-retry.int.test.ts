/**
 * `send` against the Open Platform simulator: a "connection limit" refusal, whether it comes as
 * HTTP 429 or as a `base_resp` in an HTTP 200, is retried on the same key and the reply served;
 * a limit that persists ends as `upstream_busy`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenSimulator, type OpenSimulator } from '../../../../tools/minimax-open-sim';
import type { ProviderAccount } from '../types';
import { createOpenHttp } from './http';
import { CHAT_PATH, STATUS } from './protocol';

let sim: OpenSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const accountFor = (baseUrl: string, apiKey: string): ProviderAccount => ({ id: 'k1', label: 'key', region: 'cn', baseUrl, credential: { kind: 'minimax-open', apiKey } });
const chatBody = (stream: boolean) => ({ model: 'MiniMax-M2.7', stream, messages: [{ role: 'user', content: 'hello' }] });
const http = createOpenHttp((input, init) => fetch(input, init), { delaysMs: [5, 5, 5] });
const chatCalls = (s: OpenSimulator) => s.admin.requests().filter((r) => r.path === CHAT_PATH).length;

describe('connection limit retry', () => {
  it('retries a `base_resp` 1041 answered with HTTP 200 and returns the next reply', async () => {
    sim = await startOpenSimulator();
    const { key } = sim.admin.addKey();
    sim.admin.scriptReply({ errorCode: STATUS.connectionLimit });
    const body = (await http.json(accountFor(sim.url, key), CHAT_PATH, { method: 'POST', body: chatBody(false) })) as { choices: unknown[] };
    expect(body.choices).toHaveLength(1);
    expect(chatCalls(sim)).toBe(2);
  });

  it('serves a stream once the key’s open stream closed, and gives up with upstream_busy while it stays open', async () => {
    sim = await startOpenSimulator({ chunkDelayMs: 60_000 });
    const { key } = sim.admin.addKey({ maxStreams: 1 });
    const account = accountFor(sim.url, key);
    const holder = new AbortController();
    const held = await http.send(account, CHAT_PATH, { method: 'POST', body: chatBody(true), signal: holder.signal });
    await held.body!.getReader().read();

    await expect(http.send(account, CHAT_PATH, { method: 'POST', body: chatBody(true) })).rejects.toMatchObject({
      code: 'upstream_busy',
      detail: { upstreamCode: STATUS.connectionLimit },
    });
    expect(chatCalls(sim)).toBe(1 + 4);

    // At once after the hang-up: the default retry covers the moment the platform needs to notice it.
    holder.abort();
    const next = new AbortController();
    const served = await createOpenHttp((input, init) => fetch(input, init)).send(account, CHAT_PATH, { method: 'POST', body: chatBody(true), signal: next.signal });
    expect(served.status).toBe(200);
    next.abort();
  });
});
