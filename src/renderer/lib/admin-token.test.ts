import { describe, expect, it } from 'vitest';
import { takeAdminToken } from './admin-token';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

describe('takeAdminToken', () => {
  it('moves the token from the fragment to session storage and clears it from the address bar', () => {
    const storage = memoryStorage();
    let hash = '';
    expect(takeAdminToken({ hash: '#token=abc%2B1', storage, replaceHash: (h) => (hash = h) })).toBe('abc+1');
    expect(hash).toBe('#/');
    expect(takeAdminToken({ hash: '#/logs', storage, replaceHash: () => undefined })).toBe('abc+1');
  });

  it('keeps the rest of the fragment and returns null without any token', () => {
    let hash = '';
    expect(takeAdminToken({ hash: '#/logs&token=zz', storage: memoryStorage(), replaceHash: (h) => (hash = h) })).toBe('zz');
    expect(hash).toBe('#/logs');
    expect(takeAdminToken({ hash: '', storage: memoryStorage(), replaceHash: () => undefined })).toBeNull();
  });
});
