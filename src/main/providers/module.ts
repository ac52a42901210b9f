/**
 * A provider as one declared module: everything the relay needs to know about an upstream kind
 * (credential format, regions, capabilities, defaults, settings) plus the factory of its
 * UpstreamProvider. Production builds its registry from the list in `modules.ts`; services,
 * import and the repository read these declarations instead of naming a provider.
 */
import type { z } from 'zod';
import type { ProviderKind, Region } from '../../shared/domain/account';
import type { Settings } from '../../shared/domain/settings';
import type { ErrorInfo } from '../../shared/errors';
import type { Logger } from '../logs/types';
import type { ChatLedger } from './minimax-agent/ledger';
import type { ProfileMemory } from './minimax-agent/profile-memory';
import type { UpstreamTransport } from './transport';
import type { OpenKeyKind, ProviderCapabilities, ProviderCredential, UpstreamProvider } from './types';

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

export interface ProviderModule {
  id: ProviderKind;
  /** English label for logs and the README; the UI has its own translated labels by id. */
  label: string;
  /** `web` accounts (a person's login) or `api-key` accounts (a paid key); routing policies use it. */
  access: 'web' | 'api-key';
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
  /** Splits pasted text into credentials; never throws for bad input. */
  parseImport(text: string, context: ImportContext): ImportEntry[];
  create(deps: ProviderModuleDeps): UpstreamProvider;
}
