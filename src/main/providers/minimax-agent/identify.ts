/**
 * Who a pasted web credential belongs to. A realUserID the user typed must match. One read from
 * the JWT is only a guess (a new account's JWT `user.id` can differ from its realUserID, and since
 * May 2026 the site may not show `user_detail_agent`): when the upstream names another user, or
 * refuses the guess, the check asks again without an id and adopts what the upstream reports.
 */
import { RelayError } from '../../../shared/errors';
import type { IdentifiedCredential, UserIdOrigin, ValidImportEntry } from '../module';
import { isAgentCredential, type AccountIdentity, type AgentCredential, type ProviderAccount, type UpstreamProvider } from '../types';

async function identifyWebAccount(
  provider: UpstreamProvider,
  probe: ProviderAccount,
  credential: AgentCredential,
  origin: UserIdOrigin,
): Promise<IdentifiedCredential> {
  const ask = (realUserId: string) => provider.validate({ ...probe, credential: { ...credential, realUserId } });
  let identity: AccountIdentity;
  if (origin === 'given') identity = await ask(credential.realUserId);
  else if (origin === 'unknown') identity = await ask('');
  else {
    try {
      identity = await ask(credential.realUserId);
    } catch (error) {
      const wrongGuess = error instanceof RelayError && (error.code === 'invalid_credential' || error.code === 'upstream_auth_expired');
      if (!wrongGuess) throw error;
      identity = await ask('').catch(() => Promise.reject(error));
    }
  }
  const realUserId = identity.realUserId || (origin === 'unknown' ? '' : credential.realUserId);
  if (!realUserId) throw new RelayError('invalid_credential', 'MiniMax did not say which user the token belongs to: paste it as realUserID+token.');
  if (origin === 'given' && identity.realUserId !== credential.realUserId) {
    throw new RelayError('invalid_credential', 'The token belongs to a different realUserID than the one given.');
  }
  return { credential: { ...credential, realUserId }, identity: { ...identity, realUserId } };
}

/** The module's `identify`: a web account's user id may be adopted from the upstream. */
export function identifyAgentEntry(provider: UpstreamProvider, probe: ProviderAccount, entry: ValidImportEntry): Promise<IdentifiedCredential> {
  if (!isAgentCredential(entry.credential)) throw new RelayError('internal', 'Not a MiniMax web credential.');
  const origin = entry.userIdOrigin ?? (entry.expectedUserId === null ? 'unknown' : 'given');
  return identifyWebAccount(provider, probe, entry.credential, origin);
}
