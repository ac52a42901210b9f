/**
 * What a client dialect (OpenAI, Anthropic, Gemini) gets from the relay core, and what it gives.
 * A dialect only converts: wire request → CanonicalRequest, CanonicalEvents → wire response, and
 * errors → its own envelope. Routing, the pool, failover, tool emulation, token counting and the
 * request log live behind `DialectContext.startChat`.
 */
import type { Router } from 'express';
import type { ErrorInfo, RelayError } from '../../../shared/errors';
import type { CanonicalEvent, CanonicalRequest, Dialect } from '../canonical';

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

export interface DialectModule {
  dialect: Dialect;
  /** Routes relative to the server root (e.g. `/v1/messages`). Auth has already run. */
  createRouter(context: DialectContext): Router;
  /** This dialect's error body for an error and the HTTP status chosen for it. */
  toErrorBody(error: ErrorInfo, status: number): unknown;
  /**
   * GET routes whose JSON body depends only on the relay's state (the model lists), by exact path.
   * The relay serves them through its router and, for plain authorized calls, straight from the
   * socket handler (proxy/fast-lane.ts). A body function is called per request; keep it cheap.
   */
  readOnlyGets?(context: DialectContext): Record<string, () => string>;
}
