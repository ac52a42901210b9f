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
import type { ErrorInfo } from '../../../shared/errors';
import type { CanonicalEvent } from '../../relay/canonical';
import type { DialectContext } from '../../relay/types';

export type { ChatStream, DialectContext, ModelListing } from '../../relay/types';

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
