/**
 * Adding API keys through the accounts service against the Open Platform simulator: validation
 * with the platform's errors mapped to relay codes and next steps, the Coding Plan quota as
 * credits, and the key never shown back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMixedStack, type MixedStack } from '../../../../test/support/mixed-stack';

let stack: MixedStack;

beforeAll(async () => {
  stack = await startMixedStack({ openRegionUrls: true });
});
afterAll(async () => {
  await stack?.close();
});

const importKey = (text: string, options: { region?: 'cn' | 'intl'; keyKind?: 'pay-as-you-go' | 'coding-plan' } = {}) =>
  stack.core.services.accounts.import({ text, provider: 'minimax-open', region: options.region ?? 'cn', ...(options.keyKind ? { keyKind: options.keyKind } : {}) });

describe('adding API keys', () => {
  it('adds a pay-as-you-go key with 4 parallel replies and a masked id, and updates it in place on a second add', async () => {
    const { key } = stack.open.admin.addKey({ region: 'cn' });
    const first = await importKey(key);
    expect(first.results[0]).toMatchObject({ ok: true, action: 'created', input: `${key.slice(0, 6)}…${key.slice(-4)}` });
    const account = first.results[0]!.account!;
    expect(account).toMatchObject({ provider: 'minimax-open', region: 'cn', maxConcurrency: 4, status: 'active', credits: null });
    expect(JSON.stringify(account)).not.toContain(key);
    const again = await importKey(key);
    expect(again.results[0]).toMatchObject({ ok: true, action: 'updated' });
    expect(again.results[0]!.account!.id).toBe(account.id);
  });

  it('reads a Coding Plan key’s remaining prompts as its credits', async () => {
    const { key } = stack.open.admin.addKey({ region: 'intl', kind: 'coding-plan', planTotal: 300 });
    stack.open.admin.setPlanLeft(key, 120);
    const result = await importKey(key, { region: 'intl', keyKind: 'coding-plan' });
    expect(result.results[0]!.account!.credits).toMatchObject({ remaining: 120, planName: 'Coding Plan' });
    expect(result.results[0]!.account!.credits!.resetAt).toBeGreaterThan(Date.now());
  });

  it('tells a key of the other region apart from an invalid key', async () => {
    const { key } = stack.open.admin.addKey({ region: 'intl' });
    const wrongRegion = await importKey(key, { region: 'cn' });
    expect(wrongRegion.results[0]!.error).toMatchObject({ code: 'invalid_credential', detail: { reason: 'wrong_region', region: 'intl' } });
    expect(wrongRegion.results[0]!.error!.message).toContain('international');
    expect(wrongRegion.results[0]!.error!.detail).toMatchObject({ reasonCode: 'open_wrong_region', reasonParams: JSON.stringify({ region: 'intl' }) });
    const invalid = await importKey('sk-this-key-does-not-exist-0000');
    expect(invalid.results[0]!.error).toMatchObject({ code: 'invalid_credential', detail: { reason: 'invalid_key', reasonCode: 'open_invalid_key' } });
  });

  it('maps no balance and rate limits to the relay’s codes, and refuses text that is no key', async () => {
    const broke = stack.open.admin.addKey({ region: 'cn', balance: 0 });
    expect((await importKey(broke.key)).results[0]!.error!.code).toBe('upstream_credits_exhausted');
    const limited = stack.open.admin.addKey({ region: 'cn', rpm: 0 });
    expect((await importKey(limited.key)).results[0]!.error).toMatchObject({ code: 'upstream_busy', detail: { reason: 'rate_limited' } });
    const junk = await importKey('not a key');
    expect(junk.results[0]).toMatchObject({ ok: false, error: { code: 'invalid_credential' } });
    expect(stack.open.admin.requests().some((r) => r.key === 'not a key')).toBe(false);
  });

  it('takes several keys at once, each with its own region prefix', async () => {
    const cn = stack.open.admin.addKey({ region: 'cn' });
    const intl = stack.open.admin.addKey({ region: 'intl' });
    const result = await importKey(`cn:${cn.key}\nintl:${intl.key}`);
    expect(result.created).toBe(2);
    expect(result.results.map((r) => r.account?.region)).toEqual(['cn', 'intl']);
  });

  it('re-checks a key whose balance ran out and parks it', async () => {
    const { key } = stack.open.admin.addKey({ region: 'cn' });
    const id = (await importKey(key)).results[0]!.account!.id;
    stack.open.admin.setBalance(key, 0);
    const checked = await stack.core.services.accounts.validate({ id });
    expect(checked.status).toBe('exhausted');
  });
});
