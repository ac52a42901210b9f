import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../shared/domain/request-log';
import type { RequestLog } from '../logs/types';
import { createLogsService } from './logs-service';

function entry(id: string): RequestLogEntry {
  return { id, time: 1, dialect: 'openai', endpoint: '/v1/chat/completions', stream: false, clientModel: 'm', resolvedModel: 'm', accountId: null, accountLabel: null, attempts: [], status: 'success', httpStatus: 200, latencyMs: 5, ttftMs: 2, queueWaitMs: 0, polls: 1, upstreamChatId: null, inputTokens: 1, outputTokens: 1, tokensEstimated: true, toolCalls: 0, errorCode: null, errorMessage: null, requestBody: null, responseBody: null };
}

describe('logs service', () => {
  it('exports the matching entries as JSON Lines and passes a default limit to queries', async () => {
    const seen: unknown[] = [];
    const log = { query: (query: unknown) => (seen.push(query), [entry('a'), entry('b')]) } as unknown as RequestLog;
    const service = createLogsService({ requestLog: log });
    const text = await service.export({ status: 'success' });
    expect(text.trimEnd().split('\n').map((line) => (JSON.parse(line) as RequestLogEntry).id)).toEqual(['a', 'b']);
    expect(text.endsWith('\n')).toBe(true);
    await service.query({});
    expect(seen[1]).toEqual({ limit: 200 });
  });
});
