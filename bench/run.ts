/**
 * The benchmark runner (`npm run bench`): runs every bench module in sequence, prints one aligned
 * table and writes the results to bench/results/latest.json (git-ignored). A bench module exports
 * `run(): Promise<BenchResult[]>`; add new ones to BENCHES.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as deliveryLag from './delivery-lag.bench';
import * as logView from './log-view.bench';
import * as proxyModelsRps from './proxy-models-rps.bench';
import * as proxyOverhead from './proxy-overhead.bench';
import * as proxyStreams from './proxy-streams.bench';
import * as load from './load.bench';
import * as soak from './soak.bench';
import * as startup from './startup.bench';
import * as ttft from './ttft.bench';

export interface BenchResult {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** The goal, as text (e.g. "≤ 150"). */
  target?: string;
  /** Whether the value meets the target (shown as pass/miss). */
  pass?: boolean;
  note?: string;
}

export interface BenchModule {
  run(): Promise<BenchResult[]>;
}

const BENCHES: { name: string; module: BenchModule }[] = [
  { name: 'delivery-lag', module: deliveryLag },
  { name: 'ttft', module: ttft },
  { name: 'proxy-overhead', module: proxyOverhead },
  { name: 'proxy-models-rps', module: proxyModelsRps },
  { name: 'proxy-streams', module: proxyStreams },
  { name: 'log-view', module: logView },
  { name: 'load', module: load },
  { name: 'soak', module: soak },
  { name: 'startup', module: startup },
];

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Targets of the issue for results whose module states none. */
const TARGETS: Record<string, string> = {
  'proxy-overhead/relay overhead per request': '≤ 5',
  'proxy-models-rps/relay / bare': '≥ 0.5',
};

function withTargets(results: readonly BenchResult[]): BenchResult[] {
  return results.map((r) => {
    const target = r.target ?? TARGETS[`${r.group}/${r.name}`];
    const pass = r.pass ?? meetsTarget(r.value, target);
    return { ...r, ...(target ? { target } : {}), ...(pass === undefined ? {} : { pass }) };
  });
}

/** Evaluates a target written as `≤ 150`, `< 300`, `= 200`, `≥ 0.5`; undefined when there is none. */
export function meetsTarget(value: number, target: string | undefined): boolean | undefined {
  const match = /^\s*(≤|<=|<|≥|>=|>|=)\s*(-?[\d.]+)/.exec(target ?? '');
  if (!match) return undefined;
  const limit = Number(match[2]);
  switch (match[1]) {
    case '≤':
    case '<=':
      return value <= limit;
    case '<':
      return value < limit;
    case '≥':
    case '>=':
      return value >= limit;
    case '>':
      return value > limit;
    default:
      return value === limit;
  }
}

export function formatTable(results: readonly BenchResult[]): string {
  const header = ['group', 'name', 'value', 'unit', 'target', 'result', 'note'];
  const verdict = (r: BenchResult): string => {
    const pass = r.pass ?? meetsTarget(r.value, r.target);
    return pass === undefined ? '' : pass ? 'pass' : 'MISS';
  };
  const rows = results.map((r) => [r.group, r.name, formatValue(r.value), r.unit, r.target ?? '', verdict(r), r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const results: BenchResult[] = [];
  let failed = 0;
  // BENCH_ONLY=load,soak runs a subset.
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
  for (const bench of BENCHES.filter((b) => !only?.length || only.includes(b.name))) {
    process.stdout.write(`running ${bench.name}…\n`);
    const started = Date.now();
    try {
      results.push(...(await bench.module.run()));
    } catch (error) {
      failed += 1;
      const message = error instanceof Error ? error.message : String(error);
      results.push({ group: bench.name, name: 'error', value: Number.NaN, unit: '', note: message });
    }
    process.stdout.write(`  ${bench.name} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const judged = withTargets(results);
  process.stdout.write(`\n${formatTable(judged)}\n`);
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  writeFileSync(file, `${JSON.stringify({ startedAt, node: process.version, results: judged }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${file}\n`);
  if (failed > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
