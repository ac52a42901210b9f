/** The proxy's public surface for hosts and the other dialects. */
export { createProxyApp } from './app';
export type { ProxyApp } from './app';
export { startRelayServer } from './server';
export type { RelayHandler, RelayServer, RelayServerOptions } from './server';
export { dialectForPath, errorBodyForPath, retryAfterSeconds, sendError, statusForError } from './errors';
export { createSseWriter } from './sse-writer';
export type { SseResponse, SseWriter, SseWriterOptions } from './sse-writer';
export { hashApiKey } from './middleware/api-key-auth';
export { getRequestId } from './middleware/request-id';
export { isLoopbackHost, parseHostHeader } from './middleware/host-check';
export { openaiDialect } from './dialects/openai';
export { DIALECT_MODULES, dialectModule } from './dialects/registry';
export { MODEL_HEADER } from './serve-chat';
export type { ProxyDeps } from './types';
