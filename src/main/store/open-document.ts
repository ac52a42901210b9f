import fs from 'node:fs';
import { RelayError } from '../../shared/errors';
import type { Logger } from '../logs/types';
import type { DocumentStore } from './document-store';
import { loadDocument } from './load-document';
import type { StoreDocument } from './schema';

/**
 * Loads the document (keeping a copy of a corrupt file before reporting it, refusing a newer
 * one), then writes back a migrated document so the file is current.
 */
export function openDocument(documentStore: DocumentStore, now: () => number, logger: Logger): StoreDocument {
  let raw: unknown;
  try {
    raw = documentStore.read();
    const { doc, migratedFrom } = loadDocument(raw);
    if (migratedFrom !== null || raw === undefined) {
      documentStore.write(doc);
      if (migratedFrom !== null) logger.info({ from: migratedFrom, to: doc.schemaVersion }, 'migrated the settings file');
    }
    return doc;
  } catch (error) {
    if (error instanceof RelayError && error.code === 'store_newer_version') throw error;
    const copy = keepCorruptCopy(documentStore.path, now());
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const message =
      error instanceof RelayError
        ? error.message
        : error instanceof SyntaxError
          ? 'The settings file is not valid JSON.'
          : `The settings file could not be read${code ? ` (${code})` : ''}.`;
    throw new RelayError('store_corrupt', `${message} A copy was kept at ${copy ?? '(no copy: file unreadable)'}.`, {
      path: documentStore.path,
      copy,
    }, { cause: error });
  }
}

/** Copies a bad file aside (never moves it: the user may want to repair it in place). */
export function keepCorruptCopy(filePath: string, time: number): string | null {
  if (filePath === ':memory:') return null;
  const copy = `${filePath}.corrupt-${new Date(time).toISOString().replace(/[:.]/g, '-')}`;
  try {
    fs.copyFileSync(filePath, copy);
    return copy;
  } catch {
    return null;
  }
}
