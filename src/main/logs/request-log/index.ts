export { createRequestLog, type ManagedRequestLog, type RequestLogOptions } from './request-log';
export { nodeLogFs, dayKey, type LogFs } from './log-fs';
export { matchesQuery } from './request-ring';
