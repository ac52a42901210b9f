import { z } from 'zod';
import { upstreamReasonParamsSchema, type UpstreamReasonParams } from './upstream-reason';

/**
 * The providers this relay ships (data: their ids name the UI's translated labels). Which kinds
 * a running relay accepts comes from its registered provider modules, not from this list.
 */
export const PROVIDER_KINDS = ['minimax-agent', 'minimax-open'] as const;
export type BuiltInProviderKind = (typeof PROVIDER_KINDS)[number];
/** Which upstream an account talks to: the id of a registered provider module. */
export type ProviderKind = BuiltInProviderKind | (string & {});

export function isBuiltInProviderKind(kind: string): kind is BuiltInProviderKind {
  return (PROVIDER_KINDS as readonly string[]).includes(kind);
}

/** Optional abilities of a provider, as the UI and the services may use them. */
export interface ProviderFeatures {
  /** Accounts carry browser cookies the user may paste or clear. */
  cookies: boolean;
  /** A diagnosis can run every upstream call and report what the upstream answered. */
  diagnosis: boolean;
  /** Accounts can be added by logging in with a window (desktop app). */
  loginWindow: boolean;
  /** The upstream keeps chats the relay creates, and the relay can delete them. */
  chatCleanup: boolean;
}

/** `web` accounts (a person's login) or `api-key` accounts (a paid key). */
export type ProviderAccess = 'web' | 'api-key';

/** What kind of Open Platform key an API-key account holds (shown to the user). */
export const OPEN_KEY_KINDS = ['pay-as-you-go', 'coding-plan'] as const;
export type OpenKeyKind = (typeof OPEN_KEY_KINDS)[number];

/** `cn` = agent.minimaxi.com, `intl` = agent.minimax.io. */
export const REGIONS = ['cn', 'intl'] as const;
export type Region = (typeof REGIONS)[number];

export const ACCOUNT_STATUSES = ['active', 'disabled', 'expired', 'invalid', 'cooling', 'exhausted'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const creditInfoSchema = z.object({
  remaining: z.number(),
  /** Epoch ms of the next daily reset, when known. */
  resetAt: z.number().nullable(),
  planName: z.string().nullable(),
  checkedAt: z.number(),
});
export type CreditInfo = z.infer<typeof creditInfoSchema>;

export const accountCountersSchema = z.object({
  requests: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  lastUsedAt: z.number().nullable(),
});
export type AccountCounters = z.infer<typeof accountCountersSchema>;

/**
 * MiniMax web accounts: the request profile that last had send_msg accepted (tried first) and when
 * each profile was last refused (re-probed at most once a day). Ids of profiles, never secrets.
 */
export const requestProfileStateSchema = z.object({
  preferred: z.string().nullable(),
  failedAt: z.record(z.string(), z.number()),
});
export type RequestProfileState = z.infer<typeof requestProfileStateSchema>;

/** An account as persisted in the store. `sealedCredential` is SecretBox output, never plain text. */
export const accountRecordSchema = z.object({
  id: z.string().min(1),
  /** A registered provider module's id (the store checks it against the registered modules). */
  provider: z.string().min(1),
  region: z.enum(REGIONS),
  label: z.string(),
  /** MiniMax realUserID (web accounts) or a key fingerprint (API-key accounts). */
  realUserId: z.string(),
  userName: z.string().nullable(),
  email: z.string().nullable(),
  sealedCredential: z.string().min(1),
  /** Epoch ms from the JWT `exp`, when present. */
  tokenExpiresAt: z.number().nullable(),
  enabled: z.boolean(),
  status: z.enum(ACCOUNT_STATUSES),
  statusReason: z.string().nullable(),
  /** `statusReason` as a code the UI translates (upstream-reason.ts); absent in records written before it. */
  statusReasonCode: z.string().nullable().optional(),
  statusReasonParams: upstreamReasonParamsSchema.nullable().optional(),
  /** For `cooling` and `exhausted`: epoch ms when routing may resume. */
  statusUntil: z.number().nullable(),
  maxConcurrency: z.number().int().min(1).max(64),
  credits: creditInfoSchema.nullable(),
  counters: accountCountersSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Web accounts: request-profile negotiation state (schema 3); null until a send was negotiated. */
  requestProfile: requestProfileStateSchema.nullable().optional(),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

/** What the renderer may see of an account: no credential, a masked id. */
export interface AccountSummary {
  id: string;
  provider: ProviderKind;
  region: Region;
  label: string;
  maskedUserId: string;
  userName: string | null;
  email: string | null;
  tokenExpiresAt: number | null;
  enabled: boolean;
  status: AccountStatus;
  statusReason: string | null;
  /** `statusReason` as a code the UI translates; null when the reason has none. */
  statusReasonCode?: string | null;
  statusReasonParams?: UpstreamReasonParams | null;
  statusUntil: number | null;
  maxConcurrency: number;
  credits: CreditInfo | null;
  counters: AccountCounters;
  /** Replies running on this account right now. */
  busy: number;
  createdAt: number;
  /** The provider's English label (the UI shows its own translation for the providers it knows). */
  providerLabel?: string;
  /** How the account signs in, from its provider module. */
  access?: ProviderAccess;
  /** What the account's provider can do besides chat, from its provider module. */
  features?: ProviderFeatures;
}

export function maskUserId(id: string): string {
  if (id.length <= 6) return '•'.repeat(id.length);
  return `${id.slice(0, 3)}…${id.slice(-3)}`;
}
