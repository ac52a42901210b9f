/**
 * Every timer of the simulator goes through one scheduler so that close() can prove it leaves
 * nothing behind (tests assert that no generation step fires after close).
 */
export interface Scheduler {
  /** Runs `fn` after `ms`; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
  cancelAll(): void;
  pending(): number;
}

export function createScheduler(): Scheduler {
  const handles = new Set<NodeJS.Timeout>();
  return {
    after(ms, fn) {
      const handle = setTimeout(() => {
        handles.delete(handle);
        fn();
      }, ms);
      handles.add(handle);
      return () => {
        clearTimeout(handle);
        handles.delete(handle);
      };
    },
    cancelAll() {
      for (const handle of handles) clearTimeout(handle);
      handles.clear();
    },
    pending: () => handles.size,
  };
}
