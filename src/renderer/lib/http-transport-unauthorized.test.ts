import { describe, expect, it } from 'vitest';
import { createHttpTransport } from './http-transport';

const refusedBody = { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong admin token' } };

function refusing(counter: { calls: number }): typeof fetch {
  return async () => {
    counter.calls += 1;
    return new Response(JSON.stringify(refusedBody), { status: 401, headers: { 'content-type': 'application/json' } });
  };
}

describe('createHttpTransport after a refused token', () => {
  it('sends no further call after the first 401 and tells the app once', async () => {
    const counter = { calls: 0 };
    let told = 0;
    const transport = createHttpTransport({ baseUrl: 'http://relay', token: 'old', fetch: refusing(counter), onUnauthorized: () => (told += 1) });
    const results = await Promise.all([transport.call('app', 'info', {}), transport.call('logs', 'stats', {})]);
    const later = await Promise.all(['accounts', 'models', 'settings'].map((domain) => transport.call(domain, 'list', {})));
    // The two calls already in flight both reach the relay; nothing after the answer does.
    expect(counter.calls).toBe(2);
    expect(told).toBe(1);
    for (const result of [...results, ...later]) expect(result.ok ? null : result.error.code).toBe('unauthorized');
  });

  it('parks the event stream on 401 instead of retrying, and reconnects with the new token on resume()', async () => {
    let token = 'old';
    const seen: string[] = [];
    const timers: (() => void)[] = [];
    const transport = createHttpTransport({
      baseUrl: 'http://relay',
      token: null,
      getToken: () => token,
      fetch: async (_url, init) => {
        const auth = new Headers(init?.headers).get('authorization') ?? '';
        seen.push(auth);
        if (auth !== 'Bearer new') return new Response('{}', { status: 401 });
        return new Response(new ReadableStream({ start: () => undefined }), { status: 200 });
      },
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    });
    const states: string[] = [];
    const stop = transport.subscribe(() => undefined, (state) => states.push(state));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['Bearer old']);
    expect(timers).toHaveLength(0);
    token = 'new';
    transport.resume();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
    expect(states.at(-1)).toBe('open');
    stop();
  });
});
