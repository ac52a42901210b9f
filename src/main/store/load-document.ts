import { RelayError } from '../../shared/errors';
import { MIGRATIONS, type JsonObject, type Migration } from './migrations';
import { CURRENT_SCHEMA_VERSION, createEmptyDocument, storeDocumentSchema, type StoreDocument } from './schema';

export interface LoadedDocument {
  doc: StoreDocument;
  /** The version the raw document had before migrating; null for a fresh document. */
  migratedFrom: number | null;
}

function readVersion(raw: JsonObject): number {
  const version = raw['schemaVersion'];
  if (version === undefined) return 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new RelayError('store_corrupt', 'The settings file has an invalid schemaVersion.');
  }
  return version;
}

/**
 * Turns raw JSON from a DocumentStore into a valid current document: applies the ordered
 * migrations, then validates. A newer file is refused (the caller must not overwrite it) and an
 * invalid one is reported as `store_corrupt` with the first problems found.
 */
export function loadDocument(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  currentVersion: number = CURRENT_SCHEMA_VERSION,
): LoadedDocument {
  if (raw === undefined) return { doc: createEmptyDocument(), migratedFrom: null };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new RelayError('store_corrupt', 'The settings file does not contain a JSON object.');
  }
  let doc = raw as JsonObject;
  const fromVersion = readVersion(doc);
  if (fromVersion > currentVersion) {
    throw new RelayError(
      'store_newer_version',
      `The settings file was written by a newer version of MiniMax Relay (schema ${fromVersion}, this version reads up to ${currentVersion}). Update the app; the file was left untouched.`,
      { fileVersion: fromVersion, supportedVersion: currentVersion },
    );
  }
  for (const step of [...migrations].sort((a, b) => a.version - b.version)) {
    if (step.version > fromVersion && step.version <= currentVersion) doc = step.migrate(doc);
  }
  // jitless: parsed once per start; zod's eval-compiled fast path costs more to make than it saves here.
  const parsed = storeDocumentSchema.safeParse(doc, { jitless: true });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new RelayError('store_corrupt', `The settings file is invalid: ${problems}`, { fileVersion: fromVersion });
  }
  return { doc: parsed.data, migratedFrom: fromVersion === currentVersion ? null : fromVersion };
}
