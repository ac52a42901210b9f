import type { Logger } from '../logs/types';
import type { DocumentStore } from './document-store';
import type { SaveOptions, StoreChange } from './relay-store-types';
import type { StoreDocument } from './schema';

/** Freezes what is not frozen yet; parts shared with the previous document already are. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Holds the current document and decides when it reaches the disk. Every change hands in the
 * next document (never a mutation of the current one), and the holder freezes it, so readers can
 * be handed its parts without a copy: a part's identity is its version. An immediate write goes to disk first,
 * so when it fails (disk full, permissions) memory still matches the file and the caller gets
 * the error; a coalesced change is swapped in at once and written a little later, together with
 * any others, and always by flush()/close().
 */
export class DocumentHolder {
  #doc: StoreDocument;
  #dirty = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #listeners = new Set<(change: StoreChange) => void>();

  constructor(
    private readonly documentStore: DocumentStore,
    initial: StoreDocument,
    private readonly options: { coalesceMs: number; logger: Logger },
  ) {
    this.#doc = deepFreeze(initial);
  }

  get current(): StoreDocument {
    return this.#doc;
  }

  commit(next: StoreDocument, change: StoreChange, options: SaveOptions = {}): void {
    deepFreeze(next);
    if (options.coalesce) {
      this.#doc = next;
      this.#schedule();
    } else {
      this.documentStore.write(next);
      this.#doc = next;
      this.#dirty = false;
      this.#clearTimer();
    }
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch (error) {
        this.options.logger.error({ err: error }, 'store change listener failed');
      }
    }
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  flush(): void {
    this.#clearTimer();
    if (!this.#dirty) return;
    this.documentStore.write(this.#doc);
    this.#dirty = false;
  }

  close(): void {
    this.flush();
    this.#listeners.clear();
  }

  #schedule(): void {
    this.#dirty = true;
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      try {
        this.flush();
      } catch (error) {
        // Still dirty: the next write or flush()/close() tries again.
        this.options.logger.error({ err: error }, 'could not write the settings file');
      }
    }, this.options.coalesceMs);
    this.#timer.unref?.();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
