import type { ErrorCode } from '../errors';

export type LogDialect = 'openai' | 'anthropic' | 'gemini';
export type RequestStatus = 'pending' | 'streaming' | 'success' | 'error' | 'aborted';

/** One try of one account for one request, and why it was chosen or left. */
export interface RequestAttempt {
  accountId: string;
  accountLabel: string;
  /** Why the pool chose this account (e.g. "least busy, 120 credits"). */
  reason: string;
  startedAt: number;
  endedAt: number | null;
  outcome: 'success' | 'failover' | 'error' | 'aborted' | null;
  errorCode: ErrorCode | null;
  errorMessage: string | null;
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
  /** Redacted, truncated bodies; only when body logging is on. */
  requestBody: string | null;
  responseBody: string | null;
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

export interface StatsSummary {
  today: { requests: number; errors: number; successRate: number | null; medianLatencyMs: number | null; medianTtftMs: number | null };
  byModel: Record<string, { requests: number; errors: number }>;
  byAccount: Record<string, { requests: number; errors: number }>;
  timeline: StatsBucket[];
  ranges?: StatsRanges;
}
