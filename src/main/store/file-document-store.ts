import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { DocumentStore } from './document-store';

export interface FileDocumentStoreOptions {
  dir: string;
  /** File name including its extension, e.g. `relay.json`. */
  fileName: string;
}

/** What writes the JSON file: a `conf` instance (headless) or an electron-store one (desktop). */
export interface DocumentFileWriter {
  store: Record<string, unknown>;
}

/** The options both `conf` and electron-store take, so both hosts write the same file the same way. */
export interface DocumentWriterOptions {
  cwd: string;
  name: string;
  fileExtension: string;
  // Sealed credentials live in this file: owner-only.
  configFileMode: 0o600;
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
}

/**
 * A DocumentStore over a JSON file written by `conf` or its subclass electron-store, which write
 * through `atomically` (temp file, fsync, rename) in one format, so a data dir moves between hosts.
 *
 * Reads bypass the writer on purpose: its constructor parses the file and throws on a corrupt one
 * before we could keep a copy of it, and it merges defaults into what it read. We want the raw
 * bytes so load-document.ts can report `store_corrupt` and never reset silently. The writer is
 * therefore created lazily, on the first write, which only happens after a successful load.
 */
export function createJsonFileDocumentStore(
  options: FileDocumentStoreOptions,
  openWriter: (writerOptions: DocumentWriterOptions) => DocumentFileWriter,
): DocumentStore {
  const ext = path.extname(options.fileName);
  const filePath = path.resolve(options.dir, options.fileName);
  let writer: DocumentFileWriter | null = null;

  return {
    path: filePath,
    read() {
      let text: string;
      try {
        text = fs.readFileSync(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return JSON.parse(text) as unknown;
    },
    write(doc) {
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        throw new TypeError('The store document must be a JSON object.');
      }
      writer ??= openWriter({
        cwd: options.dir,
        name: path.basename(options.fileName, ext),
        fileExtension: ext.replace(/^\./, ''),
        configFileMode: 0o600,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
      });
      writer.store = doc as Record<string, unknown>;
    },
  };
}

/** Headless DocumentStore backed by `conf`. */
export function createFileDocumentStore(options: FileDocumentStoreOptions): DocumentStore {
  return createJsonFileDocumentStore(
    options,
    ({ name, ...rest }) => new Conf<Record<string, unknown>>({ ...rest, configName: name }),
  );
}

/** An in-memory DocumentStore for tests and demos. */
export function createMemoryDocumentStore(initial?: unknown): DocumentStore & { writes: number } {
  let current: string | undefined = initial === undefined ? undefined : JSON.stringify(initial);
  const store = {
    path: ':memory:',
    writes: 0,
    read(): unknown {
      return current === undefined ? undefined : (JSON.parse(current) as unknown);
    },
    write(doc: unknown): void {
      current = JSON.stringify(doc);
      store.writes += 1;
    },
  };
  return store;
}
