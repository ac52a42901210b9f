import { describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import type { CaptureResult, CapturedCredential } from './extract-credentials';
import { reduceLogin, runLoginFlow, sleepWithSignal, startLogin, type LoginState } from './login-flow';
import { toLoginProgress } from './login-progress';

const options = { timeoutMs: 10_000, userIdGraceMs: 1_000 };
const credential = (source: CapturedCredential['realUserIdSource']): CapturedCredential => ({
  token: 'jwt',
  realUserId: source ? '7' : null,
  realUserIdSource: source,
  userName: null,
  email: null,
  tokenExpiresAt: null,
});
const captured = (source: CapturedCredential['realUserIdSource']): CaptureResult => ({ status: 'captured', credential: credential(source) });
const pending: CaptureResult = { status: 'pending', reason: 'no_token' };

describe('reduceLogin', () => {
  it('moves to validating as soon as the profile names the user', () => {
    const next = reduceLogin(startLogin(0), { type: 'snapshot', result: captured('user_detail') }, 100, options);
    expect(next.phase).toBe('validating');
  });

  it('waits the grace period for the profile before using the JWT id', () => {
    let state = reduceLogin(startLogin(0), { type: 'snapshot', result: captured('jwt') }, 100, options);
    expect(state).toMatchObject({ phase: 'waiting', tokenSeenAt: 100 });
    state = reduceLogin(state, { type: 'snapshot', result: captured('jwt') }, 900, options);
    expect(state.phase).toBe('waiting');
    state = reduceLogin(state, { type: 'snapshot', result: captured('jwt') }, 1_100, options);
    expect(state).toMatchObject({ phase: 'validating', credential: { realUserId: '7' } });
  });

  it('keeps waiting on a guest token and tells the user why', () => {
    const guest: CaptureResult = { status: 'rejected', reason: 'guest_token', message: 'This is a guest session.' };
    const state = reduceLogin(startLogin(0), { type: 'snapshot', result: guest }, 10, options);
    expect(state).toMatchObject({ phase: 'waiting', notice: 'This is a guest session.' });
    expect(toLoginProgress('t', state).message).toBe('This is a guest session.');
  });

  it('times out while waiting, and finished states absorb later events', () => {
    const state = reduceLogin(startLogin(0), { type: 'tick' }, 10_000, options);
    expect(state).toMatchObject({ phase: 'failed', error: { code: 'login_timeout' } });
    expect(reduceLogin(state, { type: 'snapshot', result: captured('user_detail') }, 10_001, options)).toBe(state);
  });

  it('cancels from any unfinished phase', () => {
    const validating = reduceLogin(startLogin(0), { type: 'snapshot', result: captured('user_detail') }, 1, options);
    expect(reduceLogin(validating, { type: 'cancel' }, 2, options)).toMatchObject({ phase: 'failed', error: { code: 'login_cancelled' } });
  });

  it('ends with the validation outcome', () => {
    const validating = reduceLogin(startLogin(0), { type: 'snapshot', result: captured('user_detail') }, 1, options);
    expect(reduceLogin(validating, { type: 'validated' }, 2, options).phase).toBe('succeeded');
    const failed = reduceLogin(validating, { type: 'validation_failed', error: { code: 'upstream_auth_expired', message: 'no' } }, 2, options);
    expect(failed).toMatchObject({ phase: 'failed', error: { code: 'upstream_auth_expired' } });
  });
});

function fakeClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('runLoginFlow', () => {
  it('polls until the user logs in, then completes once with the credential', async () => {
    const clock = fakeClock();
    const results = [pending, pending, captured('user_detail')];
    const completed: CapturedCredential[] = [];
    const states: LoginState['phase'][] = [];
    const value = await runLoginFlow({
      capture: async () => results.shift() ?? pending,
      complete: async (c) => {
        completed.push(c);
        return 'account-1';
      },
      ...clock,
      signal: new AbortController().signal,
      pollMs: 500,
      options,
      onState: (s) => states.push(s.phase),
    });
    expect(value).toBe('account-1');
    expect(completed).toHaveLength(1);
    expect(states).toEqual(['waiting', 'validating', 'succeeded']);
  });

  it('treats a failing capture (page navigating) as not yet logged in', async () => {
    const clock = fakeClock();
    let calls = 0;
    const value = await runLoginFlow({
      capture: async () => {
        calls += 1;
        if (calls === 1) throw new Error('Execution context was destroyed');
        return captured('user_detail');
      },
      complete: async () => 'ok',
      ...clock,
      signal: new AbortController().signal,
      pollMs: 500,
      options,
    });
    expect(value).toBe('ok');
    expect(calls).toBe(2);
  });

  it('does not hang on a capture that never answers (page still loading)', async () => {
    const clock = fakeClock();
    let calls = 0;
    const value = await runLoginFlow({
      capture: () => {
        calls += 1;
        return calls === 1 ? new Promise<CaptureResult>(() => {}) : Promise.resolve(captured('user_detail'));
      },
      complete: async () => 'ok',
      ...clock,
      signal: new AbortController().signal,
      pollMs: 10,
      captureTimeoutMs: 20,
      options,
    });
    expect(value).toBe('ok');
    expect(calls).toBe(2);
  });

  it('rejects with login_timeout when the user never logs in', async () => {
    const clock = fakeClock();
    const flow = runLoginFlow({ capture: async () => pending, complete: async () => 'never', ...clock, signal: new AbortController().signal, pollMs: 1_000, options });
    await expect(flow).rejects.toMatchObject({ code: 'login_timeout' });
    expect(clock.now()).toBe(10_000);
  });

  it('rejects with login_cancelled when the window closes', async () => {
    const controller = new AbortController();
    const flow = runLoginFlow({
      capture: async () => pending,
      complete: async () => 'never',
      now: () => 0,
      sleep: sleepWithSignal,
      signal: controller.signal,
      pollMs: 60_000,
      options,
    });
    setTimeout(() => controller.abort(), 10);
    await expect(flow).rejects.toMatchObject({ code: 'login_cancelled' });
  });

  it('passes a failed validation through with its code', async () => {
    const clock = fakeClock();
    const states: LoginState[] = [];
    const flow = runLoginFlow({
      capture: async () => captured('user_detail'),
      complete: async () => {
        throw new RelayError('upstream_auth_expired', 'Token expired');
      },
      ...clock,
      signal: new AbortController().signal,
      pollMs: 10,
      options,
      onState: (s) => states.push(s),
    });
    await expect(flow).rejects.toMatchObject({ code: 'upstream_auth_expired' });
    expect(states.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'upstream_auth_expired' } });
  });
});
