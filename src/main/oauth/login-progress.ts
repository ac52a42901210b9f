/** The user-visible progress of a login attempt (ProgressEvent kind `login`). */
import type { ProgressEvent } from '../../shared/contract';
import type { LoginState } from './login-flow';

const TOTAL_STEPS = 3;

export function toLoginProgress(taskId: string, state: LoginState): ProgressEvent {
  const base = { taskId, kind: 'login' as const, total: TOTAL_STEPS };
  switch (state.phase) {
    case 'waiting':
      return { ...base, done: 0, message: state.notice ?? 'Waiting for you to log in to MiniMax in the login window…' };
    case 'validating':
      return { ...base, done: 1, message: 'Logged in. Checking the account with MiniMax…' };
    case 'succeeded':
      return { ...base, done: TOTAL_STEPS, message: 'Account saved.' };
    case 'failed':
      return { ...base, done: TOTAL_STEPS, message: `${state.error.message} (${state.error.code})` };
  }
}
