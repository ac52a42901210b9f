/**
 * A provider as one declared module: everything the relay needs to know about an upstream kind
 * (credential format, regions, capabilities, defaults, settings) plus the factory of its
 * UpstreamProvider. Production builds its registry from the list in `modules.ts`; services,
 * import and the repository read these declarations instead of naming a provider.
 */
import type { z } from 'zod';
import type { ProviderAccess, ProviderFeatures, ProviderKind, Region } from '../../shared/domain/account';
import type { Settings } from '../../shared/domain/settings';
import type { ErrorInfo } from '../../shared/errors';
import type { Logger } from '../logs/types';
import type { ChatLedger } from './minimax-agent/ledger';
import type { ProfileMemory } from './minimax-agent/profile-memory';
import type { UpstreamTransport } from './transport';
import type { AccountIdentity, OpenKeyKind, ProviderAccount, ProviderCapabilities, ProviderCredential, UpstreamProvider } from './types';

export interface ProviderModuleDeps {
  fetch?: typeof fetch;
  /** How upstream calls leave the relay (the desktop passes Chromium's network); default Node's fetch. */
  transport?: UpstreamTransport;
  /** Where web accounts' negotiated request profiles are remembered (the store, in production). */
  profileMemory?: ProfileMemory;
  now: () => number;
  logger: Logger;
  /** Read at call time, so a settings change applies without a restart. */
  settings: () => Settings;
  /** Where providers that create upstream chats record them (for cleanup). */
  chatLedger: ChatLedger;
  /** The base URL in effect for a provider and region (settings, or the host's override). */
  baseUrlFor?: (provider: ProviderKind, region: Region) => string;
}

/** What the Accounts form or an import paste gives besides the text. */
export interface ImportContext {
  now: number;
  /** The region chosen in the form; an entry may name its own (`intl:sk-…`). */
  region: Region;
  keyKind?: OpenKeyKind;
}

/** Where an entry's user id came from: typed by the user, read from the JWT, or unknown (the upstream says). */
export type UserIdOrigin = 'given' | 'jwt' | 'unknown';

/** One pasted entry, parsed: a credential to validate, or why it cannot be one. */
export type ImportEntry =
  | {
      ok: true;
      credential: ProviderCredential;
      region: Region;
      /** A masked form for the import results (never the secret). */
      masked: string;
      /** The user id the entry claims; validation must confirm it (null: nothing claimed). */
      expectedUserId: string | null;
      /** Web accounts: how sure the user id is; a JWT's guess is replaced by what the upstream reports. */
      userIdOrigin?: UserIdOrigin;
      expiresAt: number | null;
      expired: boolean;
    }
  | { ok: false; masked: string; error: ErrorInfo };

export type ValidImportEntry = Extract<ImportEntry, { ok: true }>;

/** A checked credential: as it is stored (a web account's user id may be adopted) and who it is. */
export interface IdentifiedCredential {
  credential: ProviderCredential;
  identity: AccountIdentity;
}

/** The base URLs the host was started with for this run (environment, CLI flags). */
export interface HostBaseUrls {
  /** `MINIMAX_RELAY_AGENT_URL`. */
  agentBaseUrl?: string;
  /** `MINIMAX_RELAY_OPEN_URL`. */
  openBaseUrl?: string;
}

/** How a provider whose accounts carry browser cookies reads and replaces them. */
export interface CookieHooks {
  /** The stored cookie header (`a=b; c=d`), when the credential has one. */
  read(credential: ProviderCredential): string | undefined;
  /** The credential with these cookies ('' clears them). */
  write(credential: ProviderCredential, header: string): ProviderCredential;
}

export interface ProviderModule {
  id: ProviderKind;
  /** English label for logs and the README; the UI shows it for a provider without a translated label. */
  label: string;
  /** `web` accounts (a person's login) or `api-key` accounts (a paid key); routing policies use it. */
  access: ProviderAccess;
  /** Optional abilities (the hooks below and the provider's own methods back them; the registry checks). */
  features: ProviderFeatures;
  capabilities: ProviderCapabilities;
  /** Replies one account runs at once unless the user changes it. */
  defaultConcurrency: number;
  /** Default base URL per region. */
  baseUrls: Readonly<Record<Region, string>>;
  /** The base URL in effect: the user's override from the settings when the provider has one. */
  baseUrlFor(settings: Settings, region: Region): string;
  /** Upstream model ids the provider serves. */
  models: readonly string[];
  /** The provider's own settings section (validated where the settings document is). */
  settingsSchema: z.ZodType;
  /** The host's base URL for this run, which wins over the settings (a simulator, the demo). */
  hostBaseUrl?(host: HostBaseUrls): string | undefined;
  /** Splits pasted text into credentials; never throws for bad input. */
  parseImport(text: string, context: ImportContext): ImportEntry[];
  /** Reads a stored credential back (decrypted JSON); null when it is not a valid one of this provider. */
  readCredential(value: unknown): ProviderCredential | null;
  /** What identifies the account behind a credential: an import of the same key updates that account. */
  accountKey(credential: ProviderCredential, identity: AccountIdentity): string;
  /**
   * Checks a pasted credential with the upstream and says who it is (absent: `validate`, and a
   * user id the entry claims must match).
   */
  identify?(provider: UpstreamProvider, probe: ProviderAccount, entry: ValidImportEntry): Promise<IdentifiedCredential>;
  /** Accounts with browser cookies (`features.cookies`). */
  cookies?: CookieHooks;
  /** The credential for a token the login window captured (`features.loginWindow`). */
  loginCredential?(token: string): ProviderCredential;
  create(deps: ProviderModuleDeps): UpstreamProvider;
}
