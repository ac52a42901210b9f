import { describe, expect, it } from 'vitest';
import type { TokenVerdict } from '../lib/token-check';
import { createAuthStore, type AuthDeps } from './auth-store';

function setup(stored: string | null, verdicts: Record<string, TokenVerdict>) {
  const tab = { token: stored, checks: [] as string[], resumed: 0 };
  const deps: AuthDeps = {
    check: async (token) => {
      tab.checks.push(token);
      return verdicts[token] ?? { kind: 'refused' };
    },
    readToken: () => tab.token,
    storeToken: (token) => (tab.token = token),
    clearToken: () => (tab.token = null),
    resume: () => (tab.resumed += 1),
  };
  return { tab, store: createAuthStore(deps) };
}

describe('auth store', () => {
  it('asks for a token without calling the relay when the tab has none', async () => {
    const { tab, store } = setup(null, {});
    await store.getState().start();
    expect(store.getState()).toMatchObject({ phase: 'signed-out', reason: 'none' });
    expect(tab.checks).toEqual([]);
  });

  it('checks a stored token once, even when started twice', async () => {
    const { tab, store } = setup('right', { right: { kind: 'ok' } });
    await Promise.all([store.getState().start(), store.getState().start()]);
    expect(store.getState().phase).toBe('signed-in');
    expect(tab.checks).toEqual(['right']);
  });

  it('forgets a refused stored token and says why', async () => {
    const { tab, store } = setup('old', {});
    await store.getState().start();
    expect(store.getState()).toMatchObject({ phase: 'signed-out', reason: 'refused' });
    expect(tab.token).toBeNull();
  });

  it('keeps a pasted token only when the relay takes it, then lets calls go out again', async () => {
    const { tab, store } = setup(null, { right: { kind: 'ok' }, busy: { kind: 'rate_limited', retryAfterSec: 42 } });
    await store.getState().start();
    await store.getState().signIn('wrong');
    expect(store.getState()).toMatchObject({ phase: 'signed-out', reason: 'refused' });
    await store.getState().signIn('busy');
    expect(store.getState()).toMatchObject({ reason: 'rate_limited', retryAfterSec: 42 });
    expect(tab.token).toBeNull();
    await store.getState().signIn('  right \n');
    expect(store.getState()).toMatchObject({ phase: 'signed-in', submitting: false });
    expect(tab.token).toBe('right');
    expect(tab.resumed).toBe(1);
  });

  it('goes back to sign-in when the relay refuses the token later', async () => {
    const { tab, store } = setup('right', { right: { kind: 'ok' } });
    await store.getState().start();
    store.getState().tokenRejected();
    expect(store.getState()).toMatchObject({ phase: 'signed-out', reason: 'expired' });
    expect(tab.token).toBeNull();
  });
});
