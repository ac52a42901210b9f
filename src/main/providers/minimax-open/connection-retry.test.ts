import { describe, expect, it } from 'vitest';
import { RelayError } from '../../../shared/errors';
import { fromStatusCode } from './errors';
import { isConnectionLimit, retryConnectionLimit } from './connection-retry';
import { STATUS } from './protocol';

const connLimit = (): RelayError => fromStatusCode(STATUS.connectionLimit, 'conn limit', '/v1/chat/completions', 429);
const noSleep = { delaysMs: [1, 2, 3], sleep: async () => undefined };

function failingTimes(count: number, error: () => unknown): { attempt: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    attempt: async () => {
      calls += 1;
      if (calls <= count) throw error();
      return 'served';
    },
    calls: () => calls,
  };
}

describe('retryConnectionLimit', () => {
  it('tells the connection limit from other busy answers', () => {
    expect(isConnectionLimit(connLimit())).toBe(true);
    expect(isConnectionLimit(fromStatusCode(STATUS.rateLimit, 'rpm', '/v1/chat/completions', 429))).toBe(false);
    expect(isConnectionLimit(new Error('conn limit'))).toBe(false);
  });

  it('retries the same call while the platform still counts a closed stream, and returns its answer', async () => {
    const slept: number[] = [];
    const call = failingTimes(2, connLimit);
    const result = await retryConnectionLimit(call.attempt, undefined, { delaysMs: [5, 10, 20], sleep: async (ms) => void slept.push(ms) });
    expect(result).toBe('served');
    expect(call.calls()).toBe(3);
    expect(slept).toEqual([5, 10]);
  });

  it('gives up with the platform’s error once the delays are used up', async () => {
    const call = failingTimes(10, connLimit);
    await expect(retryConnectionLimit(call.attempt, undefined, noSleep)).rejects.toMatchObject({ code: 'upstream_busy', detail: { upstreamCode: STATUS.connectionLimit } });
    expect(call.calls()).toBe(4);
  });

  it('does not retry a rate limit or any other error', async () => {
    const call = failingTimes(1, () => fromStatusCode(STATUS.rateLimit, 'rpm', '/v1/chat/completions', 429));
    await expect(retryConnectionLimit(call.attempt, undefined, noSleep)).rejects.toMatchObject({ detail: { upstreamCode: STATUS.rateLimit } });
    expect(call.calls()).toBe(1);
  });

  it('stops waiting as soon as the request is aborted', async () => {
    const controller = new AbortController();
    const call = failingTimes(10, connLimit);
    const pending = retryConnectionLimit(call.attempt, controller.signal, { delaysMs: [60_000] });
    await Promise.resolve();
    controller.abort(new RelayError('aborted', 'The client closed the request.'));
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(call.calls()).toBe(1);
  });
});
