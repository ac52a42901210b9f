import type { PoolTimers } from '../account-pool';

/** A manual clock with timers, for pool tests (no real waiting, exact expiry times). */
export interface FakeClock {
  now(): number;
  timers: PoolTimers;
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void;
  pendingTimers(): number;
}

export function createFakeClock(start = Date.UTC(2026, 0, 15, 10, 0, 0)): FakeClock {
  let time = start;
  let seq = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => time,
    timers: {
      setTimeout(callback, ms) {
        seq += 1;
        pending.set(seq, { at: time + Math.max(0, ms), callback });
        return seq;
      },
      clearTimeout(handle) {
        pending.delete(handle as number);
      },
    },
    advance(ms) {
      const target = time + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, timer]) => timer.at <= target).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!due) break;
        pending.delete(due[0]);
        time = due[1].at;
        due[1].callback();
      }
      time = target;
    },
    pendingTimers: () => pending.size,
  };
}
