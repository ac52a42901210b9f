import { afterEach, describe, expect, it } from 'vitest';
import { RelayError } from '../../../../shared/errors';
import type { RelayServer } from '../../server';
import { abortableDelay, createFakeDeps } from '../../__test__/fakes';
import type { FakeDeps } from '../../__test__/fakes';
import { parseSseData, serveApp, waitUntil } from '../../__test__/serve';

let server: RelayServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function post(deps: FakeDeps, body: Record<string, unknown>): Promise<Response> {
  server = await serveApp(deps);
  return fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'hi' }], ...body }),
  });
}

type Chunk = { choices: { delta: Record<string, unknown>; finish_reason: string | null }[]; usage?: unknown };

describe('OpenAI routes', () => {
  it('streams the role first, then reasoning, content and tool calls, then finish_reason tool_calls', async () => {
    const deps = createFakeDeps();
    deps.provider.scripts.set('*', async function* () {
      yield { type: 'reasoning', text: 'think' };
      yield { type: 'text', text: 'Let me check.' };
      yield { type: 'tool-call', call: { id: 'call_a', name: 'weather', arguments: { city: 'Oslo' } } };
      yield { type: 'tool-call', call: { id: 'call_b', name: 'time', arguments: {} } };
      yield { type: 'finish', reason: 'tool_calls' };
    });
    const res = await post(deps, { stream: true });
    const frames = parseSseData(await res.text());
    expect(frames.at(-1)).toBe('[DONE]');
    const chunks = frames.slice(0, -1).map((f) => JSON.parse(f) as Chunk);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks[1]?.choices[0]?.delta).toEqual({ reasoning_content: 'think' });
    expect(chunks[2]?.choices[0]?.delta).toEqual({ content: 'Let me check.' });
    expect(chunks[3]?.choices[0]?.delta).toEqual({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }] });
    expect(chunks[4]?.choices[0]?.delta).toMatchObject({ tool_calls: [{ index: 1, id: 'call_b' }] });
    expect(chunks[5]?.choices[0]?.finish_reason).toBe('tool_calls');
    expect(chunks.some((c) => c.usage)).toBe(false);
  });

  it('collects tool calls into one chat.completion', async () => {
    const deps = createFakeDeps();
    deps.provider.scripts.set('*', async function* () {
      yield { type: 'tool-call', call: { id: 'call_a', name: 'weather', arguments: { city: 'Oslo' } } };
      yield { type: 'finish', reason: 'tool_calls' };
    });
    const body = (await (await post(deps, {})).json()) as { object: string; choices: { message: Record<string, unknown>; finish_reason: string }[] };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]?.message).toMatchObject({ role: 'assistant', content: null, tool_calls: [{ id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }] });
    expect(body.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('maps a length finish', async () => {
    const deps = createFakeDeps();
    deps.provider.scripts.set('*', async function* () {
      yield { type: 'text', text: 'cut' };
      yield { type: 'finish', reason: 'length' };
    });
    const body = (await (await post(deps, {})).json()) as { choices: { finish_reason: string }[] };
    expect(body.choices[0]?.finish_reason).toBe('length');
  });

  it('ends a stream that fails after the first byte with an error frame and [DONE]', async () => {
    const deps = createFakeDeps(['a1']);
    deps.provider.scripts.set('*', async function* () {
      yield { type: 'text', text: 'partial' };
      throw new RelayError('upstream_unavailable', 'MiniMax failed 6 polls in a row.');
    });
    const res = await post(deps, { stream: true });
    expect(res.status).toBe(200);
    const frames = parseSseData(await res.text());
    expect(frames.at(-1)).toBe('[DONE]');
    expect(JSON.parse(frames.at(-2) ?? '{}')).toEqual({ error: { message: 'MiniMax failed 6 polls in a row.', type: 'api_error', code: 'upstream_unavailable', param: null } });
    expect(frames.some((f) => f.includes('"finish_reason":"stop"'))).toBe(false);
  });

  it('answers a non-stream failure after the first event with the error status', async () => {
    const deps = createFakeDeps(['a1']);
    deps.provider.scripts.set('*', async function* () {
      yield { type: 'text', text: 'partial' };
      throw new RelayError('timeout', 'The reply took too long.');
    });
    const res = await post(deps, {});
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'timeout' } });
  });

  it.each([true, false])('answers before the upstream cleanup ends, and frees the account after it (stream %s)', async (stream) => {
    const deps = createFakeDeps(['a1']);
    let endCleanup: () => void = () => {};
    const cleanupDone = new Promise<void>((resolve) => (endCleanup = resolve));
    deps.provider.scripts.set('*', async function* () {
      try {
        yield { type: 'text', text: 'done' };
        yield { type: 'finish', reason: 'stop' };
      } finally {
        await cleanupDone;
      }
    });
    const res = await post(deps, { stream });
    expect(await res.text()).toContain(stream ? '[DONE]' : '"content":"done"');
    expect(deps.pool.busy.has('a1')).toBe(true);
    endCleanup();
    await waitUntil(() => deps.pool.busy.size === 0);
    expect(deps.pool.releases).toEqual([{ accountId: 'a1', outcome: { ok: true } }]);
  });

  it('sends comment heartbeats while the upstream is silent, which clients ignore', async () => {
    const deps = createFakeDeps(['a1'], { heartbeatMs: 30 });
    deps.provider.scripts.set('*', async function* (_req, options) {
      yield { type: 'text', text: 'a' };
      await abortableDelay(200, options.signal);
      yield { type: 'text', text: 'b' };
      yield { type: 'finish', reason: 'stop' };
    });
    const body = await (await post(deps, { stream: true })).text();
    expect(body).toContain(': ping\n\n');
    const text = parseSseData(body).slice(0, -1).map((f) => (JSON.parse(f) as Chunk).choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('ab');
  });
});
