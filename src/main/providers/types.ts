/**
 * The contract between the relay core and an upstream. A provider speaks only the canonical model:
 * it receives a CanonicalRequest and yields CanonicalEvents, and it throws RelayError with an
 * upstream_* / timeout code so the account pool can react (fail over, expire, park).
 */
import type { CreditInfo, OpenKeyKind, ProviderKind, Region } from '../../shared/domain/account';

export type { OpenKeyKind } from '../../shared/domain/account';
import type { SignatureVariant } from '../../shared/domain/settings';
import type { DiagnosisReport } from '../../shared/domain/diagnosis';
import type { ProfileAttempt } from '../../shared/domain/request-log';
import type { CanonicalEvent, CanonicalRequest, ModelCapabilities } from '../relay/canonical';
import type { ResolvedAttachment } from '../attachments/types';

/** A web account's credential, decrypted for the duration of one call. */
export interface AgentCredential {
  kind: 'minimax-agent';
  token: string;
  realUserId: string;
  /**
   * The browser's cookie header for the agent host (`a=b; c=d`, HttpOnly cookies included), captured
   * at login or pasted by the user. Since May 2026 `send_msg` needs the session cookies
   * (protocol doc §10.2); absent for credentials imported without them.
   */
  cookies?: string;
}

/** An official MiniMax Open Platform key. */
export interface OpenCredential {
  kind: 'minimax-open';
  apiKey: string;
  /** Pay-as-you-go or Coding Plan: shown to the user, and Coding Plan keys have a quota to read. */
  keyKind?: OpenKeyKind;
}

/**
 * The credential of any other registered provider: its own fields, written by its module's import
 * parser and read back through its module's `readCredential`; nothing else looks inside.
 */
export interface ModuleCredential {
  kind: ProviderKind;
  [field: string]: unknown;
}

export type ProviderCredential = AgentCredential | OpenCredential | ModuleCredential;

/** Narrows a credential to a web account's (its provider's own code reads the fields). */
export function isAgentCredential(credential: ProviderCredential): credential is AgentCredential {
  return credential.kind === 'minimax-agent';
}

/** Narrows a credential to an Open Platform key's. */
export function isOpenCredential(credential: ProviderCredential): credential is OpenCredential {
  return credential.kind === 'minimax-open';
}

/** Everything a provider needs to talk to the upstream as one account. */
export interface ProviderAccount {
  id: string;
  label: string;
  region: Region;
  /** Base URL of the region (or its override, e.g. the simulator). */
  baseUrl: string;
  credential: ProviderCredential;
}

/** Who an account is, as the upstream says. */
export interface AccountIdentity {
  realUserId: string;
  userName: string | null;
  email: string | null;
  /** Epoch ms from the token, when it has an `exp`. */
  tokenExpiresAt: number | null;
}

export interface ProviderChatOptions {
  account: ProviderAccount;
  /** The catalog model the request runs on, and the capabilities its name asks for. */
  model: { id: string; capabilities: ModelCapabilities };
  signal: AbortSignal;
  /** Delete the upstream chat when the reply ends (setting, on by default). */
  cleanup: boolean;
  /** Overall deadline for the reply, in ms. */
  timeoutMs: number;
  /** Web accounts: the request profiles tried for the send and how each ended (for the request log). */
  onProfiles?: (tries: ProfileAttempt[]) => void;
  /** The latest turn's images and files, checked and decoded (attachments/); absent when none. */
  attachments?: readonly ResolvedAttachment[];
}

export interface CleanupProgress {
  done: number;
  total: number;
}

export interface UpstreamProvider {
  readonly kind: ProviderKind;
  /**
   * Runs one reply. Cleanup (deleting the upstream chat, stopping polls) happens in the generator's
   * `finally`, so it runs on normal end, on error and when the consumer stops early or aborts.
   */
  chat(request: CanonicalRequest, options: ProviderChatOptions): AsyncGenerator<CanonicalEvent, void, undefined>;
  /** Checks the credential with the upstream and says who it is. */
  validate(account: ProviderAccount, signal?: AbortSignal): Promise<AccountIdentity>;
  /** Remaining credits and their reset time; null when the upstream has no such notion. */
  credits(account: ProviderAccount, signal?: AbortSignal): Promise<CreditInfo | null>;
  /** Deletes the upstream chats this relay created for the account (never others). */
  cleanupChats(
    account: ProviderAccount,
    onProgress?: (progress: CleanupProgress) => void,
    signal?: AbortSignal,
  ): Promise<{ deleted: number; failed: number; skipped: number }>;
  /** Runs every call under every request profile and reports what the upstream answered (redacted). */
  diagnose?(account: ProviderAccount, signal?: AbortSignal): Promise<DiagnosisReport>;
  /**
   * Queues the chats an earlier run left in the ledger for deletion (called at start for each
   * account while cleanup is on). Optional: providers without upstream chats have nothing to do.
   */
  resumeCleanup?(account: ProviderAccount): void;
  /** Chats waiting in the durable cleanup queue. */
  pendingCleanup?(): number;
  /** Resolves when the cleanup queue is empty (tests, shutdown). */
  cleanupIdle?(): Promise<void>;
  /** Stops retry timers; what is left stays in the ledger for the next start. */
  close?(): void;
  /** What the upstream can do natively (absent: the web upstream's defaults, all emulated). */
  readonly capabilities?: ProviderCapabilities;
  /** Text to speech; only providers with the `speech` capability have it. */
  speech?(request: SpeechRequest, options: { account: ProviderAccount; signal: AbortSignal }): Promise<SpeechReply>;
}

/** Settings a provider reads at call time (so a settings change applies without a restart). */
export interface ProviderSettings {
  signatureVariant: SignatureVariant;
}

/** What a provider's upstream does itself; the relay emulates the rest (tool calls in the prompt). */
export interface ProviderCapabilities {
  /** Tool calls travel as upstream tool fields: the relay must not add its tool prompt. */
  nativeTools: boolean;
  reasoning: boolean;
  images: boolean;
  webSearch: boolean;
  speech: boolean;
}

/** One text-to-speech call, already in the upstream's terms (voice id, format, speed range). */
export interface SpeechRequest {
  model: string;
  text: string;
  voiceId: string;
  format: 'mp3' | 'wav' | 'pcm' | 'flac';
  sampleRate: number;
  speed: number;
  /** Yield audio as the upstream produces it instead of once at the end. */
  stream: boolean;
}

export interface SpeechReply {
  /** Raw audio bytes in the requested format, chunk by chunk (one chunk when not streaming). */
  audio: AsyncGenerator<Uint8Array, void, undefined>;
  /** Characters the upstream billed, when it says. */
  characters?: number;
}
