/**
 * What a client dialect (OpenAI, Anthropic, Gemini) gets from the relay core, and what it gives.
 * A dialect only converts: wire request → CanonicalRequest (its decoder), CanonicalEvents → wire
 * response (its encoder and collector), and errors → its own envelope. Routing, the pool,
 * failover, tool emulation, token counting and the request log live behind
 * `DialectContext.startChat`; the stream lifecycle (headers, keep-alive, client gone, answer then
 * drain) is `serveChat` in proxy/serve-chat.ts.
 */
import type { Router } from 'express';
import type { DialectId } from '../../../shared/domain/dialects';
import type { ErrorInfo, RelayError } from '../../../shared/errors';
import type { CanonicalEvent, CanonicalRequest } from '../../relay/canonical';

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

/** One frame of a streamed answer: an SSE frame (`event:` name optional) or a JSON-array element. */
export interface StreamFrame {
  event?: string;
  /** An object (written as JSON) or a literal string such as `[DONE]`. */
  data: unknown;
}

/** A dialect's streaming encoder for one reply; every method returns the frames to write. */
export interface ChatEncoder {
  /** Frames before the first event (e.g. `message_start`). */
  start(): StreamFrame[];
  /** Frames for one event; the `finish` event's frames complete the answer. */
  encode(event: CanonicalEvent): StreamFrame[];
  /** Frames after `finish` (e.g. a usage chunk, `[DONE]`). */
  end(): StreamFrame[];
  /** The last frames when the reply fails after the headers went out. */
  error(info: ErrorInfo, status: number): StreamFrame[];
}

/** A request a dialect sends to the relay itself to check it end to end (Connect page "Test"). */
export interface DialectTestRequest {
  build(input: { model: string; key: string | null; prompt: string }): { path: string; headers: Record<string, string>; body: unknown };
  /** The reply text of a successful (non-streaming) answer body. */
  replyText(body: unknown): string;
}

export interface DialectModule {
  id: DialectId;
  /** The routes the dialect serves (`POST /v1/messages`), for documentation and tests. */
  routes: readonly string[];
  /**
   * Path prefixes whose errors (auth, bad JSON, unknown route…) answer in this dialect's
   * envelope; the longest matching prefix over all dialects wins.
   */
  pathPrefixes: readonly string[];
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
  testRequest: DialectTestRequest;
}
