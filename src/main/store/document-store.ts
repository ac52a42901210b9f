/**
 * Where the store document lives. The desktop host implements this with electron-store, the
 * headless host with `conf` (same file format). Implementations only move raw JSON; validation and
 * migrations happen in load-document.ts so both hosts behave the same.
 */
export interface DocumentStore {
  /** Absolute path of the file (shown to the user and used to keep a copy of a corrupt file). */
  readonly path: string;
  /**
   * The raw JSON as stored, or undefined when there is no file yet. Throws when the file exists
   * but is not JSON (the caller reports it as `store_corrupt`).
   */
  read(): unknown;
  /** Replaces the file atomically (temp file, fsync, rename): a kill mid-write leaves the old file. */
  write(doc: unknown): void;
}
