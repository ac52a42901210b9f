import type { ErrorCode } from '../errors';
import type { DialectId } from './dialects';
import type { ProviderKind } from './account';
import type { UpstreamReasonParams } from './upstream-reason';

export type LogDialect = DialectId;
export type RequestStatus = 'pending' | 'streaming' | 'success' | 'error' | 'aborted';

/** One try of one account for one request, and why it was chosen or left. */
export interface RequestAttempt {
  accountId: string;
  accountLabel: string;
  /** Why the pool chose this account (e.g. "least busy, 120 credits"). */
  reason: string;
  /** The same reason as codes and values, so the UI can say it in the user's language. */
  reasonParts?: ChoiceReasonPart[];
  startedAt: number;
  endedAt: number | null;
  outcome: 'success' | 'failover' | 'error' | 'aborted' | null;
  errorCode: ErrorCode | null;
  errorMessage: string | null;
  /** `errorMessage` as an upstream reason code the UI translates (upstream-reason.ts), when it has one. */
  errorReasonCode?: string;
  errorReasonParams?: UpstreamReasonParams;
  /** MiniMax web accounts: each request profile tried for send_msg, and why it was left. */
  profiles?: ProfileAttempt[];
}

/** One request profile tried for one upstream send: accepted, refused outright, skipped or failed. */
export interface ProfileAttempt {
  profile: string;
  outcome: 'accepted' | 'refused' | 'skipped' | 'failed';
  httpStatus: number | null;
  /** Why, in words (never a secret): "HTTP 401, empty body", "no browser cookies stored". */
  reason: string;
  /** `reason` as a code the UI translates (`logs.profileReason.<code>`) when it is worded in English. */
  reasonCode?: ProfileReasonCode;
  reasonParams?: Record<string, string | number>;
}

/**
 * no_cookies: skipped, none stored; refused_recently: skipped, refused {minutes} min ago;
 * http_refused(_body): refused with HTTP {status} (and a {body} of empty/json/html/text);
 * upstream_code: refused with business code {code}.
 */
export type ProfileReasonCode = 'no_cookies' | 'refused_recently' | 'http_refused' | 'http_refused_body' | 'upstream_code';

/** An image or file a request sent upstream, as the log keeps it: facts, never the bytes. */
export interface RequestAttachment {
  name: string;
  mimeType: string;
  /** Bytes after decoding. */
  size: number;
  source: 'data-url' | 'base64' | 'url';
  /** When the upload finished (epoch ms); null until uploaded. */
  uploadedAt: number | null;
  /** How long the upload took; 0 when an earlier upload of the same bytes was reused. */
  uploadMs: number | null;
  /** Reused from the account's upload cache. */
  cached: boolean;
}

export interface RequestLogEntry {
  id: string;
  time: number;
  dialect: LogDialect;
  endpoint: string;
  stream: boolean;
  clientModel: string;
  resolvedModel: string | null;
  accountId: string | null;
  accountLabel: string | null;
  attempts: RequestAttempt[];
  status: RequestStatus;
  httpStatus: number | null;
  latencyMs: number | null;
  /** Time to first token (text or reasoning) in ms. */
  ttftMs: number | null;
  queueWaitMs: number | null;
  polls: number | null;
  upstreamChatId: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  tokensEstimated: boolean;
  toolCalls: number;
  errorCode: ErrorCode | null;
  errorMessage: string | null;
  /** `errorMessage` as an upstream reason code the UI translates (upstream-reason.ts), when it has one. */
  errorReasonCode?: string;
  errorReasonParams?: UpstreamReasonParams;
  /** Redacted, truncated bodies; only when body logging is on. */
  requestBody: string | null;
  responseBody: string | null;
  /** Images and files sent with the request (absent when none). */
  attachments?: RequestAttachment[];
  /** Which provider's account served (web or API key); absent in entries written before it existed. */
  provider?: ProviderKind | null;
}

/** What a request is known by when it begins. */
export type RequestLogStart = Pick<RequestLogEntry, 'id' | 'time' | 'dialect' | 'endpoint' | 'stream' | 'clientModel'>;

/** A `pending` entry with nothing measured yet: the one place that lists every field's start value. */
export function pendingRequestLogEntry(start: RequestLogStart): RequestLogEntry {
  return {
    ...start,
    resolvedModel: null,
    accountId: null,
    accountLabel: null,
    attempts: [],
    status: 'pending',
    httpStatus: null,
    latencyMs: null,
    ttftMs: null,
    queueWaitMs: null,
    polls: null,
    upstreamChatId: null,
    inputTokens: null,
    outputTokens: null,
    tokensEstimated: false,
    toolCalls: 0,
    errorCode: null,
    errorMessage: null,
    requestBody: null,
    responseBody: null,
  };
}

export interface LogQuery {
  status?: RequestStatus | 'all';
  model?: string;
  accountId?: string;
  dialect?: LogDialect;
  text?: string;
  /** Newest first; `before` = entries older than this time. */
  before?: number;
  limit?: number;
}

export interface StatsBucket {
  /** Bucket start (epoch ms). */
  time: number;
  requests: number;
  errors: number;
  /** Input and output tokens of the bucket's requests (absent in stats written before they were counted). */
  tokensIn?: number;
  tokensOut?: number;
}

/** The Dashboard's chart ranges: the last hour by minute, 24 hours by hour, 7 days by day. */
export interface StatsRanges {
  hour: StatsBucket[];
  day: StatsBucket[];
  week: StatsBucket[];
}

/**
 * The `byProvider` key of requests no account served (refused before routing, no account free,
 * queue timeout): counted there, so the split adds up to the day's total.
 */
export const UNROUTED_PROVIDER = 'none';

export interface ProviderStats {
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
}

export interface StatsSummary {
  today: { requests: number; errors: number; successRate: number | null; medianLatencyMs: number | null; medianTtftMs: number | null };
  byModel: Record<string, { requests: number; errors: number }>;
  byAccount: Record<string, { requests: number; errors: number }>;
  /** Today's requests and upstream tokens per provider (web accounts vs API keys, and UNROUTED_PROVIDER). */
  byProvider?: Record<string, ProviderStats>;
  timeline: StatsBucket[];
  ranges?: StatsRanges;
}

/** One clause of why the pool chose an account; `describeChoice` renders the English `reason`. */
export type ChoiceReasonPart =
  | { code: 'pinned_alias'; params: { alias: string } }
  | { code: 'pinned_request'; params: Record<string, never> }
  | { code: 'least_busy'; params: { busy: number; max: number } }
  | { code: 'credits_left'; params: { remaining: number } }
  | { code: 'credits_unknown'; params: Record<string, never> }
  | { code: 'only_healthy'; params: Record<string, never> }
  | { code: 'provider_fallback'; params: { provider: ProviderKind; preferred: ProviderKind } };
export type ChoiceReasonCode = ChoiceReasonPart['code'];
