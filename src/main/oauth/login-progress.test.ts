import { describe, expect, it } from 'vitest';
import type { LoginState } from './login-flow';
import { toLoginProgress } from './login-progress';

describe('toLoginProgress', () => {
  it('gives each phase a step code the UI translates, keeping the English message for logs', () => {
    const waiting: LoginState = { phase: 'waiting', startedAt: 0, tokenSeenAt: null, notice: null };
    expect(toLoginProgress('t', waiting)).toMatchObject({ done: 0, total: 3, step: 'login_waiting' });
    expect(toLoginProgress('t', { ...waiting, notice: 'no token yet' })).toMatchObject({ step: 'login_rejected', params: { detail: 'no token yet' }, message: 'no token yet' });
    expect(toLoginProgress('t', { ...waiting, notice: 'This is a guest session.', noticeReason: 'guest_token' })).toMatchObject({ step: 'login_guest', message: 'This is a guest session.' });
    expect(toLoginProgress('t', { phase: 'succeeded' } as LoginState)).toMatchObject({ done: 3, step: 'login_saved', message: 'Account saved.' });
  });

  it('reports a failure by its error code', () => {
    const failed: LoginState = { phase: 'failed', error: { code: 'login_cancelled', message: 'closed' } };
    expect(toLoginProgress('t', failed)).toMatchObject({ step: 'login_failed', params: { code: 'login_cancelled' }, message: 'closed (login_cancelled)' });
  });
});
