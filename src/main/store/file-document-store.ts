import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import type { DocumentStore } from './document-store';

export interface FileDocumentStoreOptions {
  dir: string;
  /** File name including its extension, e.g. `relay.json`. */
  fileName: string;
}

/**
 * Headless DocumentStore backed by `conf`, which writes through `atomically` (temp file, fsync,
 * rename) in the same format electron-store uses, so a data dir moves between hosts.
 *
 * Reads bypass conf on purpose: conf's constructor parses the file and throws on a corrupt one
 * before we could keep a copy of it, and it merges defaults into what it read. We want the raw
 * bytes so load-document.ts can report `store_corrupt` and never reset silently. The Conf
 * instance is therefore created lazily, on the first write, which only happens after a
 * successful load.
 */
export function createFileDocumentStore(options: FileDocumentStoreOptions): DocumentStore {
  const ext = path.extname(options.fileName);
  const configName = path.basename(options.fileName, ext);
  const filePath = path.resolve(options.dir, options.fileName);
  let conf: Conf<Record<string, unknown>> | null = null;

  function getConf(): Conf<Record<string, unknown>> {
    conf ??= new Conf<Record<string, unknown>>({
      cwd: options.dir,
      configName,
      fileExtension: ext.replace(/^\./, ''),
      // Sealed credentials live in this file: owner-only.
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
    });
    return conf;
  }

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
      getConf().store = doc as Record<string, unknown>;
    },
  };
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
