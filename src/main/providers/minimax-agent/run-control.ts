/**
 * The lifetime of one reply: the caller's AbortSignal plus the reply deadline, as one signal that
 * also cuts the in-flight request, and the translation of whatever ended the run into the error
 * the caller should see (`aborted` for a cancel, `timeout` for the deadline).
 */
import { reasonDetail } from '../../../shared/domain/upstream-reason';
import { RelayError, isRelayError } from '../../../shared/errors';

export interface RunControl {
  /** Aborts on the caller's abort and at the deadline. */
  readonly signal: AbortSignal;
  readonly deadlineAt: number;
  /** Throws if the run is over (cancelled, or past the deadline by the injected clock). */
  check(): void;
  /** Settles with the promise, or rejects as soon as the run ends (for work that has no signal of its own). */
  race<T>(promise: Promise<T>): Promise<T>;
  /** The error to surface for something thrown during the run. */
  explain(error: unknown): unknown;
  dispose(): void;
}

export function createRunControl(caller: AbortSignal, timeoutMs: number, now: () => number): RunControl {
  const deadlineAt = now() + timeoutMs;
  const timeoutError = new RelayError('timeout', `MiniMax did not finish the reply within ${Math.round(timeoutMs / 1000)} s.`, {
    timeoutMs,
    ...reasonDetail('agent_reply_timeout', { seconds: Math.round(timeoutMs / 1000) }),
  });
  const abortedError = new RelayError('aborted', 'The reply was cancelled.');
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(abortedError);
  if (caller.aborted) onAbort();
  else caller.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(timeoutError), timeoutMs);
  timer.unref?.();
  const pastDeadline = (): boolean => controller.signal.reason === timeoutError || now() >= deadlineAt;
  return {
    signal: controller.signal,
    deadlineAt,
    check() {
      if (caller.aborted) throw abortedError;
      if (pastDeadline()) throw timeoutError;
    },
    race(promise) {
      const signal = controller.signal;
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise((resolve, reject) => {
        const onEnd = (): void => reject(signal.reason);
        signal.addEventListener('abort', onEnd, { once: true });
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onEnd));
      });
    },
    explain(error) {
      if (caller.aborted) return isRelayError(error) && error.code === 'aborted' ? error : abortedError;
      if (pastDeadline() && (!isRelayError(error) || isTransportCut(error))) return timeoutError;
      return error;
    },
    dispose() {
      clearTimeout(timer);
      caller.removeEventListener('abort', onAbort);
    },
  };
}

/** Errors a deadline can cause by cutting a request or a wait; an upstream verdict stays as it is. */
function isTransportCut(error: RelayError): boolean {
  return error.code === 'aborted' || error.code === 'timeout' || error.code === 'upstream_unavailable';
}
