import type { RequestLogEntry } from '../../../shared/domain/request-log';

let counter = 0;

/** A pending entry as the proxy would begin it. */
export function makeEntry(overrides: Partial<RequestLogEntry> = {}): RequestLogEntry {
  counter += 1;
  return {
    id: `req-${counter}`,
    time: 0,
    dialect: 'openai',
    endpoint: '/v1/chat/completions',
    stream: true,
    clientModel: 'gpt-4o',
    resolvedModel: 'MiniMax-M2.7',
    accountId: 'acc-1',
    accountLabel: 'Work',
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
    ...overrides,
  };
}
