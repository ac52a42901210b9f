import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('scrubText on hostile input', () => {
  // The regular expressions the scanner replaced: the reference for short inputs.
  const OLD_JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
  const OLD_USER_PLUS_JWT = /[A-Za-z0-9_-]{3,}\+eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
  const reference = (text: string): string => text.replace(OLD_USER_PLUS_JWT, '[redacted-credential]').replace(OLD_JWT, '[redacted-jwt]');

  // Where a JWT's last segment runs into `x+eyJ…`, the two may be labelled differently; what is hidden must be the same.
  const hidden = (text: string): string => text.replace(/\[redacted-(jwt|credential)\]/g, '#').replace(/#\+(?=#)/g, '#').replace(/#+/g, '#');

  it('hides exactly what the former expressions hid', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('eyJ', 'ab', '1', '.', '+', '-', ' ', 'eyJabcd.efgh.', 'x+'), { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
        expect(hidden(scrubText(text))).toBe(hidden(reference(text)));
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('scrubs a megabyte of one letter, of repeated "eyJ" and of a credential-like run in one linear pass', () => {
    for (const text of ['a'.repeat(1 << 20), 'eyJ'.repeat(350_000), `${'1'.repeat(1 << 20)}+eyJ`, `eyJabcd.${'x'.repeat(1 << 20)}`]) {
      expect(scrubText(text)).toBe(text);
    }
    expect(scrubText(`${'1'.repeat(100_000)}+${JWT}`)).toBe('[redacted-credential]');
  });
});
