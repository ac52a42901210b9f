import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiKeyUseTracker, findApiKey, hashApiKey } from './api-key-auth';
import { isLoopbackHost, parseHostHeader } from './host-check';

afterEach(() => {
  vi.useRealTimers();
});

describe('Host parsing', () => {
  it('splits names and ports, IPv6 in brackets', () => {
    expect(parseHostHeader('localhost:8000')).toEqual({ name: 'localhost', port: 8000 });
    expect(parseHostHeader('[::1]:8000')).toEqual({ name: '[::1]', port: 8000 });
    expect(parseHostHeader('Example.COM')).toEqual({ name: 'example.com', port: null });
    expect(parseHostHeader('a:b:c')).toBeNull();
    expect(parseHostHeader('')).toBeNull();
  });

  it('knows loopback names', () => {
    expect(['127.0.0.1', 'localhost', '[::1]', '127.1.2.3'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', 'localhost.evil.example', '192.168.1.2'].some(isLoopbackHost)).toBe(false);
  });
});

describe('API keys', () => {
  const records = [
    { id: 'k1', name: 'one', prefix: 'sk-1', hash: hashApiKey('sk-one'), createdAt: 0, lastUsedAt: null },
    { id: 'k2', name: 'two', prefix: 'sk-2', hash: hashApiKey('sk-two'), createdAt: 0, lastUsedAt: null },
  ];

  it('finds the record whose hash matches, and nothing for a wrong or malformed key', () => {
    expect(hashApiKey('sk-one')).toMatch(/^[0-9a-f]{64}$/);
    expect(findApiKey('sk-two', records)?.id).toBe('k2');
    expect(findApiKey('sk-three', records)).toBeNull();
    expect(findApiKey('sk-one', [{ ...records[0]!, hash: 'not-hex' }])).toBeNull();
  });

  it('coalesces last-use writes into one per interval', () => {
    vi.useFakeTimers();
    const writes: Map<string, number>[] = [];
    const tracker = createApiKeyUseTracker((batch) => writes.push(new Map(batch)), 1000);
    tracker.touch('k1', 1);
    tracker.touch('k1', 2);
    tracker.touch('k2', 3);
    expect(writes).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(writes).toEqual([new Map([['k1', 2], ['k2', 3]])]);
    vi.advanceTimersByTime(5000);
    expect(writes).toHaveLength(1);
    tracker.touch('k2', 9);
    tracker.flush();
    expect(writes[1]).toEqual(new Map([['k2', 9]]));
  });
});
