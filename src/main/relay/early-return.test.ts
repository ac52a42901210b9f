import { describe, expect, it } from 'vitest';
import { guardEarlyReturn } from './early-return';

async function* source(log: string[]): AsyncGenerator<number, void, undefined> {
  try {
    yield 1;
    yield 2;
  } finally {
    log.push('finally');
  }
}

describe('guardEarlyReturn', () => {
  it('runs the release when return() comes before any next()', async () => {
    const log: string[] = [];
    const guarded = guardEarlyReturn(source(log), async () => void log.push('released'));
    await guarded.return?.();
    expect(log).toEqual(['released']);
  });

  it('leaves the release to the generator once it started', async () => {
    const log: string[] = [];
    const guarded = guardEarlyReturn(source(log), async () => void log.push('released'));
    expect((await guarded.next()).value).toBe(1);
    await guarded.return?.();
    expect(log).toEqual(['finally']);
    expect(guarded.claimUnstarted()).toBe(false);
  });

  it('claims the unstarted state once', () => {
    const guarded = guardEarlyReturn(source([]), async () => undefined);
    expect(guarded.claimUnstarted()).toBe(true);
    expect(guarded.claimUnstarted()).toBe(false);
  });
});
