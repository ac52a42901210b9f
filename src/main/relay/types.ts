/**
 * What the relay engine offers the HTTP front: a dialect hands it canonical requests through a
 * DialectContext and reads canonical events back from a ChatStream. Nothing here knows HTTP.
 */
import type { ProviderKind } from '../../shared/domain/account';
import type { RelayError } from '../../shared/errors';
import type { UpstreamProvider } from '../providers/types';
import type { CanonicalEvent, CanonicalRequest } from './canonical';

export type { ToolEmulation } from './tools';

/** kind → provider (a Map satisfies it). */
export interface ProviderLookup {
  get(kind: ProviderKind): UpstreamProvider | undefined;
}

export interface ChatStream {
  /** The request-log id (usable as the response id). */
  requestId: string;
  /** The resolved catalog model. */
  model: string;
  /**
   * Canonical events from the first one on. Tool calls are already parsed out of the text, a
   * `usage` event (upstream-reported or estimated) always precedes `finish`. Calling `return()`
   * (client gone) stops the upstream and cleans up. An error after the first event is thrown from
   * `next()` as RelayError: the dialect turns it into its stream error event.
   */
  events: AsyncIterator<CanonicalEvent>;
  /**
   * Reads the rest of the stream (so the upstream chat is cleaned up as usual) and records the
   * request as failed with `error`: for a reply the relay refuses after reading it whole (a
   * structured-output reply that is not the promised JSON). The account is not blamed.
   */
  reject?(error: RelayError): Promise<void>;
}

export interface ModelListing {
  id: string;
  /** `catalog` or `alias`. */
  kind: 'catalog' | 'alias';
  /** For aliases: the catalog target. */
  target: string | null;
  created: number;
}

export interface DialectContext {
  /**
   * Resolves the model, waits for an account, sends upstream and fails over until the first event
   * is ready. Rejects with RelayError before anything was sent to the client (the dialect answers
   * with its error envelope and `statusForError(code)`).
   */
  startChat(request: CanonicalRequest, http: { signal: AbortSignal; endpoint: string }): Promise<ChatStream>;
  /** Catalog models and plain aliases; the same array until a mapping changes (do not modify). */
  listModels(): readonly ModelListing[];
  /** Local token estimate for a request's prompt (count_tokens endpoints). */
  countTokens(request: CanonicalRequest): number;
  /** SSE heartbeat interval while waiting for upstream output. */
  heartbeatMs: number;
}
