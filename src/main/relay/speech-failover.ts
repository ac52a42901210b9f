/**
 * Speech on the account pool: acquire an account of a provider that speaks, start the synthesis
 * and wait for the first audio bytes; a failure before them (refused key, no balance, rate limit)
 * parks that account the way chat failures do and tries the next one.
 */
import type { ProviderKind } from '../../shared/domain/account';
import { RelayError } from '../../shared/errors';
import type { AccountLease, AccountPool } from '../accounts/types';
import type { Logger } from '../logs/types';
import type { SpeechRequest, UpstreamProvider } from '../providers/types';
import { isFailoverError, outcomeFor, toRelayError } from './chat-runner/errors';
import type { ProviderLookup } from './types';

export interface StartedSpeech {
  lease: AccountLease;
  first: Uint8Array | null;
  rest: AsyncGenerator<Uint8Array, void, undefined>;
}

const MAX_ATTEMPTS = 16;

function speakerOf(providers: ProviderLookup, kind: ProviderKind): UpstreamProvider | undefined {
  try {
    return providers.get(kind);
  } catch {
    return undefined;
  }
}

export async function startSpeech(
  request: SpeechRequest,
  context: { signal: AbortSignal; speechProviders: readonly ProviderKind[]; onLease?: (lease: AccountLease) => void },
  deps: { pool: AccountPool; providers: ProviderLookup; logger: Logger },
): Promise<StartedSpeech> {
  const exclude = new Set<string>();
  let lastError: RelayError | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let lease: AccountLease;
    try {
      lease = await deps.pool.acquire({ signal: context.signal, exclude, providers: context.speechProviders });
    } catch (error) {
      const relay = toRelayError(error, context.signal, deps.logger);
      if (lastError && relay.code === 'no_account') throw lastError;
      if (relay.code === 'no_account') {
        throw new RelayError('no_account', 'Speech needs a MiniMax Open Platform (API key) account: add one on the Accounts page.', { reason: 'no_speech_account' });
      }
      throw relay;
    }
    exclude.add(lease.account.id);
    context.onLease?.(lease);
    const speak = speakerOf(deps.providers, lease.account.provider)?.speech;
    try {
      if (!speak) throw new RelayError('internal', `The ${lease.account.provider} provider has no speech.`);
      const reply = await speak(request, { account: lease.upstream, signal: context.signal });
      const first = await reply.audio.next();
      return { lease, first: first.done ? null : first.value, rest: reply.audio };
    } catch (error) {
      const relay = toRelayError(error, context.signal, deps.logger);
      lease.release(outcomeFor(relay));
      if (!isFailoverError(relay) || context.signal.aborted) throw relay;
      deps.logger.info({ accountId: lease.account.id, code: relay.code }, 'speech failing over to another account');
      lastError = relay;
    }
  }
  throw lastError ?? new RelayError('no_account', 'No account is available for speech.');
}
