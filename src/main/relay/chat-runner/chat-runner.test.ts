import { describe, expect, it } from 'vitest';
import { RelayError } from '../../../shared/errors';
import type { CanonicalEvent, CanonicalRequest } from '../canonical';
import { abortableDelay, createFakeDeps, textReply } from '../../proxy/__test__/fakes';
import type { FakeDeps } from '../../proxy/__test__/fakes';
import { createChatRunner } from '.';

function request(extra: Partial<CanonicalRequest> = {}): CanonicalRequest {
  return { id: crypto.randomUUID(), dialect: 'openai', model: 'MiniMax-M2.7', messages: [{ role: 'user', content: [{ type: 'text', text: 'hello world' }] }], stream: true, ...extra };
}

async function drain(events: AsyncIterator<CanonicalEvent>): Promise<CanonicalEvent[]> {
  const out: CanonicalEvent[] = [];
  for (let next = await events.next(); !next.done; next = await events.next()) out.push(next.value);
  return out;
}

function setup(ids = ['a1', 'a2']): { deps: FakeDeps; runner: ReturnType<typeof createChatRunner>; signal: AbortSignal; controller: AbortController } {
  const deps = createFakeDeps(ids);
  const controller = new AbortController();
  return { deps, runner: createChatRunner(deps), signal: controller.signal, controller };
}

describe('chat runner', () => {
  it('emits an estimated usage event before finish and logs a successful entry', async () => {
    const { deps, runner, signal } = setup();
    const req = request();
    const chat = await runner.startChat(req, { signal, endpoint: '/v1/chat/completions' });
    const events = await drain(chat.events);
    expect(events.map((e) => e.type)).toEqual(['text', 'usage', 'finish']);
    const usage = events[1];
    expect(usage?.type === 'usage' && usage.usage).toMatchObject({ estimated: true });
    expect(usage?.type === 'usage' && usage.usage.inputTokens).toBeGreaterThan(0);
    const entry = deps.requestLog.get(req.id);
    expect(entry).toMatchObject({ status: 'success', httpStatus: 200, resolvedModel: 'MiniMax-M2.7', upstreamChatId: '42', polls: 3, tokensEstimated: true, accountId: 'a1' });
    expect(deps.pool.releases).toEqual([{ accountId: 'a1', outcome: { ok: true } }]);
  });

  it('passes upstream-reported usage through without estimating', async () => {
    const { deps, runner, signal } = setup();
    deps.provider.scripts.set('*', async function* () {
      yield { type: 'text', text: 'hi' };
      yield { type: 'usage', usage: { inputTokens: 11, outputTokens: 2, estimated: false } };
      yield { type: 'finish', reason: 'stop' };
    });
    const events = await drain((await runner.startChat(request(), { signal, endpoint: 'x' })).events);
    expect(events.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', usage: { inputTokens: 11, outputTokens: 2, estimated: false } }]);
  });

  it('fails over on failover codes before the first event, and records each attempt', async () => {
    const { deps, runner, signal } = setup();
    deps.provider.scripts.set('a1', async function* () {
      yield* [];
      throw new RelayError('upstream_auth_expired', 'token expired');
    });
    const req = request();
    const chat = await runner.startChat(req, { signal, endpoint: 'x' });
    await drain(chat.events);
    expect(deps.provider.calls.map((c) => c.accountId)).toEqual(['a1', 'a2']);
    expect(deps.pool.releases.map((r) => [r.accountId, r.outcome.ok ? 'ok' : r.outcome.code])).toEqual([['a1', 'upstream_auth_expired'], ['a2', 'ok']]);
    expect(deps.requestLog.get(req.id)?.attempts.map((a) => a.outcome)).toEqual(['failover', 'success']);
  });

  it('does not fail over on other errors and ends the log with the error status', async () => {
    const { deps, runner, signal } = setup();
    deps.provider.scripts.set('*', async function* () {
      yield* [];
      throw new RelayError('upstream_protocol', 'unexpected shape');
    });
    const req = request();
    await expect(runner.startChat(req, { signal, endpoint: 'x' })).rejects.toMatchObject({ code: 'upstream_protocol' });
    expect(deps.provider.calls).toHaveLength(1);
    expect(deps.requestLog.get(req.id)).toMatchObject({ status: 'error', httpStatus: 502, errorCode: 'upstream_protocol' });
  });

  it('bounds failover by the number of accounts and reports the last upstream error', async () => {
    const { deps, runner, signal } = setup(['a1', 'a2', 'a3']);
    deps.provider.scripts.set('*', async function* () {
      yield* [];
      throw new RelayError('upstream_unavailable', 'HTTP 500');
    });
    const req = request();
    await expect(runner.startChat(req, { signal, endpoint: 'x' })).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(deps.provider.calls).toHaveLength(3);
    expect(deps.pool.busy.size).toBe(0);
    // The last attempt had no account after it: it failed the request rather than failing over.
    expect(deps.requestLog.get(req.id)?.attempts.map((a) => a.outcome)).toEqual(['failover', 'failover', 'error']);
  });

  it('re-throws an error after the first event to the dialect and releases once', async () => {
    const { deps, runner, signal } = setup();
    deps.provider.scripts.set('*', async function* () {
      yield { type: 'text', text: 'partial' };
      throw new RelayError('upstream_unavailable', 'polls failed');
    });
    const req = request();
    const chat = await runner.startChat(req, { signal, endpoint: 'x' });
    await expect(drain(chat.events)).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(deps.pool.releases).toHaveLength(1);
    expect(deps.requestLog.get(req.id)).toMatchObject({ status: 'error', errorCode: 'upstream_unavailable' });
    expect(deps.provider.calls).toHaveLength(1);
  });

  it('aborts the provider and cleans up when the dialect stops early', async () => {
    const { deps, runner, signal } = setup();
    let upstreamSignal: AbortSignal | null = null;
    deps.provider.scripts.set('*', async function* (_req, options) {
      upstreamSignal = options.signal;
      yield { type: 'text', text: 'a' };
      await abortableDelay(60_000, options.signal);
      yield { type: 'text', text: 'never' };
    });
    const req = request();
    const chat = await runner.startChat(req, { signal, endpoint: 'x' });
    await chat.events.next();
    await chat.events.return?.();
    expect(deps.provider.cleanups).toBe(1);
    expect(deps.pool.releases).toEqual([{ accountId: 'a1', outcome: expect.objectContaining({ ok: false, code: 'aborted' }) }]);
    expect(deps.requestLog.get(req.id)?.status).toBe('aborted');
    expect(upstreamSignal).not.toBeNull();
  });

  it('stops a provider waiting on the upstream when the client signal aborts', async () => {
    const { deps, runner, signal, controller } = setup();
    deps.provider.scripts.set('*', async function* (_req, options) {
      yield { type: 'text', text: 'a' };
      await abortableDelay(60_000, options.signal);
    });
    const req = request();
    const chat = await runner.startChat(req, { signal, endpoint: 'x' });
    await chat.events.next();
    const pending = chat.events.next();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(deps.requestLog.get(req.id)?.status).toBe('aborted');
    expect(deps.pool.busy.size).toBe(0);
  });

  it('treats a provider that ends quietly after an abort as aborted, not complete', async () => {
    const { deps, runner, signal, controller } = setup();
    deps.provider.scripts.set('*', async function* (_req, options) {
      yield { type: 'text', text: 'a' };
      await new Promise((resolve) => options.signal.addEventListener('abort', resolve, { once: true }));
    });
    const req = request();
    const chat = await runner.startChat(req, { signal, endpoint: 'x' });
    await chat.events.next();
    const pending = chat.events.next();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(deps.requestLog.get(req.id)?.status).toBe('aborted');
  });

  it('applies tool emulation: prepare before the provider, transform on the events', async () => {
    const deps = createFakeDeps(['a1'], {
      tools: {
        prepare: (r) => ({ ...r, messages: [{ role: 'system', content: [{ type: 'text', text: 'TOOLS' }] }, ...r.messages] }),
        async *transform(events) {
          for await (const event of events) {
            if (event.type === 'text') yield { type: 'tool-call', call: { id: 'call_1', name: 'f', arguments: { x: 1 } } };
            else yield event;
          }
        },
      },
    });
    deps.provider.scripts.set('*', textReply('raw call text'));
    const runner = createChatRunner(deps);
    const req = request();
    const events = await drain((await runner.startChat(req, { signal: new AbortController().signal, endpoint: 'x' })).events);
    expect(deps.provider.calls[0]?.request.messages[0]?.content).toEqual([{ type: 'text', text: 'TOOLS' }]);
    expect(events.map((e) => e.type)).toEqual(['tool-call', 'usage', 'finish']);
    expect(deps.requestLog.get(req.id)?.toolCalls).toBe(1);
  });

  it('ends the log with the status of a start failure (model not found)', async () => {
    const { deps, runner, signal } = setup();
    const req = request({ model: 'strict-missing' });
    await expect(runner.startChat(req, { signal, endpoint: 'x' })).rejects.toMatchObject({ code: 'model_not_found' });
    expect(deps.requestLog.get(req.id)).toMatchObject({ status: 'error', httpStatus: 404 });
    expect(deps.pool.releases).toHaveLength(0);
  });

  it('logs bodies only when body logging is on', async () => {
    const { deps, runner, signal } = setup();
    const quiet = request();
    await drain((await runner.startChat(quiet, { signal, endpoint: 'x' })).events);
    expect(deps.requestLog.get(quiet.id)).toMatchObject({ requestBody: null, responseBody: null });
    deps.settings.logs.logBodies = true;
    const loud = request();
    await drain((await runner.startChat(loud, { signal, endpoint: 'x' })).events);
    expect(deps.requestLog.get(loud.id)?.requestBody).toContain('hello world');
    expect(deps.requestLog.get(loud.id)?.responseBody).toBe('hello');
  });

  it('cuts the reply at a stop sequence and leaves the upstream', async () => {
    const { deps, runner, signal } = setup(['a1']);
    deps.provider.scripts.set('*', async function* () {
      yield { type: 'text', text: 'hello ST' };
      yield { type: 'text', text: 'OP world' };
      yield { type: 'text', text: ' and more' };
      yield { type: 'finish', reason: 'stop' };
    });
    const events = await drain((await runner.startChat(request({ stopSequences: ['STOP'] }), { signal, endpoint: 'x' })).events);
    expect(events.filter((e) => e.type === 'text').map((e) => (e.type === 'text' ? e.text : '')).join('')).toBe('hello ');
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop_sequence', stopSequence: 'STOP' });
    expect(events.at(-2)?.type).toBe('usage');
    expect(deps.provider.cleanups).toBe(1);
    expect(deps.pool.releases).toEqual([{ accountId: 'a1', outcome: { ok: true } }]);
  });

  it('releases the account when the dialect gives up before reading any event', async () => {
    const { deps, runner, signal } = setup(['a1']);
    const req = request();
    const chat = await runner.startChat(req, { signal, endpoint: 'x' });
    await chat.events.return?.();
    expect(deps.pool.releases).toEqual([{ accountId: 'a1', outcome: expect.objectContaining({ ok: false, code: 'aborted' }) }]);
    expect(deps.provider.cleanups).toBe(1);
    expect(deps.requestLog.get(req.id)?.status).toBe('aborted');
    expect(await chat.events.next()).toEqual({ done: true, value: undefined });
  });
});
