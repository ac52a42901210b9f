/** The proxy's public surface for hosts and the other dialects. */
export { createProxyApp } from './app';
export type { ProxyApp } from './app';
export { startRelayServer } from './server';
export type { RelayServer, RelayServerOptions } from './server';
export { dialectForPath, errorBodyForPath, retryAfterSeconds, sendError, statusForError } from './errors';
export { createSseWriter } from './sse-writer';
export type { SseResponse, SseWriter, SseWriterOptions } from './sse-writer';
export { createChatRunner } from './chat-runner';
export type { ChatRunner, ChatRunnerDeps } from './chat-runner';
export { hashApiKey } from './middleware/api-key-auth';
export { getRequestId } from './middleware/request-id';
export { isLoopbackHost } from './middleware/host-check';
export { openaiDialect } from './dialects/openai';
export { DIALECT_MODULES, dialectModule } from './dialects/registry';
export { MODEL_HEADER } from './serve-chat';
export type { ProviderLookup, ProxyDeps, ToolEmulation } from './types';
