/**
 * The platform caps the streams one key holds open (`1041 conn limit`) and counts a stream as
 * closed only once it has noticed the hang-up. When a client goes away, the relay aborts the
 * upstream stream and gives the key's slot to the next request at once; that request can reach the
 * platform before the platform has counted the aborted stream out, and be refused although the
 * key is within its limit. A short, bounded retry on the same key absorbs that lag instead of
 * cooling the key down for the whole cooldown; a limit that persists (another program holding
 * the key's connections) still ends as `upstream_busy`, so the pool fails over and cools it.
 */
import { isRelayError } from '../../../shared/errors';
import { STATUS } from './protocol';

/** About 1.3 s in all: far longer than the platform takes to notice a closed connection. */
export const CONNECTION_RETRY_DELAYS_MS: readonly number[] = [20, 40, 80, 160, 320, 640];

export interface ConnectionRetryOptions {
  delaysMs?: readonly number[];
  /** Resolves after `ms`, or rejects as soon as `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function isConnectionLimit(error: unknown): boolean {
  return isRelayError(error) && error.code === 'upstream_busy' && error.detail?.upstreamCode === STATUS.connectionLimit;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Calls `attempt` again after each delay while the platform answers "connection limit". */
export async function retryConnectionLimit<T>(attempt: () => Promise<T>, signal: AbortSignal | undefined, options: ConnectionRetryOptions = {}): Promise<T> {
  const delays = options.delaysMs ?? CONNECTION_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? abortableSleep;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delays[tries];
      if (delay === undefined || !isConnectionLimit(error)) throw error;
      await sleep(delay, signal);
    }
  }
}
