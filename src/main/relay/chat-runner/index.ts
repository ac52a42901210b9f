/**
 * `DialectContext.startChat`: model resolution, tool-emulation prompt, account failover until the
 * first upstream event, then the accounted event stream. Every path ends the request-log entry
 * exactly once: here when the start fails, in the event stream otherwise.
 */
import type { ProviderKind } from '../../../shared/domain/account';
import type { RoutingPolicy, Settings } from '../../../shared/domain/settings';
import type { AccountPool } from '../../accounts/types';
import type { Logger, RequestLog } from '../../logs/types';
import type { ModelResolver } from '../../models/types';
import type { CanonicalRequest } from '../canonical';
import type { ChatStream } from '../types';
import { statusForError } from '../../../shared/error-status';
import type { ProviderLookup, ToolEmulation } from '../types';
import { errorReasonFields, toRelayError } from './errors';
import { createEventStream } from './event-stream';
import { startWithFailover } from './failover';
import { AttemptLog, newRequestEntry } from './request-entry';
import { createAttachmentResolver, limitsFromSettings, type AttachmentResolver } from '../../attachments';
import { toPendingLog } from './attachment-log';

export { estimatePromptTokens, estimateTokens, flattenForEstimate } from './token-estimate';

export interface ChatRunnerDeps {
  getSettings(): Settings;
  pool: AccountPool;
  models: ModelResolver;
  requestLog: RequestLog;
  providers: ProviderLookup;
  tools?: ToolEmulation;
  logger: Logger;
  now(): number;
  /** Checks and loads images and files (remote URLs through the SSRF guard); default: real DNS. */
  attachments?: AttachmentResolver;
  /** Providers allowed for a request, preferred first (routing policy); absent or undefined = any. */
  providerOrder?: ProviderOrder;
}

export type ProviderOrder = (input: { policy: RoutingPolicy | null; webSearch: boolean; only: readonly ProviderKind[] | null }) => readonly ProviderKind[] | undefined;

export interface ChatRunner {
  startChat(request: CanonicalRequest, http: { signal: AbortSignal; endpoint: string }): Promise<ChatStream>;
}

function hintsOf(request: CanonicalRequest): { thinking?: boolean; webSearch?: boolean } {
  const hints: { thinking?: boolean; webSearch?: boolean } = {};
  if (request.thinking !== undefined) hints.thinking = request.thinking;
  if (request.webSearch !== undefined) hints.webSearch = request.webSearch;
  return hints;
}

export function createChatRunner(deps: ChatRunnerDeps): ChatRunner {
  const attachmentResolver = deps.attachments ?? createAttachmentResolver();
  return {
    async startChat(request, http) {
      const startedAt = deps.now();
      const settings = deps.getSettings();
      const logBodies = settings.logs.logBodies;
      const logger = deps.logger.child({ requestId: request.id });
      deps.requestLog.begin(newRequestEntry(request, http.endpoint, startedAt, logBodies));
      const attempts = new AttemptLog(deps.requestLog, request.id, deps.now);
      try {
        const resolution = deps.models.resolve(request.model, hintsOf(request));
        logger.debug({ clientModel: request.model, model: resolution.model, via: resolution.via }, 'model resolved');
        deps.requestLog.update(request.id, { resolvedModel: resolution.model });
        const prepared = deps.tools ? deps.tools.prepare(request) : request;
        // Before any account is taken: a bad image is the client's 400, whatever account would run it.
        const attachments = await attachmentResolver.resolve(prepared.messages, limitsFromSettings(settings), http.signal);
        if (attachments.length > 0) deps.requestLog.update(request.id, { attachments: attachments.map(toPendingLog) });
        const providers = deps.providerOrder?.({ policy: resolution.routing ?? null, webSearch: resolution.webSearch, only: resolution.providers ?? null });
        const started = await startWithFailover(
          {
            request: prepared,
            nativeRequest: request,
            ...(providers ? { providers } : {}),
            model: { id: resolution.model, capabilities: { thinking: resolution.thinking, webSearch: resolution.webSearch } },
            pinnedAccountId: resolution.accountId,
            pinnedBy: resolution.accountId ? resolution.requested : null,
            signal: http.signal,
            cleanup: settings.upstream.cleanupChats,
            timeoutMs: settings.upstream.replyTimeoutMs,
            attachments,
          },
          { pool: deps.pool, providers: deps.providers, logger, attempts },
        );
        deps.requestLog.update(request.id, {
          status: 'streaming',
          accountId: started.lease.account.id,
          accountLabel: started.lease.account.label,
          provider: started.lease.account.provider,
          queueWaitMs: started.queueWaitMs,
        });
        const events = createEventStream(
          { started, request, prompt: started.nativeTools ? request : prepared, signal: http.signal, startedAt, logBodies },
          { requestLog: deps.requestLog, attempts, tools: deps.tools, logger, now: deps.now },
        );
        return { requestId: request.id, model: resolution.model, events, reject: (error) => events.reject(error) };
      } catch (error) {
        const relay = toRelayError(error, http.signal, logger);
        deps.requestLog.end(request.id, {
          status: relay.code === 'aborted' ? 'aborted' : 'error',
          httpStatus: statusForError(relay.code),
          latencyMs: deps.now() - startedAt,
          errorCode: relay.code,
          errorMessage: relay.message,
          ...errorReasonFields(relay),
        });
        throw relay;
      }
    },
  };
}

