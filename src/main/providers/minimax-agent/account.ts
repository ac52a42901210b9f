/**
 * Account checks: who a token belongs to (§3.2 `user/info`, as Chat2API's login validation does)
 * and how many credits are left (§3.7 `get_membership_info`).
 */
import type { CreditInfo } from '../../../shared/domain/account';
import { reasonDetail } from '../../../shared/domain/upstream-reason';
import { RelayError } from '../../../shared/errors';
import type { AccountIdentity, ProviderAccount } from '../types';
import { readTokenClaims } from './credentials';
import { toBaseIdentity, type DeviceResolver } from './device';
import { PATHS } from './protocol';
import type { AgentHttp } from './request';
import { membershipResponse, userInfoData } from './schemas';

/** The credits bucket Chat2API reads the daily reset time from. */
const DAILY_CREDITS_KEY = '4';

export async function validateAccount(
  http: AgentHttp,
  account: ProviderAccount,
  signal?: AbortSignal,
): Promise<AccountIdentity> {
  // Like Chat2API's login validation: no device id, so a check costs no registration.
  const identity = toBaseIdentity(account);
  const data = await http.call(identity, {
    method: 'GET',
    path: PATHS.userInfo,
    envelope: 'statusInfo',
    schema: userInfoData,
    signal,
  });
  const user = data.userInfo;
  // An empty realUserId asks who the token belongs to (the login window's last fallback).
  if (identity.realUserId && user.realUserID && user.realUserID !== identity.realUserId) {
    throw new RelayError('invalid_credential', 'The realUserID does not belong to this token.', {
      expected: user.realUserID,
      ...reasonDetail('agent_wrong_user'),
    });
  }
  return {
    realUserId: user.realUserID ?? identity.realUserId,
    userName: user.name ?? user.nickname ?? null,
    email: user.email ?? null,
    tokenExpiresAt: readTokenClaims(identity.token).expiresAt ?? null,
  };
}

export async function fetchCredits(
  http: AgentHttp,
  devices: DeviceResolver,
  account: ProviderAccount,
  now: () => number,
  signal?: AbortSignal,
): Promise<CreditInfo> {
  const identity = await devices.identify(account);
  const data = await http.call(identity, {
    method: 'POST',
    path: PATHS.membership,
    body: {},
    envelope: 'baseResp',
    schema: membershipResponse,
    signal,
  });
  const remaining = data.total_remains_credit ?? data.daily_login_gift_credit_remaining;
  if (remaining === null || remaining === undefined) {
    throw new RelayError('upstream_protocol', 'MiniMax did not report remaining credits.', {
      endpoint: PATHS.membership,
      field: 'total_remains_credit',
    });
  }
  return {
    remaining,
    resetAt: data.credits?.[DAILY_CREDITS_KEY]?.[0]?.expires_at ?? null,
    planName: data.plan_name ?? null,
    checkedAt: now(),
  };
}
