import { describe, expect, it } from 'vitest';
import { isOpenCredential } from '../types';
import { parseApiKeys } from './credentials';

const context = { now: 0, region: 'cn' as const };

describe('parseApiKeys', () => {
  it('reads one key per line or comma, with region prefixes and Bearer tolerated', () => {
    const entries = parseApiKeys('sk-aaaaaaaaaaaaaaaaaaaa\nintl:sk-bbbbbbbbbbbbbbbbbbbb, Bearer cn:sk-cccccccccccccccccccc\n# comment', { ...context, keyKind: 'coding-plan' });
    expect(entries.map((e) => (e.ok ? [e.region, e.credential] : null))).toEqual([
      ['cn', { kind: 'minimax-open', apiKey: 'sk-aaaaaaaaaaaaaaaaaaaa', keyKind: 'coding-plan' }],
      ['intl', { kind: 'minimax-open', apiKey: 'sk-bbbbbbbbbbbbbbbbbbbb', keyKind: 'coding-plan' }],
      ['cn', { kind: 'minimax-open', apiKey: 'sk-cccccccccccccccccccc', keyKind: 'coding-plan' }],
    ]);
  });

  it('reads a key-kind prefix in either order with the region', () => {
    const entries = parseApiKeys('intl:coding-plan:sk-dddddddddddddddddddd\npay-as-you-go:cn:sk-eeeeeeeeeeeeeeeeeeee', { ...context, keyKind: 'coding-plan' });
    expect(entries.map((e) => (e.ok ? [e.region, isOpenCredential(e.credential) ? e.credential.keyKind : null] : null))).toEqual([
      ['intl', 'coding-plan'],
      ['cn', 'pay-as-you-go'],
    ]);
  });

  it('refuses text that is no key, without echoing it in full', () => {
    const [entry] = parseApiKeys('hello world this is not a key', context);
    expect(entry).toMatchObject({ ok: false, error: { code: 'invalid_credential' } });
    expect(entry?.masked).not.toContain('this is not');
  });
});
