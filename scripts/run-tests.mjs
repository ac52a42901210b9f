#!/usr/bin/env node
// Runs every suite that can run on this machine (vitest: unit, integration, architecture, and
// the fault, fuzz and security suites; Playwright: web UI e2e in Chromium, desktop e2e where an
// Electron binary exists) and ends with one line `N passed, M failed, K skipped` over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reportDir = join(root, 'test-results', 'reports');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  // A file that failed without running any test (it did not load) counts as one failure; a file
  // whose tests failed is already counted through those tests.
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0);
  totals.failed += (report.numFailedTests ?? 0) + brokenFiles.length;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const stats = report.stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
  for (const error of report.errors ?? []) {
    process.stdout.write(`playwright error: ${error.message ?? JSON.stringify(error)}\n`);
    totals.failed += 1;
  }
  return true;
}

const vitestReport = join(reportDir, 'vitest.json');
const vitestStatus = run('unit, integration and architecture tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
if (!countVitest(vitestReport) || vitestStatus !== 0) failedRuns += vitestStatus !== 0 ? 1 : 0;

// The reliability suites have their own configs (longer timeouts, --expose-gc for the fuzz memory check).
for (const suite of ['faults', 'fuzz', 'security']) {
  const report = join(reportDir, `vitest-${suite}.json`);
  const status = run(`${suite} suite (vitest)`, bin('vitest'), [
    'run',
    '--config',
    `vitest.${suite}.config.ts`,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!countVitest(report) && status !== 0) totals.failed += 1;
  if (status !== 0) failedRuns += 1;
}

const hasSpecs = (dir) => existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.spec.ts'));
if (hasSpecs(join(root, 'e2e')) && existsSync(join(root, 'playwright.config.ts'))) {
  const pwReport = join(reportDir, 'playwright.json');
  const pwStatus = run('end-to-end tests (Playwright)', bin('playwright'), ['test', '--reporter=list,json,./e2e/support/skip-reasons-reporter.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport,
  });
  if (!countPlaywright(pwReport) && pwStatus !== 0) totals.failed += 1;
  if (pwStatus !== 0) failedRuns += 1;
}

if (failedRuns > 0 && totals.failed === 0) totals.failed = failedRuns;
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed > 0 ? 1 : 0);
