/**
 * Last fallback for the user id: when neither `user_detail_agent` nor the JWT names the user (the
 * site stopped writing `user_detail_agent` in May 2026, protocol doc §10.1), ask the upstream who
 * the token belongs to. Several sources may be given, tried in order until one answers: the
 * provider's `validate` (GET /v1/api/user/info), then `device/register`'s `data.realUserID`.
 */
import { RelayError } from '../../shared/errors';
import type { CapturedCredential } from './extract-credentials';

export type LookupIdentity = (token: string) => Promise<{ realUserId: string; userName?: string | null } | null>;

async function ask(lookups: readonly LookupIdentity[], token: string): Promise<{ realUserId: string; userName?: string | null } | null> {
  for (const lookup of lookups) {
    // One source failing (refused, unreachable) is no answer; the next may still know.
    const identity = await lookup(token).catch(() => null);
    if (identity?.realUserId) return identity;
  }
  return null;
}

export async function resolveRealUserId(credential: CapturedCredential, lookup: LookupIdentity | readonly LookupIdentity[] | undefined): Promise<CapturedCredential> {
  if (credential.realUserId) return credential;
  const lookups = lookup === undefined ? [] : typeof lookup === 'function' ? [lookup] : lookup;
  const identity = await ask(lookups, credential.token);
  if (!identity) {
    throw new RelayError('invalid_credential', 'Logged in, but MiniMax did not say which user the token belongs to. Paste the token manually.');
  }
  return {
    ...credential,
    realUserId: identity.realUserId,
    realUserIdSource: 'upstream',
    userName: credential.userName ?? identity.userName ?? null,
  };
}
