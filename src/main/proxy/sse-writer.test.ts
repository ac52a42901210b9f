import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSseWriter } from './sse-writer';
import type { SseResponse } from './sse-writer';

function fakeRes(): SseResponse & { written: string[]; headers: Map<string, string>; ended: boolean; close(): void } {
  const listeners: (() => void)[] = [];
  const res = {
    written: [] as string[],
    headers: new Map<string, string>(),
    ended: false,
    headersSent: false,
    writableEnded: false,
    setHeader(name: string, value: string) {
      res.headers.set(name.toLowerCase(), value);
    },
    flushHeaders() {
      res.headersSent = true;
    },
    write(chunk: string) {
      res.written.push(chunk);
      return true;
    },
    end() {
      res.ended = true;
      res.writableEnded = true;
    },
    on(_event: 'close', listener: () => void) {
      listeners.push(listener);
    },
    off(_event: 'close', listener: () => void) {
      listeners.splice(listeners.indexOf(listener), 1);
    },
    close() {
      [...listeners].forEach((l) => l());
    },
  };
  return res;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createSseWriter', () => {
  it('sends event-stream headers at once and frames data, events and comments', () => {
    const res = fakeRes();
    const sse = createSseWriter(res, { heartbeatMs: 0 });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(res.headersSent).toBe(true);
    sse.data({ a: 1 });
    sse.data('[DONE]');
    sse.event('message_start', { b: 'x' }, '7');
    sse.comment('hello');
    expect(res.written).toEqual(['data: {"a":1}\n\n', 'data: [DONE]\n\n', 'id: 7\nevent: message_start\ndata: {"b":"x"}\n\n', ': hello\n\n']);
  });

  it('splits a multi-line string payload into several data lines', () => {
    const res = fakeRes();
    createSseWriter(res, { heartbeatMs: 0 }).data('one\ntwo');
    expect(res.written).toEqual(['data: one\ndata: two\n\n']);
  });

  it('refuses CR or LF in event names and ids', () => {
    const sse = createSseWriter(fakeRes(), { heartbeatMs: 0 });
    expect(() => sse.event('a\nb', {})).toThrow(/CR or LF/);
    expect(() => sse.event('a', {}, 'x\ry')).toThrow(/CR or LF/);
  });

  it('sends a ping only after heartbeatMs of silence, and stops on end', () => {
    vi.useFakeTimers();
    const res = fakeRes();
    const sse = createSseWriter(res, { heartbeatMs: 1000 });
    vi.advanceTimersByTime(600);
    sse.data('x');
    vi.advanceTimersByTime(600);
    expect(res.written).toEqual(['data: x\n\n']);
    vi.advanceTimersByTime(500);
    expect(res.written).toEqual(['data: x\n\n', ': ping\n\n']);
    sse.end();
    expect(res.ended).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(res.written).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('becomes closed and writes nothing more when the client goes away', () => {
    vi.useFakeTimers();
    const res = fakeRes();
    const sse = createSseWriter(res, { heartbeatMs: 1000 });
    res.close();
    expect(sse.closed).toBe(true);
    sse.data('late');
    vi.advanceTimersByTime(3000);
    expect(res.written).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
