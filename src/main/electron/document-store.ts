/**
 * The desktop DocumentStore: electron-store 11 (a `conf` subclass), so the file format, the atomic
 * write and the owner-only mode are the same as the headless host's, and a data dir moves between
 * the two. As in the headless store, reads go to the file directly: electron-store's constructor
 * would parse (and on a corrupt file, throw) before load-document.ts could keep a copy of it, and
 * it would merge defaults into what was read. The Store is created on the first write, which only
 * happens after a successful load.
 */
import fs from 'node:fs';
import path from 'node:path';
import ElectronStore from 'electron-store';
import type { DocumentStore } from '../store/document-store';

export interface ElectronDocumentStoreOptions {
  dir: string;
  /** File name including its extension, e.g. `relay.json` (the same name the headless host uses). */
  fileName: string;
}

export function createElectronDocumentStore(options: ElectronDocumentStoreOptions): DocumentStore {
  const ext = path.extname(options.fileName);
  const name = path.basename(options.fileName, ext);
  const filePath = path.resolve(options.dir, options.fileName);
  let store: ElectronStore<Record<string, unknown>> | null = null;

  function getStore(): ElectronStore<Record<string, unknown>> {
    store ??= new ElectronStore<Record<string, unknown>>({
      cwd: options.dir,
      name,
      fileExtension: ext.replace(/^\./, ''),
      // Sealed credentials live in this file: owner-only.
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
    });
    return store;
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
      getStore().store = doc as Record<string, unknown>;
    },
  };
}
