import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UNROUTED_PROVIDER, type RequestLogEntry } from '../../../shared/domain/request-log';
import { makeTempDir } from '../../store/__test__/test-helpers';
import { nodeLogFs, type LogFs } from './log-fs';
import { createRequestLog, type ManagedRequestLog, type RequestLogOptions } from './request-log';
import { makeEntry } from './__test__/test-entry';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiNDI0MiJ9.c2lnbmF0dXJl';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

function tempDir(): string {
  const { dir, cleanup } = makeTempDir('relay-logs-');
  cleanups.push(cleanup);
  return dir;
}

/** 10:00 local time on 15 Jan 2026, and a clock the tests move. */
function clock(start = new Date(2026, 0, 15, 10, 0, 0).getTime()) {
  let time = start;
  return { now: () => time, set: (t: number) => (time = t), advance: (ms: number) => (time += ms) };
}

async function open(options: Partial<RequestLogOptions> & { dir: string }): Promise<ManagedRequestLog> {
  const log = await createRequestLog({ writeDelayMs: 5, statsFlushMs: 60_000, ...options });
  cleanups.unshift(() => log.close());
  return log;
}

function finish(log: ManagedRequestLog, entry: RequestLogEntry, patch: Partial<RequestLogEntry> = {}): void {
  log.begin(entry);
  log.end(entry.id, { status: 'success', httpStatus: 200, latencyMs: 100, ttftMs: 20, ...patch });
}

describe('createRequestLog', () => {
  it('keeps a bounded ring, newest first', async () => {
    const c = clock();
    const log = await open({ dir: tempDir(), ringSize: 3, now: c.now });
    for (let i = 0; i < 5; i += 1) finish(log, makeEntry({ id: `r${i}`, time: c.advance(1000) }));
    expect(log.query({}).map((e) => e.id)).toEqual(['r4', 'r3', 'r2']);
    expect(log.get('r0')).toBeNull();
  });

  it('filters by status, model (client or resolved), account, dialect, text and time', async () => {
    const c = clock();
    const log = await open({ dir: tempDir(), now: c.now });
    finish(log, makeEntry({ id: 'a', time: 1, clientModel: 'gpt-4o', resolvedModel: 'MiniMax-M2.7', accountId: 'acc-1', accountLabel: 'Work' }));
    finish(log, makeEntry({ id: 'b', time: 2, clientModel: 'claude-3', resolvedModel: 'MiniMax-M2.5-Think', dialect: 'anthropic', accountId: 'acc-2', accountLabel: 'Home' }), {
      status: 'error',
      errorCode: 'upstream_busy',
      errorMessage: 'Upstream is overloaded',
    });
    finish(log, makeEntry({ id: 'c', time: 3, dialect: 'gemini', clientModel: 'gemini-pro', resolvedModel: 'MiniMax-M2.7' }));
    const ids = (query: Parameters<ManagedRequestLog['query']>[0]) => log.query(query).map((e) => e.id);
    expect(ids({ status: 'error' })).toEqual(['b']);
    expect(ids({ status: 'all' })).toEqual(['c', 'b', 'a']);
    expect(ids({ model: 'minimax-m2.7' })).toEqual(['c', 'a']);
    expect(ids({ model: 'claude-3' })).toEqual(['b']);
    expect(ids({ accountId: 'acc-2' })).toEqual(['b']);
    expect(ids({ dialect: 'gemini' })).toEqual(['c']);
    expect(ids({ text: 'overloaded' })).toEqual(['b']);
    expect(ids({ text: 'home' })).toEqual(['b']);
    expect(ids({ before: 3 })).toEqual(['b', 'a']);
    expect(ids({ limit: 1 })).toEqual(['c']);
  });

  it('tells subscribers about begin, updates and end, until they unsubscribe', async () => {
    const log = await open({ dir: tempDir() });
    const seen: string[] = [];
    const stop = log.subscribe((entry) => seen.push(`${entry.id}:${entry.status}`));
    const entry = makeEntry({ id: 's1' });
    log.begin(entry);
    log.update('s1', { status: 'streaming', ttftMs: 12 });
    log.end('s1', { status: 'success' });
    stop();
    finish(log, makeEntry({ id: 's2' }));
    expect(seen).toEqual(['s1:pending', 's1:streaming', 's1:success']);
    expect(log.get('s1')).toMatchObject({ status: 'success', ttftMs: 12 });
  });

  it('never loses the end of a running request evicted from the ring', async () => {
    const dir = tempDir();
    const log = await open({ dir, ringSize: 2 });
    log.begin(makeEntry({ id: 'long', time: 1 }));
    for (let i = 0; i < 3; i += 1) finish(log, makeEntry({ id: `short${i}`, time: 2 + i }));
    log.end('long', { status: 'success' });
    await log.flush();
    const lines = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n'));
    expect(lines.map((line) => (JSON.parse(line) as RequestLogEntry).id)).toContain('long');
  });

  it('survives a restart: newest entries back in the ring and the stats kept', async () => {
    const dir = tempDir();
    const c = clock();
    const first = await createRequestLog({ dir, now: c.now, writeDelayMs: 5 });
    finish(first, makeEntry({ id: 'x1', time: c.now() }), { latencyMs: 100, ttftMs: 10 });
    finish(first, makeEntry({ id: 'x2', time: c.now() }), { latencyMs: 300, ttftMs: 30 });
    finish(first, makeEntry({ id: 'x3', time: c.now(), accountId: 'acc-2' }), { status: 'error', errorCode: 'timeout', latencyMs: 900 });
    await first.close();
    const second = await open({ dir, now: c.now });
    expect(second.query({}).map((e) => e.id)).toEqual(['x3', 'x2', 'x1']);
    const stats = second.stats();
    expect(stats.today).toEqual({ requests: 3, errors: 1, successRate: 2 / 3, medianLatencyMs: 200, medianTtftMs: 20 });
    expect(stats.byModel).toEqual({ 'MiniMax-M2.7': { requests: 3, errors: 1 } });
    expect(stats.byAccount).toEqual({ 'acc-1': { requests: 2, errors: 0 }, 'acc-2': { requests: 1, errors: 1 } });
    expect(stats.timeline).toHaveLength(24);
    expect(stats.timeline.at(-1)).toMatchObject({ requests: 3, errors: 1 });
  });

  it('splits every request of the day by provider, those no account served included, so the rows add up to the total', async () => {
    const c = clock();
    const log = await open({ dir: tempDir(), now: c.now });
    finish(log, makeEntry({ id: 'p1', time: c.now(), provider: 'minimax-agent' }), { outputTokens: 4 });
    finish(log, makeEntry({ id: 'p2', time: c.now(), provider: 'minimax-open' }), { status: 'error', errorCode: 'upstream_auth_expired' });
    finish(log, makeEntry({ id: 'p3', time: c.now(), accountId: null, accountLabel: null }), { status: 'error', errorCode: 'no_account' });
    finish(log, makeEntry({ id: 'p4', time: c.now(), accountId: null, accountLabel: null }), { status: 'error', errorCode: 'unauthorized' });
    const stats = log.stats();
    expect(stats.today).toMatchObject({ requests: 4, errors: 3 });
    expect(stats.byProvider).toMatchObject({
      'minimax-agent': { requests: 1, errors: 0, outputTokens: 4 },
      'minimax-open': { requests: 1, errors: 1 },
      [UNROUTED_PROVIDER]: { requests: 2, errors: 2 },
    });
    const counted = Object.values(stats.byProvider ?? {}).reduce((sum, row) => sum + row.requests, 0);
    expect(counted).toBe(stats.today.requests);
  });

  it('gives the chart ranges: the last hour by minute, 24 h by hour, 7 days by day, with tokens in and out', async () => {
    const c = clock();
    const log = await open({ dir: tempDir(), now: c.now });
    finish(log, makeEntry({ id: 'd1', time: c.now() }), { inputTokens: 100, outputTokens: 10 });
    c.advance(24 * 3_600_000);
    finish(log, makeEntry({ id: 'm1', time: c.now() }), { inputTokens: 5, outputTokens: 7 });
    c.advance(2 * 60_000);
    finish(log, makeEntry({ id: 'm2', time: c.now() }), { status: 'error', errorCode: 'timeout', inputTokens: null, outputTokens: null });
    const ranges = log.stats().ranges!;
    expect(ranges.hour).toHaveLength(60);
    expect(ranges.hour.at(-1)).toMatchObject({ requests: 1, errors: 1, tokensIn: 0 });
    expect(ranges.hour.at(-3)).toMatchObject({ requests: 1, errors: 0, tokensIn: 5, tokensOut: 7 });
    expect(ranges.hour.at(-2)).toMatchObject({ requests: 0 });
    expect(ranges.day).toHaveLength(24);
    expect(ranges.day.at(-1)).toMatchObject({ requests: 2, errors: 1, tokensIn: 5, tokensOut: 7 });
    expect(ranges.week).toHaveLength(7);
    expect(ranges.week.slice(-2)).toMatchObject([
      { requests: 1, tokensIn: 100, tokensOut: 10 },
      { requests: 2, errors: 1 },
    ]);
    expect(ranges.week.at(-1)!.time).toBe(new Date(2026, 0, 16).getTime());
  });

  it('reads back only the newest part of a big history', async () => {
    const dir = tempDir();
    const c = clock();
    const first = await createRequestLog({ dir, now: c.now, writeDelayMs: 5 });
    for (let i = 0; i < 100; i += 1) finish(first, makeEntry({ id: `h${i}`, time: c.advance(1) }));
    await first.close();
    const lineBytes = fs.statSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.jsonl'))!)).size / 100;
    const second = await open({ dir, now: c.now, maxLoadBytes: Math.floor(lineBytes * 10.5) });
    const ids = second.query({ limit: 1000 }).map((e) => e.id);
    expect(ids).toEqual(['h99', 'h98', 'h97', 'h96', 'h95', 'h94', 'h93', 'h92', 'h91', 'h90']);
  });

  it('writes changed stats to stats.json on its own, without waiting for close', async () => {
    const dir = tempDir();
    const log = await open({ dir, statsFlushMs: 20 });
    finish(log, makeEntry({}));
    const file = path.join(dir, 'stats.json');
    const deadline = Date.now() + 5_000;
    while (!fs.existsSync(file) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ version: 1, days: [expect.objectContaining({ requests: 1 })] });
  });

  it('skips a damaged last line left by a crash', async () => {
    const dir = tempDir();
    const c = clock();
    const first = await createRequestLog({ dir, now: c.now, writeDelayMs: 5 });
    finish(first, makeEntry({ id: 'ok', time: c.now() }));
    await first.close();
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
    fs.appendFileSync(path.join(dir, file), '{"id":"half","ti');
    const second = await open({ dir, now: c.now });
    expect(second.query({}).map((e) => e.id)).toEqual(['ok']);
  });

  it('batches appends asynchronously instead of writing once per request', async () => {
    const calls: string[] = [];
    const spy: LogFs = { ...nodeLogFs, appendFile: (file, data) => (calls.push(file), nodeLogFs.appendFile(file, data)) };
    const log = await open({ dir: tempDir(), fs: spy, writeDelayMs: 60_000 });
    for (let i = 0; i < 50; i += 1) finish(log, makeEntry({ time: i }));
    expect(calls).toHaveLength(0);
    await log.flush();
    expect(calls).toHaveLength(1);
  });

  it('rolls over to a new file per day and applies retention by age and size', async () => {
    const dir = tempDir();
    const c = clock();
    const day = 86_400_000;
    const write = (name: string, bytes: number) => fs.writeFileSync(path.join(dir, `requests-${name}.jsonl`), `${'x'.repeat(bytes - 1)}\n`);
    write('2025-12-01', 10);
    write('2026-01-10', 600_000);
    write('2026-01-12', 600_000);
    write('2026-01-14', 10);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    const log = await open({ dir, now: c.now, retentionDays: 14, maxFileMb: 1 });
    const names = () => fs.readdirSync(dir).sort();
    expect(names()).toEqual(['notes.txt', 'requests-2026-01-12.jsonl', 'requests-2026-01-14.jsonl']);
    finish(log, makeEntry({ time: c.now() }));
    c.advance(day);
    finish(log, makeEntry({ time: c.now() }));
    await log.flush();
    expect(names()).toContain('requests-2026-01-15.jsonl');
    expect(names()).toContain('requests-2026-01-16.jsonl');
  });

  it('writes no secret into its files', async () => {
    const dir = tempDir();
    const log = await open({ dir });
    finish(log, makeEntry({ requestBody: `{"authorization":"Bearer ${JWT}"}` }), {
      status: 'error',
      errorMessage: `upstream rejected 4242+${JWT}`,
      responseBody: `token=${JWT}`,
    });
    expect(JSON.stringify(log.query({}))).not.toContain(JWT);
    await log.close();
    const text = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(text).toContain('upstream rejected');
    expect(text).not.toContain(JWT);
  });

  it('clear() empties views, files and stats but keeps running requests', async () => {
    const dir = tempDir();
    const log = await open({ dir });
    finish(log, makeEntry({ id: 'done' }));
    log.begin(makeEntry({ id: 'running' }));
    await log.flush();
    await log.clear();
    expect(log.query({}).map((e) => e.id)).toEqual(['running']);
    expect(log.stats().today.requests).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
