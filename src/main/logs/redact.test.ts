import { describe, expect, it } from 'vitest';
import { redactBody, redactValue, scrubText } from './redact';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiMTIzNDU2In0.abcDEF123_-x';

describe('scrubText', () => {
  it('removes JWTs, realUserID+JWT credentials, bearer values and API keys from free text', () => {
    const text = `token ${JWT}; import 123456789+${JWT}; header Bearer abcdefgh12345678; key sk-abcdefghijklmnop1234`;
    const out = scrubText(text);
    expect(out).not.toContain(JWT);
    expect(out).not.toContain('123456789+');
    expect(out).not.toContain('abcdefgh12345678');
    expect(out).not.toContain('sk-abcdefghijklmnop1234');
    expect(out).toContain('[redacted-credential]');
  });

  it('leaves ordinary text alone', () => {
    expect(scrubText('model MiniMax-M2.7 answered in 120 ms')).toBe('model MiniMax-M2.7 answered in 120 ms');
    expect(scrubText('Basic concepts of Bearer bonds')).toBe('Basic concepts of Bearer bonds');
    expect(scrubText('Authorization: Basic dXNlcjpwYXNzd29yZA==')).toBe('Authorization: Basic [redacted]');
  });
});

describe('redactValue', () => {
  it('censors secret keys at any depth, case-insensitively, without touching the input', () => {
    const input = { a: { b: { c: { d: { e: { f: { g: { Authorization: 'x', list: [{ apiKey: 'k' }] } } } } } } }, safe: 1 };
    const out = JSON.stringify(redactValue(input));
    expect(out).not.toMatch(/"x"|"k"/);
    expect(out).toContain('"safe":1');
    expect(input.a.b.c.d.e.f.g.Authorization).toBe('x');
  });

  it('handles cycles and errors', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect(redactValue(cyclic)).toEqual({ name: 'loop', self: '[circular]' });
    expect(redactValue(new Error(`bad ${JWT}`))).toMatchObject({ type: 'Error', message: 'bad [redacted-jwt]' });
  });
});

describe('redactBody', () => {
  it('redacts JSON structurally and truncates with a marker', () => {
    const body = JSON.stringify({ model: 'gpt-4o', api_key: 'secret-key', messages: [{ role: 'user', content: `use ${JWT}` }] });
    const out = redactBody(body, 10_000);
    expect(JSON.parse(out)).toMatchObject({ model: 'gpt-4o', api_key: '[redacted]', messages: [{ content: 'use [redacted-jwt]' }] });
    const cut = redactBody(JSON.stringify({ text: 'a'.repeat(500) }), 100);
    expect(cut.startsWith('{"text":"aaa')).toBe(true);
    expect(cut).toMatch(/…\[truncated \d+ chars\]$/);
    expect(cut.length).toBeLessThan(130);
  });

  it('scrubs non-JSON text', () => {
    expect(redactBody(`data: ${JWT}`, 1000)).toBe('data: [redacted-jwt]');
  });
});
