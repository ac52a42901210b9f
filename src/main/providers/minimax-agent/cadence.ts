/**
 * Adaptive poll timing. The upstream only offers polling (§4.1), so delivery lag is roughly half
 * the poll interval: poll fast while text flows, back off while the upstream is idle (a pause
 * mid-reply, a slow tool step), and never exceed 5 polls/s per chat — the known clients poll
 * every 0.5–1 s, and hammering one account's chat invites rate limiting.
 *
 * Until the reply shows its first output the cadence does not back off: the first token is what
 * a user waits for, and backing off there added most of a poll interval to it (first text at
 * 0.40 s upstream reached the client at about 0.78 s). A reply that stays empty for a long time
 * (queued upstream) backs off after EMPTY_FAST_POLLS, like any idle stretch.
 */
export const MIN_POLL_INTERVAL_MS = 200;
export const MAX_POLL_INTERVAL_MS = 1_500;
const IDLE_GROWTH = 1.5;
/** Polls at the fastest rate while nothing has shown yet: 75 × 200 ms = the first 15 s. */
export const EMPTY_FAST_POLLS = 75;

export interface PollCadence {
  /** Interval between poll STARTS after a poll that did or did not show new output. */
  next(changed: boolean): number;
}

export function createPollCadence(
  options: { minMs?: number; maxMs?: number } = {},
): PollCadence {
  const min = options.minMs ?? MIN_POLL_INTERVAL_MS;
  const max = options.maxMs ?? MAX_POLL_INTERVAL_MS;
  let interval = min;
  let started = false;
  let emptyPolls = 0;
  return {
    next(changed) {
      if (changed) started = true;
      else if (!started && ++emptyPolls <= EMPTY_FAST_POLLS) return min;
      // New output drops straight to the fastest rate: text after a pause usually keeps coming.
      interval = changed ? min : Math.min(max, interval * IDLE_GROWTH);
      return Math.round(interval);
    },
  };
}

/** Consecutive failed polls tolerated before the reply is given up as `upstream_unavailable`. */
export const MAX_POLL_FAILURES = 6;

/** Back-off after the n-th consecutive failed poll (1-based). */
export function pollRetryDelay(failures: number): number {
  return Math.min(MAX_POLL_INTERVAL_MS, 250 * 2 ** (failures - 1));
}
