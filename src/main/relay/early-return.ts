/**
 * An async generator that never started skips its `finally` on `return()`. Stream consumers that
 * give up before reading (a client gone before the first event) must still release what the
 * generator holds, so this wrapper runs `onUnstarted` in that case before returning the generator.
 */
export interface GuardedIterator<T> extends AsyncIterator<T, void, undefined> {
  /** True once, if nothing has read the generator yet; from then on it counts as started. */
  claimUnstarted(): boolean;
}

export function guardEarlyReturn<T>(generator: AsyncGenerator<T, void, undefined>, onUnstarted: () => Promise<void>): GuardedIterator<T> {
  let begun = false;
  const claimUnstarted = (): boolean => {
    if (begun) return false;
    begun = true;
    return true;
  };
  return {
    claimUnstarted,
    next() {
      begun = true;
      return generator.next();
    },
    async return() {
      if (claimUnstarted()) await onUnstarted();
      return generator.return(undefined);
    },
  };
}
