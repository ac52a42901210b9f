/**
 * The failover loop: acquire an account, start the upstream reply, and wait for its first event.
 * Only errors before that first event can fail over: afterwards bytes may have reached the client,
 * and switching accounts would splice two different replies together.
 */
import { RelayError } from '../../../shared/errors';
import type { AccountLease, AccountPool } from '../../accounts/types';
import type { Logger } from '../../logs/types';
import type { ProviderChatOptions, UpstreamProvider } from '../../providers/types';
import type { ProviderKind } from '../../../shared/domain/account';
import type { CanonicalEvent, CanonicalRequest } from '../canonical';
import type { ProviderLookup } from '../types';
import { isFailoverError, outcomeFor, toRelayError } from './errors';
import type { AttemptLog } from './request-entry';
import type { RequestAttempt } from '../../../shared/domain/request-log';
import type { ResolvedAttachment } from '../../attachments/types';

export interface StartedReply {
  lease: AccountLease;
  attempt: RequestAttempt;
  upstream: AsyncGenerator<CanonicalEvent, void, undefined>;
  first: IteratorResult<CanonicalEvent, void>;
  /** Aborts the upstream call (client gone, or stop early). */
  controller: AbortController;
  /** Detaches the client signal from `controller`. */
  unlink: () => void;
  queueWaitMs: number;
  /** The provider took the tools natively: its events need no tool-call recovery. */
  nativeTools: boolean;
}

export interface FailoverInput {
  /** The request with the tool prompt added (for providers that emulate tools). */
  request: CanonicalRequest;
  /** The client's request as is, for providers with native tool calls (default: `request`). */
  nativeRequest?: CanonicalRequest;
  /** Providers allowed to serve, preferred first (the routing policy); absent = any. */
  providers?: readonly ProviderKind[];
  model: ProviderChatOptions['model'];
  pinnedAccountId: string | null;
  /** The alias that pinned the account (for the pool's choice reason). */
  pinnedBy: string | null;
  signal: AbortSignal;
  cleanup: boolean;
  timeoutMs: number;
  /** Checked images and files of the latest turn, uploaded by each account tried. */
  attachments?: readonly ResolvedAttachment[];
}

export interface FailoverDeps {
  pool: AccountPool;
  providers: ProviderLookup;
  logger: Logger;
  attempts: AttemptLog;
}

/**
 * Each attempt excludes the accounts already tried, so the loop ends after at most one attempt per
 * account (the pool then answers `no_account`); the cap only guards against a pool that ignores
 * `exclude`.
 */
const MAX_ATTEMPTS = 64;

function linkAbort(signal: AbortSignal, controller: AbortController): () => void {
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  const onAbort = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** A registry may throw for an unknown kind instead of answering undefined. */
function findProvider(providers: ProviderLookup, kind: ProviderKind): UpstreamProvider | undefined {
  try {
    return providers.get(kind);
  } catch {
    return undefined;
  }
}

/** One account: start the reply and wait for its first event. Releases the lease when it fails. */
async function tryAccount(lease: AccountLease, input: FailoverInput, deps: FailoverDeps): Promise<Omit<StartedReply, 'queueWaitMs'>> {
  const attempt = deps.attempts.start(lease);
  const provider = findProvider(deps.providers, lease.account.provider);
  if (!provider) {
    const error = new RelayError('internal', `No provider is installed for ${lease.account.provider} accounts.`);
    lease.release(outcomeFor(error));
    deps.attempts.finish(attempt, 'error', error);
    throw error;
  }
  const controller = new AbortController();
  const unlink = linkAbort(input.signal, controller);
  const nativeTools = provider.capabilities?.nativeTools === true;
  try {
    const upstream = provider.chat(nativeTools ? (input.nativeRequest ?? input.request) : input.request, {
      account: lease.upstream,
      model: input.model,
      signal: controller.signal,
      cleanup: input.cleanup,
      timeoutMs: input.timeoutMs,
      onProfiles: (profiles) => deps.attempts.note(attempt, { profiles }),
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    });
    const first = await upstream.next();
    return { lease, attempt, upstream, first, controller, unlink, nativeTools };
  } catch (error) {
    unlink();
    const relay = toRelayError(error, input.signal, deps.logger);
    lease.release(outcomeFor(relay));
    const failover = isFailoverError(relay) && !input.signal.aborted;
    deps.attempts.finish(attempt, failover ? 'failover' : relay.code === 'aborted' ? 'aborted' : 'error', relay);
    throw relay;
  }
}

export async function startWithFailover(input: FailoverInput, deps: FailoverDeps): Promise<StartedReply> {
  const exclude = new Set<string>();
  let lastError: RelayError | null = null;
  let queueWaitMs = 0;
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    let lease: AccountLease;
    try {
      lease = await deps.pool.acquire({
        signal: input.signal,
        pinnedAccountId: input.pinnedAccountId,
        pinnedBy: input.pinnedBy,
        exclude,
        ...(input.providers ? { providers: input.providers } : {}),
      });
    } catch (error) {
      const relay = toRelayError(error, input.signal, deps.logger);
      deps.attempts.endFailover();
      // After a failover the pool has nothing left: the upstream error says more than "no account".
      throw lastError && relay.code === 'no_account' ? lastError : relay;
    }
    exclude.add(lease.account.id);
    queueWaitMs += lease.queueWaitMs;
    try {
      return { ...(await tryAccount(lease, input, deps)), queueWaitMs };
    } catch (error) {
      const relay = toRelayError(error, input.signal, deps.logger);
      if (!isFailoverError(relay) || input.signal.aborted) throw relay;
      deps.logger.info({ requestId: input.request.id, accountId: lease.account.id, code: relay.code }, 'failing over to another account');
      lastError = relay;
    }
  }
  deps.attempts.endFailover();
  throw lastError ?? new RelayError('no_account', 'No account is available.');
}
