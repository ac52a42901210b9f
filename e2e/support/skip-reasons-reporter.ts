/**
 * Prints why each skipped test was skipped (the list reporter shows only that it was), so a run
 * on a machine without, say, the Electron runtime says what is missing instead of a bare count.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  private readonly reasons = new Map<string, string[]>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip' || a.type === 'fixme')?.description ?? 'no reason given';
    const titles = this.reasons.get(reason) ?? [];
    titles.push(test.titlePath().slice(1).join(' › '));
    this.reasons.set(reason, titles);
  }

  onEnd(): void {
    for (const [reason, titles] of this.reasons) {
      process.stdout.write(`\nSkipped ${titles.length} test(s): ${reason}\n`);
      for (const title of titles) process.stdout.write(`  - ${title}\n`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
