import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logs/types';
import { createCleanupQueue, type CleanupOutcome } from './cleanup-queue';

function manualTimers() {
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    timers,
    schedule: (run: () => void, ms: number) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    fireAll() {
      const due = timers.splice(0).filter((t) => !t.cancelled);
      for (const t of due) t.run();
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('cleanup queue', () => {
  it('retries a job with a doubling delay until it is gone, and never queues the same job twice', async () => {
    const clock = manualTimers();
    const outcomes: CleanupOutcome[] = ['retry', 'retry', 'retry', 'gone'];
    let attempts = 0;
    const queue = createCleanupQueue<{ id: number }>({
      attempt: async () => outcomes[attempts++] ?? 'gone',
      keyOf: (job) => String(job.id),
      logger: silentLogger,
      baseDelayMs: 100,
      maxDelayMs: 300,
      schedule: clock.schedule,
    });
    queue.add({ id: 1 });
    queue.add({ id: 1 });
    for (let i = 0; i < 3; i++) {
      await flush();
      clock.fireAll();
    }
    await queue.idle();
    expect(attempts).toBe(4);
    expect(queue.size()).toBe(0);
  });

  it('drops a job that cannot be done now, gives up after maxAttempts, and treats a throw as retry', async () => {
    const clock = manualTimers();
    const queue = createCleanupQueue<{ id: number; outcome: CleanupOutcome | 'throw' }>({
      attempt: async (job) => {
        if (job.outcome === 'throw') throw new Error('network');
        return job.outcome;
      },
      keyOf: (job) => String(job.id),
      logger: silentLogger,
      maxAttempts: 2,
      schedule: clock.schedule,
    });
    queue.add({ id: 1, outcome: 'drop' });
    queue.add({ id: 2, outcome: 'throw' });
    await flush();
    expect(queue.size()).toBe(1);
    clock.fireAll();
    await queue.idle();
    expect(queue.size()).toBe(0);
  });

  it('runs at most `concurrency` jobs at once and cancels timers on close', async () => {
    const clock = manualTimers();
    let running = 0;
    let peak = 0;
    const queue = createCleanupQueue<number>({
      attempt: async () => {
        running++;
        peak = Math.max(peak, running);
        await flush();
        running--;
        return 'gone';
      },
      keyOf: String,
      logger: silentLogger,
      concurrency: 2,
      schedule: clock.schedule,
    });
    for (let i = 0; i < 6; i++) queue.add(i);
    await queue.idle();
    expect(peak).toBe(2);
    queue.add(7, 1_000);
    queue.close();
    expect(clock.timers.every((t) => t.cancelled)).toBe(true);
    await queue.idle();
  });
});
