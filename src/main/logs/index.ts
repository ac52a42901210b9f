export { silentLogger, type Logger, type LogFn, type RequestLog } from './types';
export { createLogger, type LoggerOptions } from './logger';
export { CENSOR, SECRET_KEYS, isSecretKey, redactBody, redactValue, scrubText } from './redact';
export { createRequestLog, matchesQuery, type LogFs, type ManagedRequestLog, type RequestLogOptions } from './request-log';
