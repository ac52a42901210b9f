import { describe, expect, it } from 'vitest';
import type { BridgeEventName } from '../../shared/contract';
import { createHttpTransport } from './http-transport';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function streamOf(chunks: string[]): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );
}

describe('createHttpTransport', () => {
  it('posts the input to /api/<domain>/<method> with the admin token', async () => {
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    const transport = createHttpTransport({
      baseUrl: 'http://relay',
      token: 'secret',
      fetch: async (url, init) => {
        requests.push({ url: String(url), init });
        return jsonResponse({ ok: true, value: 42 });
      },
    });
    await expect(transport.call('models', 'explain', { name: 'gpt-4o' })).resolves.toEqual({ ok: true, value: 42 });
    expect(requests[0]?.url).toBe('http://relay/api/models/explain');
    expect(requests[0]?.init?.method).toBe('POST');
    expect(new Headers(requests[0]?.init?.headers).get('authorization')).toBe('Bearer secret');
    expect(requests[0]?.init?.body).toBe('{"name":"gpt-4o"}');
  });

  it('passes error results through and turns a bare 401 or a network failure into error data', async () => {
    const answers = [jsonResponse({ ok: false, error: { code: 'invalid_request', message: 'bad' } }, 400), new Response('nope', { status: 401 })];
    const transport = createHttpTransport({ baseUrl: '', token: null, fetch: async () => answers.shift() ?? Promise.reject(new TypeError('offline')) });
    await expect(transport.call('a', 'b', {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await expect(transport.call('a', 'b', {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const offline = createHttpTransport({ baseUrl: '', token: null, fetch: () => Promise.reject(new TypeError('offline')) });
    await expect(offline.call('a', 'b', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('parses SSE frames split at awkward places and reconnects when the stream ends', async () => {
    const streams = [streamOf([': connected\n\nevent: prog', 'ress\ndata: {"done":1,', '"total":2}\n\nevent: unknown\ndata: {}\n\n']), streamOf(['event: logs:entry\ndata: {"id":"x"}\n\n'])];
    const timers: (() => void)[] = [];
    const transport = createHttpTransport({
      baseUrl: '',
      token: 't',
      fetch: async () => streams.shift() ?? new Promise<Response>(() => undefined),
      setTimer: (fn) => timers.push(fn),
    });
    const events: [BridgeEventName, unknown][] = [];
    const states: string[] = [];
    const stop = transport.subscribe((event, payload) => events.push([event, payload]), (state) => states.push(state));
    await expect.poll(() => timers.length).toBe(1);
    expect(events).toEqual([['progress', { done: 1, total: 2 }]]);
    timers.shift()?.();
    await expect.poll(() => events.length).toBe(2);
    expect(events[1]).toEqual(['logs:entry', { id: 'x' }]);
    expect(states).toContain('reconnecting');
    stop();
  });
});
