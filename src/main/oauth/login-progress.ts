/** The user-visible progress of a login attempt (ProgressEvent kind `login`). */
import type { ProgressEvent } from '../../shared/contract';
import type { LoginState } from './login-flow';

const TOTAL_STEPS = 3;

export function toLoginProgress(taskId: string, state: LoginState): ProgressEvent {
  const base = { taskId, kind: 'login' as const, total: TOTAL_STEPS };
  switch (state.phase) {
    case 'waiting':
      // A guest session has its own step, so the UI can say it in its language (the notice is English).
      if (state.noticeReason === 'guest_token' && state.notice) return { ...base, done: 0, message: state.notice, step: 'login_guest' };
      return state.notice
        ? { ...base, done: 0, message: state.notice, step: 'login_rejected', params: { detail: state.notice } }
        : { ...base, done: 0, message: 'Waiting for you to log in to MiniMax in the login window…', step: 'login_waiting' };
    case 'validating':
      return { ...base, done: 1, message: 'Logged in. Checking the account with MiniMax…', step: 'login_validating' };
    case 'succeeded':
      return { ...base, done: TOTAL_STEPS, message: 'Account saved.', step: 'login_saved' };
    case 'failed':
      // The UI shows the translated title of `code`; the English message stays for logs.
      return { ...base, done: TOTAL_STEPS, message: `${state.error.message} (${state.error.code})`, step: 'login_failed', params: { code: state.error.code } };
  }
}
