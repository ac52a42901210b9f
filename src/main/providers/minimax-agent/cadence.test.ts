import { describe, expect, it } from 'vitest';
import { EMPTY_FAST_POLLS, MAX_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS, createPollCadence } from './cadence';

describe('poll cadence', () => {
  it('does not back off while the reply is still empty (first token)', () => {
    const cadence = createPollCadence();
    const waits = Array.from({ length: 10 }, () => cadence.next(false));
    expect(waits).toEqual(Array.from({ length: 10 }, () => MIN_POLL_INTERVAL_MS));
  });

  it('backs off in idle stretches once output has started, and drops back when it flows', () => {
    const cadence = createPollCadence();
    expect(cadence.next(true)).toBe(MIN_POLL_INTERVAL_MS);
    const idle = Array.from({ length: 8 }, () => cadence.next(false));
    expect(idle[0]).toBe(300);
    expect(idle.at(-1)).toBe(MAX_POLL_INTERVAL_MS);
    expect(cadence.next(true)).toBe(MIN_POLL_INTERVAL_MS);
  });

  it('backs off a reply that stays empty for long (queued upstream), never beyond the maximum', () => {
    const cadence = createPollCadence();
    for (let i = 0; i < EMPTY_FAST_POLLS; i += 1) expect(cadence.next(false)).toBe(MIN_POLL_INTERVAL_MS);
    expect(cadence.next(false)).toBe(300);
    const later = Array.from({ length: 20 }, () => cadence.next(false));
    expect(Math.max(...later)).toBe(MAX_POLL_INTERVAL_MS);
  });

  it('never polls faster than 5 per second', () => {
    const cadence = createPollCadence();
    const waits = [true, false, true, false, false, true].map((changed) => cadence.next(changed));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(200);
  });
});
