/**
 * The desktop DocumentStore: electron-store 11 (a `conf` subclass) behind the same file store as
 * the headless host, so the file format, the atomic write, the owner-only mode and the
 * corrupt-file handling are identical and a data dir moves between the two.
 */
import ElectronStore from 'electron-store';
import type { DocumentStore } from '../store/document-store';
import { createJsonFileDocumentStore, type FileDocumentStoreOptions } from '../store/file-document-store';

export type ElectronDocumentStoreOptions = FileDocumentStoreOptions;


export function createElectronDocumentStore(options: ElectronDocumentStoreOptions): DocumentStore {
  return createJsonFileDocumentStore(options, (writerOptions) => new ElectronStore<Record<string, unknown>>(writerOptions));
}
