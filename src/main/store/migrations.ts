/**
 * Ordered migrations of the store document. Each step takes a document of `version - 1` and
 * returns one of `version`; they operate on plain JSON (never the zod type) because old files do
 * not match today's schema. Never edit a released step: add a new one and a fixture for it.
 *
 * Shapes:
 * - 0: an unversioned object (an empty `{}` written by a first start, or a hand-written file).
 * - 1: `{schemaVersion: 1, settings, accounts, mappings}`; mappings had no account pin and
 *      accounts no concurrency cap.
 * - 2: adds `chatLedger`, `adminTokenHash`, `mappings[].accountId`, `accounts[].maxConcurrency`.
 * - 3: adds `accounts[].requestProfile` (which MiniMax web request profile works for the account).
 */
export type JsonObject = Record<string, unknown>;

export interface Migration {
  version: number;
  migrate(doc: JsonObject): JsonObject;
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    migrate: (doc) => ({
      ...doc,
      schemaVersion: 1,
      settings: asObject(doc['settings']),
      accounts: asArray(doc['accounts']),
      mappings: asArray(doc['mappings']),
    }),
  },
  {
    version: 2,
    migrate: (doc) => ({
      ...doc,
      schemaVersion: 2,
      accounts: asArray(doc['accounts']).map((raw) => {
        const account = asObject(raw);
        // Web accounts run one reply at a time upstream; API keys tolerate parallel calls.
        const defaultCap = account['provider'] === 'minimax-open' ? 4 : 1;
        return { ...account, maxConcurrency: account['maxConcurrency'] ?? defaultCap };
      }),
      mappings: asArray(doc['mappings']).map((raw) => {
        const mapping = asObject(raw);
        return { ...mapping, accountId: mapping['accountId'] ?? null };
      }),
      chatLedger: asObject(doc['chatLedger']),
      adminTokenHash: doc['adminTokenHash'] ?? null,
    }),
  },
  {
    version: 3,
    migrate: (doc) => ({
      ...doc,
      schemaVersion: 3,
      // Nothing negotiated yet: the first send starts from the default profile.
      accounts: asArray(doc['accounts']).map((raw) => ({ ...asObject(raw), requestProfile: asObject(raw)['requestProfile'] ?? null })),
    }),
  },
];
