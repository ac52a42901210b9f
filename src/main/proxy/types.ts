/** What the proxy app is built from. The composition root (desktop or headless) supplies it. */
import type { ProviderKind } from '../../shared/domain/account';
import type { ModelMapping } from '../../shared/domain/model-mapping';
import type { Settings } from '../../shared/domain/settings';
import type { AccountPool } from '../accounts/types';
import type { Logger, RequestLog } from '../logs/types';
import type { ModelResolver } from '../models/types';
import type { DialectModule } from './dialects/types';
import type { ProviderLookup, ToolEmulation } from '../relay/types';
import type { AttachmentResolver } from '../attachments';
import type { ProviderOrder } from '../relay/chat-runner';

export type { ProviderLookup, ToolEmulation } from '../relay/types';

export interface ProxyDeps {
  /** Read per request, so a settings change applies without rebuilding the app. */
  getSettings(): Settings;
  pool: AccountPool;
  models: ModelResolver;
  /** User aliases, for model listings (exact aliases are listed; wildcards are not). */
  mappings?: () => readonly ModelMapping[];
  requestLog: RequestLog;
  providers: ProviderLookup;
  /** Providers allowed for a request, preferred first (routing policy); absent = any account. */
  providerOrder?: ProviderOrder;
  /** Providers whose accounts serve `/v1/audio/speech` (the registered modules with the speech capability). */
  speechProviders: readonly ProviderKind[];
  /** Optional until tool emulation is installed: requests pass through unchanged. */
  tools?: ToolEmulation;
  logger: Logger;
  /** Epoch ms (injected for tests). */
  now(): number;
  dialects: readonly DialectModule[];
  /** Shown by `GET /health`. */
  version?: string;
  /** SSE heartbeat interval; default 15 s. */
  heartbeatMs?: number;
  /** Image and file checks (tests inject DNS answers); default: real DNS. */
  attachments?: AttachmentResolver;
  /**
   * Persists API-key `lastUsedAt` times. Called coalesced (at most once per flush interval with
   * every key used since), never once per request.
   */
  recordApiKeyUse?(lastUsed: ReadonlyMap<string, number>): void;
}
