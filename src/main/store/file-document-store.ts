import fs from 'node:fs';
import path from 'node:path';
import type { DocumentStore } from './document-store';
import { writeTempFile } from './temp-files';

export interface FileDocumentStoreOptions {
  dir: string;
  /** File name including its extension, e.g. `relay.json`. */
  fileName: string;
}

/** What writes the JSON file: createAtomicJsonWriter (headless) or an electron-store instance (desktop). */
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
 * A DocumentStore over a JSON file written by electron-store (desktop; `conf` through `atomically`)
 * or createAtomicJsonWriter (headless). Both write the same way (tab-indented JSON to a temp file,
 * fsync, rename over the old file, owner-only mode), so a data dir moves between hosts.
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

/**
 * The headless writer: what conf/electron-store do for this store, without their import cost at
 * start-up (they pull in ajv, atomically and a dozen small modules). The file is replaced whole:
 * written to a temp file beside it with the owner-only mode, fsynced, then renamed over the old
 * one, so a crash leaves the old or the new document, never a half-written one.
 */
function createAtomicJsonWriter(options: DocumentWriterOptions): DocumentFileWriter {
  const filePath = path.join(options.cwd, `${options.name}.${options.fileExtension}`);
  let current: Record<string, unknown> = {};
  return {
    get store() {
      return current;
    },
    set store(doc) {
      fs.mkdirSync(options.cwd, { recursive: true });
      writeFileAtomic(filePath, JSON.stringify(doc, undefined, '\t'), options.configFileMode);
      current = doc;
    },
  };
}

function writeFileAtomic(filePath: string, text: string, mode: number): void {
  const temp = writeTempFile(filePath, text, mode);
  try {
    renameWithRetry(temp, filePath);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Windows refuses a rename over a file another process (an antivirus, an indexer) holds open for a moment. */
function renameWithRetry(from: string, to: string): void {
  const deadline = Date.now() + 1_000;
  for (;;) {
    try {
      fs.renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY') || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

/** Headless DocumentStore backed by createAtomicJsonWriter. */
export function createFileDocumentStore(options: FileDocumentStoreOptions): DocumentStore {
  return createJsonFileDocumentStore(options, createAtomicJsonWriter);
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
