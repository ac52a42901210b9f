import { z } from 'zod';
import { accountRecordSchema } from '../../shared/domain/account';
import { modelMappingSchema } from '../../shared/domain/model-mapping';
import { settingsSchema } from '../../shared/domain/settings';

/** The schema version this code writes. A file with a higher number was written by a newer relay. */
export const CURRENT_SCHEMA_VERSION = 3;

/**
 * The whole persisted document. Settings are parsed with their own schema so that sections and
 * fields added later fill in with defaults instead of failing validation.
 */
export const storeDocumentSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: settingsSchema,
  accounts: z.array(accountRecordSchema),
  mappings: z.array(modelMappingSchema),
  /** Upstream chat ids the relay created and has not deleted yet, per account id. */
  chatLedger: z.record(z.string(), z.array(z.number().int())),
  /** Hash of the management API token (headless host); null when none was set. */
  adminTokenHash: z.string().nullable().optional(),
});
export type StoreDocument = z.infer<typeof storeDocumentSchema>;

export function createEmptyDocument(): StoreDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    // jitless: one parse per start, and zod's eval-compiled fast path costs more to make than it saves here.
    settings: settingsSchema.parse({}, { jitless: true }),
    accounts: [],
    mappings: [],
    chatLedger: {},
    adminTokenHash: null,
  };
}
