/**
 * The login flow as a state machine: wait for the page to hold a real token, give the profile a
 * moment to appear (C2A waits ~500 ms for `realUserID` after `_token`, because the site writes the
 * two keys separately), then hand over to validation. Timeout and cancel are states, not
 * exceptions, so the reducer is testable without timers; `runLoginFlow` drives it.
 */
import { RelayError, type ErrorInfo } from '../../shared/errors';
import type { CaptureResult, CapturedCredential } from './extract-credentials';

export interface LoginFlowOptions {
  /** Overall time the user has to log in. */
  timeoutMs: number;
  /** How long to wait for `user_detail_agent` after the token appears before using a fallback id. */
  userIdGraceMs: number;
}

export type LoginState =
  | {
      phase: 'waiting';
      startedAt: number;
      tokenSeenAt: number | null;
      notice: string | null;
      /** Why the page's login was refused (guest session, damaged token), for notices in the app's language. */
      noticeReason?: NoticeReason | null;
    }
  | { phase: 'validating'; startedAt: number; credential: CapturedCredential }
  | { phase: 'succeeded'; credential: CapturedCredential }
  | { phase: 'failed'; error: ErrorInfo };

export type NoticeReason = Extract<CaptureResult, { status: 'rejected' }>['reason'];

export type LoginEvent =
  | { type: 'snapshot'; result: CaptureResult }
  | { type: 'tick' }
  | { type: 'cancel' }
  | { type: 'validated' }
  | { type: 'validation_failed'; error: ErrorInfo };

export const DEFAULT_LOGIN_OPTIONS: LoginFlowOptions = { timeoutMs: 10 * 60_000, userIdGraceMs: 1_500 };

export function startLogin(now: number): LoginState {
  return { phase: 'waiting', startedAt: now, tokenSeenAt: null, notice: null };
}

export function isFinished(state: LoginState): state is Extract<LoginState, { phase: 'succeeded' | 'failed' }> {
  return state.phase === 'succeeded' || state.phase === 'failed';
}

const TIMEOUT: ErrorInfo = { code: 'login_timeout', message: 'The login window timed out before you logged in. Try again.' };
const CANCELLED: ErrorInfo = { code: 'login_cancelled', message: 'The login window was closed before the login finished.' };

type Waiting = Extract<LoginState, { phase: 'waiting' }>;

/** Same object when nothing changed, so observers only hear about real transitions. */
function waiting(state: Waiting, tokenSeenAt: number | null, notice: string | null, noticeReason: NoticeReason | null = null): Waiting {
  const same = state.tokenSeenAt === tokenSeenAt && state.notice === notice && (state.noticeReason ?? null) === noticeReason;
  return same ? state : { ...state, tokenSeenAt, notice, noticeReason };
}

function onSnapshot(state: Waiting, result: CaptureResult, now: number, options: LoginFlowOptions): LoginState {
  if (result.status === 'pending') return waiting(state, null, null);
  if (result.status === 'rejected') return waiting(state, null, result.message, result.reason);
  const { credential } = result;
  if (credential.realUserIdSource === 'user_detail') return { phase: 'validating', startedAt: state.startedAt, credential };
  const tokenSeenAt = state.tokenSeenAt ?? now;
  if (now - tokenSeenAt >= options.userIdGraceMs) return { phase: 'validating', startedAt: state.startedAt, credential };
  return waiting(state, tokenSeenAt, null);
}

/** The pure transition function. Finished states absorb every event. */
export function reduceLogin(state: LoginState, event: LoginEvent, now: number, options: LoginFlowOptions = DEFAULT_LOGIN_OPTIONS): LoginState {
  if (isFinished(state)) return state;
  if (event.type === 'cancel') return { phase: 'failed', error: CANCELLED };
  if (state.phase === 'waiting') {
    if (now - state.startedAt >= options.timeoutMs) return { phase: 'failed', error: TIMEOUT };
    return event.type === 'snapshot' ? onSnapshot(state, event.result, now, options) : state;
  }
  if (event.type === 'validated') return { phase: 'succeeded', credential: state.credential };
  if (event.type === 'validation_failed') return { phase: 'failed', error: event.error };
  return state;
}

export interface LoginFlowDeps<T> {
  /** Reads and interprets the page once; a rejection (page navigating) counts as "nothing yet". */
  capture(): Promise<CaptureResult>;
  /** Validates and saves the credential (the upstream check and the account write). */
  complete(credential: CapturedCredential): Promise<T>;
  now(): number;
  /** Resolves after `ms`, or early when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  signal: AbortSignal;
  pollMs: number;
  /** A capture that takes longer counts as "nothing yet" (default 5 s). */
  captureTimeoutMs?: number;
  options?: Partial<LoginFlowOptions>;
  onState?(state: LoginState): void;
}

const NOTHING_YET: CaptureResult = { status: 'pending', reason: 'no_token' };

/**
 * One capture, never longer than the poll's own deadline: running script in a page that is still
 * loading can wait for the load, and the timeout and cancel checks must keep their pace.
 */
function captureOnce(deps: Pick<LoginFlowDeps<unknown>, 'capture' | 'signal' | 'captureTimeoutMs'>): Promise<CaptureResult> {
  return new Promise((resolve) => {
    const done = (result: CaptureResult): void => {
      clearTimeout(timer);
      deps.signal.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => done(NOTHING_YET);
    const timer = setTimeout(onAbort, deps.captureTimeoutMs ?? 5_000);
    deps.signal.addEventListener('abort', onAbort, { once: true });
    deps.capture().then(done, () => done(NOTHING_YET));
  });
}

/** Polls until the user has logged in, then completes; throws RelayError on timeout, cancel or failure. */
export async function runLoginFlow<T>(deps: LoginFlowDeps<T>): Promise<T> {
  const options = { ...DEFAULT_LOGIN_OPTIONS, ...deps.options };
  let state = startLogin(deps.now());
  const step = (event: LoginEvent): void => {
    const next = reduceLogin(state, event, deps.now(), options);
    if (next !== state) deps.onState?.(next);
    state = next;
  };
  deps.onState?.(state);
  while (state.phase === 'waiting') {
    if (deps.signal.aborted) step({ type: 'cancel' });
    else step({ type: 'snapshot', result: await captureOnce(deps) });
    if (state.phase !== 'waiting') break;
    await deps.sleep(deps.pollMs, deps.signal);
    step({ type: 'tick' });
  }
  if (state.phase === 'failed') throw new RelayError(state.error.code, state.error.message, state.error.detail);
  if (state.phase !== 'validating') throw new RelayError('internal', 'The login flow ended in an unexpected state.');
  try {
    const value = await deps.complete(state.credential);
    // A window closed during validation does not undo a login that already happened.
    step({ type: 'validated' });
    return value;
  } catch (error) {
    const info = error instanceof RelayError ? error.toInfo() : { code: 'internal' as const, message: 'Saving the account failed.' };
    step({ type: 'validation_failed', error: info });
    throw error;
  }
}

/** A sleep that wakes early on abort, for the real driver. */
export function sleepWithSignal(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
