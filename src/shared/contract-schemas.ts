/**
 * Input schemas for every BridgeApi method. Both transports (IPC on desktop, the HTTP management
 * API on the headless host) parse a call's input with these before a service sees it, because the
 * renderer and any local HTTP client are untrusted. The key set comes from BRIDGE_METHODS and each
 * schema's output type must equal the method's parameter type, so drift is a compile error.
 */
import { z } from 'zod';
import { lazy } from './lazy';
import type { BRIDGE_METHODS, BridgeApi, BridgeDomain } from './contract';
import { OPEN_KEY_KINDS, REGIONS } from './domain/account';
import { DIALECT_IDS } from './domain/dialects';
import { modelMappingInputSchema } from './domain/model-mapping';
import {
  desktopSettingsSchema,
  attachmentSettingsSchema,
  logSettingsSchema,
  modelSettingsSchema,
  openPlatformSettingsSchema,
  poolSettingsSchema,
  routingSettingsSchema,
  serverSettingsSchema,
  uiSettingsSchema,
  upstreamSettingsSchema,
} from './domain/settings';

type Listed<D extends BridgeDomain> = (typeof BRIDGE_METHODS)[D][number];

/** The single parameter of a method, or `undefined` for methods without one. */
export type MethodInput<D extends BridgeDomain, M extends PropertyKey> = M extends keyof BridgeApi[D]
  ? BridgeApi[D][M] extends (...args: infer A) => unknown
    ? A extends [] ? undefined : A[0]
    : never
  : never;

export type ContractSchemas = {
  [D in BridgeDomain]: { [M in Listed<D>]: z.ZodType<MethodInput<D, M>> };
};

const noInput = lazy(() => z.undefined());
const id = lazy(() => z.object({ id: z.string().min(1).max(200) }).strict());
const region = lazy(() => z.enum(REGIONS));

/**
 * A section patch: every field optional and WITHOUT its default, so an update that names one field
 * leaves the others as stored (a plain `.partial()` would re-apply defaults).
 */
function toPatchSchema<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodType<Partial<z.output<z.ZodObject<T>>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault || field instanceof z.ZodPrefault ? field.unwrap() : field;
    shape[key] = (inner as z.ZodType).optional();
  }
  return z.object(shape).strict() as unknown as z.ZodType<Partial<z.output<z.ZodObject<T>>>>;
}

const settingsPatchSchema = lazy(() => z
  .object({
    server: toPatchSchema(serverSettingsSchema).optional(),
    upstream: toPatchSchema(upstreamSettingsSchema).optional(),
    pool: toPatchSchema(poolSettingsSchema).optional(),
    models: toPatchSchema(modelSettingsSchema).optional(),
    logs: toPatchSchema(logSettingsSchema).optional(),
    ui: toPatchSchema(uiSettingsSchema).optional(),
    desktop: toPatchSchema(desktopSettingsSchema).optional(),
    attachments: toPatchSchema(attachmentSettingsSchema).optional(),
    routing: toPatchSchema(routingSettingsSchema).optional(),
    openPlatform: toPatchSchema(openPlatformSettingsSchema).optional(),
    // API keys change only through createApiKey/revokeApiKey (the plain key is never stored).
    apiKeys: z.never().optional(),
  })
  .strict());

const logQuerySchema = lazy(() => z
  .object({
    status: z.enum(['pending', 'streaming', 'success', 'error', 'aborted', 'all']).optional(),
    model: z.string().max(200).optional(),
    accountId: z.string().max(200).optional(),
    dialect: z.enum(DIALECT_IDS).optional(),
    text: z.string().max(500).optional(),
    before: z.number().optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict());

const mappingInput = lazy(() => modelMappingInputSchema.extend({ accountId: z.string().min(1).nullable() }).strict());

export const CONTRACT_SCHEMAS = lazy(() => ({
  app: { info: noInput },
  relay: {
    status: noInput,
    start: noInput,
    stop: noInput,
    testRequest: z.object({ dialect: z.enum(DIALECT_IDS), model: z.string().min(1).max(200).optional() }).strict(),
    testSpeech: z.object({ text: z.string().trim().min(1).max(1000), voice: z.string().min(1).max(128), format: z.enum(['mp3', 'wav']) }).strict(),
  },
  accounts: {
    list: noInput,
    import: z
      .object({
        text: z.string().trim().min(1, 'Paste at least one credential.').max(1_000_000),
        region: region.optional(),
        label: z.string().trim().max(100).optional(),
        provider: z.string().min(1).optional(),
        keyKind: z.enum(OPEN_KEY_KINDS).optional(),
      })
      .strict(),
    validate: id,
    validateAll: noInput,
    update: z
      .object({
        id: z.string().min(1).max(200),
        label: z.string().trim().max(100).optional(),
        enabled: z.boolean().optional(),
        maxConcurrency: z.number().int().min(1).max(64).optional(),
      })
      .strict(),
    reset: id,
    remove: id,
    cleanupChats: id,
    login: z.object({ region: region.optional(), id: z.string().min(1).max(200).optional() }).strict(),
    setCookies: z.object({ id: z.string().min(1).max(200), cookies: z.string().max(20_000) }).strict(),
    diagnose: id,
  },
  models: {
    catalog: noInput,
    listMappings: noInput,
    addMapping: mappingInput,
    updateMapping: mappingInput.extend({ id: z.string().min(1).max(200) }).strict(),
    removeMapping: id,
    explain: z.object({ name: z.string().trim().min(1).max(200) }).strict(),
  },
  logs: {
    query: logQuerySchema,
    get: id,
    stats: noInput,
    export: logQuerySchema,
    clear: noInput,
  },
  settings: {
    get: noInput,
    update: settingsPatchSchema,
    createApiKey: z.object({ name: z.string().trim().min(1).max(100) }).strict(),
    revokeApiKey: id,
    backup: z.object({ passphrase: z.string().min(8, 'Use a passphrase of at least 8 characters.').max(1024) }).strict(),
    restore: z.object({ data: z.string().min(1).max(200_000_000), passphrase: z.string().min(1).max(1024) }).strict(),
  },
} satisfies ContractSchemas));

// Both directions: a schema that accepts less than the method (a missing optional field) is also
// an error, not only one that produces a wrong type.
type Assignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Equals<A, B> = Assignable<A, B> extends true ? Assignable<keyof A, keyof B> : false;
type Schemas = typeof CONTRACT_SCHEMAS;
type Mismatched = {
  [D in BridgeDomain]: {
    [M in Listed<D>]: Equals<z.output<Schemas[D][M & keyof Schemas[D]]>, MethodInput<D, M>> extends true ? never : `${D}.${M}`;
  }[Listed<D>];
}[BridgeDomain];
type AssertNever<T extends never> = T;
export type ContractSchemasMatch = AssertNever<Mismatched>;

/** The schema of one method, or null when the pair is not part of the contract. */
export function getInputSchema(domain: string, method: string): z.ZodType | null {
  if (!Object.hasOwn(CONTRACT_SCHEMAS, domain)) return null;
  const methods = CONTRACT_SCHEMAS[domain as BridgeDomain] as Record<string, z.ZodType>;
  return Object.hasOwn(methods, method) ? (methods[method] ?? null) : null;
}
