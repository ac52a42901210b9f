/** BridgeApi.logs over the request log (ring + JSONL history + stats). */
import type { BridgeApi } from '../../shared/contract';
import type { LogQuery } from '../../shared/domain/request-log';
import type { RequestLog } from '../logs/types';

const DEFAULT_LIMIT = 200;
const EXPORT_LIMIT = 10_000;

export function createLogsService(deps: { requestLog: RequestLog }): BridgeApi['logs'] {
  const withLimit = (query: LogQuery, limit: number): LogQuery => ({ ...query, limit: query.limit ?? limit });
  return {
    query: async (query) => deps.requestLog.query(withLimit(query, DEFAULT_LIMIT)),
    get: async ({ id }) => deps.requestLog.get(id),
    stats: async () => deps.requestLog.stats(),
    async export(query) {
      const entries = deps.requestLog.query(withLimit(query, EXPORT_LIMIT));
      return entries.map((entry) => JSON.stringify(entry)).join('\n') + (entries.length > 0 ? '\n' : '');
    },
    clear: () => deps.requestLog.clear(),
  };
}
