/**
 * Last fallback for the user id: when neither `user_detail_agent` nor the JWT names the user, ask
 * the upstream who the token belongs to (the provider's `validate`, i.e. GET /v1/api/user/info).
 */
import { RelayError } from '../../shared/errors';
import type { CapturedCredential } from './extract-credentials';

export type LookupIdentity = (token: string) => Promise<{ realUserId: string; userName?: string | null } | null>;

export async function resolveRealUserId(credential: CapturedCredential, lookup: LookupIdentity | undefined): Promise<CapturedCredential> {
  if (credential.realUserId) return credential;
  const identity = lookup ? await lookup(credential.token) : null;
  if (!identity?.realUserId) {
    throw new RelayError('invalid_credential', 'Logged in, but MiniMax did not say which user the token belongs to. Paste the token manually.');
  }
  return {
    ...credential,
    realUserId: identity.realUserId,
    realUserIdSource: 'upstream',
    userName: credential.userName ?? identity.userName ?? null,
  };
}
