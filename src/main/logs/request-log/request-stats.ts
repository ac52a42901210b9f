import path from 'node:path';
import { z } from 'zod';
import { UNROUTED_PROVIDER, type RequestLogEntry, type StatsBucket, type StatsRanges, type StatsSummary } from '../../../shared/domain/request-log';
import { silentLogger, type Logger } from '../types';
import { dayKey, dayStart, hourStart, isNotFound, type LogFs } from './log-fs';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const KEEP_DAYS = 62;
const KEEP_HOURS = 48;
/** Samples kept for today's medians; beyond this, newer samples overwrite older ones in turn. */
const MAX_SAMPLES = 5000;

const countSchema = z.object({ requests: z.number(), errors: z.number() });
const dayStatsSchema = z.object({
  day: z.string(),
  requests: z.number(),
  errors: z.number(),
  byModel: z.record(z.string(), countSchema),
  byAccount: z.record(z.string(), countSchema),
  // Absent in files written before providers were counted.
  byProvider: z.record(z.string(), z.object({ requests: z.number(), errors: z.number(), inputTokens: z.number(), outputTokens: z.number() })).default({}),
  latencies: z.array(z.number()),
  ttfts: z.array(z.number()),
  samples: z.number(),
  tokensIn: z.number().optional(),
  tokensOut: z.number().optional(),
});
const statsFileSchema = z.object({
  version: z.literal(1),
  days: z.array(dayStatsSchema),
  hours: z.array(z.object({ time: z.number(), requests: z.number(), errors: z.number(), tokensIn: z.number().optional(), tokensOut: z.number().optional() })),
});
type DayStats = z.infer<typeof dayStatsSchema>;
type StatsFile = z.infer<typeof statsFileSchema>;

function emptyDay(day: string): DayStats {
  return { day, requests: 0, errors: 0, byModel: {}, byAccount: {}, byProvider: {}, latencies: [], ttfts: [], samples: 0 };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function bump(map: Record<string, { requests: number; errors: number }>, key: string, error: boolean): void {
  const counts = map[key] ?? { requests: 0, errors: 0 };
  counts.requests += 1;
  if (error) counts.errors += 1;
  map[key] = counts;
}

function bumpProvider(map: DayStats['byProvider'], provider: string, entry: RequestLogEntry, error: boolean): void {
  const counts = map[provider] ?? { requests: 0, errors: 0, inputTokens: 0, outputTokens: 0 };
  counts.requests += 1;
  if (error) counts.errors += 1;
  counts.inputTokens += entry.inputTokens ?? 0;
  counts.outputTokens += entry.outputTokens ?? 0;
  map[provider] = counts;
}

function addTo(bucket: { requests: number; errors: number; tokensIn?: number; tokensOut?: number }, entry: RequestLogEntry, isError: boolean): void {
  bucket.requests += 1;
  if (isError) bucket.errors += 1;
  bucket.tokensIn = (bucket.tokensIn ?? 0) + (entry.inputTokens ?? 0);
  bucket.tokensOut = (bucket.tokensOut ?? 0) + (entry.outputTokens ?? 0);
}

function toBucket(time: number, counts: { requests: number; errors: number; tokensIn?: number; tokensOut?: number } | undefined): StatsBucket {
  return { time, requests: counts?.requests ?? 0, errors: counts?.errors ?? 0, tokensIn: counts?.tokensIn ?? 0, tokensOut: counts?.tokensOut ?? 0 };
}

function sample(values: number[], value: number, seen: number): void {
  if (values.length < MAX_SAMPLES) values.push(value);
  else values[seen % MAX_SAMPLES] = value;
}

/**
 * Per-day, per-model, per-account counters and an hourly timeline, aggregated in memory and
 * written to `stats.json` now and then (and on close), so they survive restarts without
 * re-reading the JSONL files.
 */
export class RequestStats {
  #days = new Map<string, DayStats>();
  #hours = new Map<number, StatsBucket>();
  /** The last hour by minute; in memory only (a restart starts this range from zero). */
  #minutes = new Map<number, StatsBucket>();
  #dirty = false;
  readonly #file: string;

  constructor(
    dir: string,
    private readonly fs: LogFs,
    private readonly now: () => number,
    private readonly logger: Logger = silentLogger,
  ) {
    this.#file = path.join(dir, 'stats.json');
  }

  get dirty(): boolean {
    return this.#dirty;
  }

  async load(): Promise<void> {
    let text: string;
    try {
      text = await this.fs.readFile(this.#file, 'utf8');
    } catch (error) {
      if (!isNotFound(error)) this.logger.warn({ err: error }, 'could not read request stats');
      return;
    }
    let parsed: StatsFile;
    try {
      parsed = statsFileSchema.parse(JSON.parse(text));
    } catch {
      this.logger.warn({ file: this.#file }, 'request stats file is damaged; starting from zero');
      return;
    }
    for (const day of parsed.days) this.#days.set(day.day, day);
    for (const bucket of parsed.hours) this.#hours.set(bucket.time, bucket);
  }

  record(entry: RequestLogEntry): void {
    const time = this.now();
    const isError = entry.status === 'error';
    const key = dayKey(time);
    const day = this.#days.get(key) ?? emptyDay(key);
    addTo(day, entry, isError);
    bump(day.byModel, entry.resolvedModel ?? entry.clientModel, isError);
    if (entry.accountId) bump(day.byAccount, entry.accountId, isError);
    bumpProvider(day.byProvider, entry.provider ?? UNROUTED_PROVIDER, entry, isError);
    if (entry.status === 'success') {
      if (entry.latencyMs !== null) sample(day.latencies, entry.latencyMs, day.samples);
      if (entry.ttftMs !== null) sample(day.ttfts, entry.ttftMs, day.samples);
      day.samples += 1;
    }
    this.#days.set(key, day);
    const hour = hourStart(time);
    const bucket = this.#hours.get(hour) ?? { time: hour, requests: 0, errors: 0 };
    addTo(bucket, entry, isError);
    this.#hours.set(hour, bucket);
    const minute = Math.floor(time / MINUTE) * MINUTE;
    const perMinute = this.#minutes.get(minute) ?? { time: minute, requests: 0, errors: 0 };
    addTo(perMinute, entry, isError);
    this.#minutes.set(minute, perMinute);
    for (const start of this.#minutes.keys()) if (start <= minute - 60 * MINUTE) this.#minutes.delete(start);
    this.#dirty = true;
  }

  summary(): StatsSummary {
    const time = this.now();
    const today = this.#days.get(dayKey(time)) ?? emptyDay(dayKey(time));
    const current = hourStart(time);
    const timeline: StatsBucket[] = [];
    for (let i = 23; i >= 0; i -= 1) {
      // Hour starts computed by subtraction are off by one hour across DST changes; close enough for a chart.
      const start = hourStart(current - i * HOUR);
      const bucket = this.#hours.get(start);
      timeline.push({ time: start, requests: bucket?.requests ?? 0, errors: bucket?.errors ?? 0 });
    }
    return {
      today: {
        requests: today.requests,
        errors: today.errors,
        successRate: today.requests > 0 ? (today.requests - today.errors) / today.requests : null,
        medianLatencyMs: median(today.latencies),
        medianTtftMs: median(today.ttfts),
      },
      byModel: structuredClone(today.byModel),
      byAccount: structuredClone(today.byAccount),
      byProvider: structuredClone(today.byProvider),
      timeline,
      ranges: this.#ranges(time),
    };
  }

  #ranges(time: number): StatsRanges {
    const minuteNow = Math.floor(time / MINUTE) * MINUTE;
    const hour: StatsBucket[] = [];
    for (let i = 59; i >= 0; i -= 1) hour.push(toBucket(minuteNow - i * MINUTE, this.#minutes.get(minuteNow - i * MINUTE)));
    const day: StatsBucket[] = [];
    for (let i = 23; i >= 0; i -= 1) {
      const start = hourStart(hourStart(time) - i * HOUR);
      day.push(toBucket(start, this.#hours.get(start)));
    }
    const week: StatsBucket[] = [];
    for (let i = 6; i >= 0; i -= 1) {
      const start = dayStart(time, i);
      week.push(toBucket(start, this.#days.get(dayKey(start))));
    }
    return { hour, day, week };
  }

  /** Writes stats.json atomically (temp file + rename) and prunes old days and hours. */
  async save(): Promise<void> {
    if (!this.#dirty) return;
    this.#dirty = false;
    const time = this.now();
    const today = dayKey(time);
    const days = [...this.#days.values()].sort((a, b) => a.day.localeCompare(b.day)).slice(-KEEP_DAYS);
    this.#days = new Map(days.map((day) => [day.day, day.day === today ? day : { ...day, latencies: [], ttfts: [] }]));
    const oldestHour = hourStart(time) - KEEP_HOURS * HOUR;
    for (const hour of this.#hours.keys()) if (hour < oldestHour) this.#hours.delete(hour);
    const file: StatsFile = { version: 1, days: [...this.#days.values()], hours: [...this.#hours.values()] };
    const temp = `${this.#file}.${process.pid}.tmp`;
    try {
      await this.fs.writeFile(temp, JSON.stringify(file));
      await this.fs.rename(temp, this.#file);
    } catch (error) {
      this.#dirty = true;
      this.logger.error({ err: error }, 'could not save request stats');
    }
  }

  async clear(): Promise<void> {
    this.#days.clear();
    this.#hours.clear();
    this.#minutes.clear();
    this.#dirty = false;
    try {
      await this.fs.unlink(this.#file);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
