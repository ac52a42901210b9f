/**
 * Public types of the MiniMax Agent upstream simulator. Tests, benchmarks, e2e specs and the demo
 * mode code against these; the protocol they model is described in
 * docs/minimax-agent-protocol.md (§2–§6, §9).
 */

export interface SimOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (tests); the CLI uses 8787. */
  port?: number;
  /** Default 'off'; tests of the client use 'strict'. */
  signatureMode?: 'off' | 'lenient' | 'strict';
  /** Generation step in ms, default 100. */
  tickMs?: number;
  /** Characters appended per step, default 40. */
  charsPerTick?: number;
  /** Default true: a 2nd send_msg while a chat of the account runs is refused. */
  oneReplyPerAccount?: boolean;
  /** Default true: query `user_id`/`uuid` must equal the account's realUserId. */
  checkRealUserId?: boolean;
  /** How an expired/unknown token is reported on /matrix/*; default 'http401'. */
  expiredOnMatrix?: 'http401' | 'code2';
  /** Credits of a new account, default 200. */
  defaultCredits?: number;
  /**
   * Which upstream protocol to model (protocol doc §10). '2026-04' (default): every call works
   * with the token-signed request. '2026-05': send_msg needs the account's session cookies and
   * answers the token-signed request with an EMPTY-body HTTP 401; every other call is unchanged.
   */
  protocol?: '2026-04' | '2026-05';
  /** The login page leaves `user_detail_agent` out of local storage (seen since 2026-05-01, §10.1). */
  omitUserDetail?: boolean;
  /**
   * International host behind Cloudflare (§10.3): every API call without the clearance cookie gets
   * Cloudflare's HTML 403 block page.
   */
  cloudflare?: boolean;
}

export interface SimAccountInput {
  realUserId?: string;
  name?: string;
  email?: string;
  credits?: number;
  expiresInSec?: number;
  guest?: boolean;
}

export interface SimAccount {
  realUserId: string;
  token: string;
  /** `${realUserId}+${token}` */
  credential: string;
  deviceId: string;
  name: string;
  email: string;
}

export interface ScriptedReply {
  /** Final msg_content. */
  text: string;
  /** Final extra_info.thinking_content (grows before/alongside text). */
  thinking?: string;
  /** Override timing for this reply. */
  tickMs?: number;
  charsPerTick?: number;
  /** Explicit cumulative growth: each poll-visible step appends the next chunk. */
  chunks?: string[];
  /** Extra msg_type 2 messages with tool_call before the final one (final message gets a different msg_id). */
  agentSteps?: { toolCallName: string; content?: string }[];
  /** Mid-way, the AI message is replaced by a new msg_id whose text restarts shorter. */
  shrinkOnce?: boolean;
  /** chat_status stays 1 forever (deadline tests). */
  neverFinish?: boolean;
}

export type FaultEndpoint =
  | 'send_msg'
  | 'get_chat_detail'
  | 'delete_chat'
  | 'list_chat'
  | 'user_info'
  | 'device_register'
  | 'membership'
  | 'request_policy'
  | 'policy_callback'
  /** The storage bucket's PUT (answers OSS's 500 InternalError). */
  | 'oss_put'
  | 'any';

export type FaultKind = 'http500' | 'http503' | 'nonJson' | 'html403' | 'baseResp' | 'slow' | 'drop';

export interface FaultInput {
  endpoint: FaultEndpoint;
  kind: FaultKind;
  /** How many matching requests it affects (default 1). */
  count?: number;
  /** For 'slow'. */
  delayMs?: number;
  /** For 'baseResp' (non-zero base_resp/statusInfo with this code/message). */
  code?: number;
  message?: string;
  /** Only this account's requests. */
  realUserId?: string;
}

export type XSignatureVerdict = 'secret' | 'token' | 'invalid' | 'missing';

export interface RecordedRequest {
  seq: number;
  time: number;
  method: string;
  path: string;
  rawQuery: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  rawBody: string;
  body: unknown;
  realUserId: string | null;
  signature: { yyValid: boolean; xSignature: XSignatureVerdict };
  /** HTTP status the simulator answered. */
  status: number;
  /** send_msg: the exact `text` field. */
  text?: string;
  chatId?: number;
}

export interface SimChat {
  chatId: number;
  realUserId: string;
  status: 1 | 2;
  deleted: boolean;
  createdAt: number;
  /** The chat's latest prompt (send_msg `text`). */
  text: string;
  /** get_chat_detail requests for this chat, faulted ones and those after deletion included. */
  polls: number;
  lastPollAt: number | null;
  /** When the visible reply grew (for delivery-lag benchmarks): epoch ms and lengths after the step. */
  growth: { at: number; textLength: number; thinkingLength: number }[];
}

export interface SimAdmin {
  createAccount(input?: SimAccountInput): SimAccount;
  /** The account's current token now fails auth. */
  expireToken(realUserId: string): void;
  setCredits(realUserId: string, credits: number): void;
  setOptions(options: Partial<SimOptions>): void;
  /** Queue: next send_msg (of that account, or any) uses it. */
  scriptReply(reply: ScriptedReply, realUserId?: string): void;
  /** Default: an echo-like reply derived from the prompt. */
  setDefaultReply(factory: ((text: string) => ScriptedReply) | null): void;
  injectFault(fault: FaultInput): void;
  clearFaults(): void;
  requests(filter?: { path?: string; realUserId?: string }): RecordedRequest[];
  chats(realUserId?: string): SimChat[];
  /** Resolves when the condition over the recorded requests/chats holds, or rejects after timeoutMs. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Number of running chats per account right now. */
  running(realUserId?: string): number;
  /** The account's browser cookies as a `Cookie` header (session cookie, plus clearance when asked). */
  cookieHeader(realUserId: string, withClearance?: boolean): string;
  /** Forget requests, chats, faults, scripts (keeps accounts). */
  reset(): void;
  /** Files registered through policy_callback (the bytes' hash, never the bytes). */
  uploads(realUserId?: string): SimUpload[];
}

/** A file an account uploaded and registered (§3.9). */
export interface SimUpload {
  fileId: number;
  /** `<bucket>/<dir>/<name>`. */
  key: string;
  ossPath: string;
  realUserId: string;
  mimeType: string;
  size: number;
  sha256: string;
  originFileName: string;
}

export interface Simulator {
  url: string;
  admin: SimAdmin;
  close(): Promise<void>;
}
