/**
 * Durable cleanup of upstream chats the relay no longer needs, for any provider that creates them.
 * A chat that could not be deleted at once (still running, network trouble) is retried with
 * exponential backoff until the provider says it is gone. The queue itself is only memory: the
 * provider's chat ledger (persisted in the store) is the durable part, and at start the provider
 * queues every ledger entry again, so a restart loses nothing. Providers without upstream chats
 * (the API-key provider) simply never add jobs.
 */
import type { Logger } from '../logs/types';

/** `gone`: deleted or never there; `retry`: try again later; `drop`: cannot be done now (e.g. the credential expired) — it stays in the ledger. */
export type CleanupOutcome = 'gone' | 'retry' | 'drop';

export interface CleanupQueueDeps<Job> {
  /** One try; must not throw (a throw counts as `retry`). */
  attempt(job: Job): Promise<CleanupOutcome>;
  /** Identity of a job, so the same chat is never queued twice. */
  keyOf(job: Job): string;
  logger: Logger;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Tries after which a job is left to the ledger (the next start or a bulk cleanup). */
  maxAttempts?: number;
  /** Deletes running at the same time. */
  concurrency?: number;
  /** Timers (tests inject a manual clock); the returned function cancels. */
  schedule?: (run: () => void, ms: number) => () => void;
}

export interface CleanupQueue<Job> {
  /** Queues a job (first try after `delayMs`, default at once); a job already queued is left as it is. */
  add(job: Job, delayMs?: number): void;
  size(): number;
  /** Resolves when no job is queued or running. */
  idle(): Promise<void>;
  /** Cancels every timer; jobs stay in the ledger for the next start. */
  close(): void;
}

interface Entry<Job> {
  job: Job;
  attempts: number;
  cancel: (() => void) | null;
}

function defaultSchedule(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
}

export function createCleanupQueue<Job>(deps: CleanupQueueDeps<Job>): CleanupQueue<Job> {
  const baseDelayMs = deps.baseDelayMs ?? 2_000;
  const maxDelayMs = deps.maxDelayMs ?? 60_000;
  const maxAttempts = deps.maxAttempts ?? 200;
  const concurrency = deps.concurrency ?? 4;
  const schedule = deps.schedule ?? defaultSchedule;
  const entries = new Map<string, Entry<Job>>();
  const ready: string[] = [];
  let running = 0;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const checkIdle = (): void => {
    if (entries.size > 0 || running > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const later = (key: string, entry: Entry<Job>, ms: number): void => {
    entry.cancel = schedule(() => {
      entry.cancel = null;
      ready.push(key);
      pump();
    }, ms);
  };

  async function runOne(key: string, entry: Entry<Job>): Promise<void> {
    entry.attempts += 1;
    let outcome: CleanupOutcome;
    try {
      outcome = await deps.attempt(entry.job);
    } catch (error) {
      deps.logger.debug({ err: String(error) }, 'chat cleanup attempt failed');
      outcome = 'retry';
    }
    if (outcome === 'retry' && entry.attempts < maxAttempts && !closed) {
      later(key, entry, Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(20, entry.attempts - 1)));
      return;
    }
    if (outcome === 'retry') deps.logger.warn({ attempts: entry.attempts }, 'chat cleanup gave up for now; the chat stays in the ledger');
    entries.delete(key);
  }

  function pump(): void {
    while (!closed && running < concurrency && ready.length > 0) {
      const key = ready.shift() as string;
      const entry = entries.get(key);
      if (!entry) continue;
      running += 1;
      void runOne(key, entry).finally(() => {
        running -= 1;
        pump();
        checkIdle();
      });
    }
    checkIdle();
  }

  return {
    add(job, delayMs = 0) {
      if (closed) return;
      const key = deps.keyOf(job);
      if (entries.has(key)) return;
      const entry: Entry<Job> = { job, attempts: 0, cancel: null };
      entries.set(key, entry);
      if (delayMs > 0) later(key, entry, delayMs);
      else {
        ready.push(key);
        pump();
      }
    },
    size: () => entries.size,
    idle() {
      if (entries.size === 0 && running === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    close() {
      closed = true;
      for (const entry of entries.values()) entry.cancel?.();
      entries.clear();
      ready.length = 0;
      checkIdle();
    },
  };
}
