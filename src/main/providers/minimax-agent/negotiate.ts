/**
 * Sends send_msg under the account's request profiles (protocol reference §10.6). The profile that
 * last worked goes first; when the upstream refuses a send OUTRIGHT (HTTP 400/401/403 that is not
 * a bot check: nothing ran, no chat exists), `user/info` says whether the token itself still
 * works. A dead token is `upstream_auth_expired`; a live one moves on to the next profile, once.
 * A refused profile is re-probed at most once a day. When every profile is refused while the token
 * works, the answer is `upstream_protocol_rejected`, never "expired". Any other failure (timeout,
 * 5xx, credits) ends the negotiation as it is: that send may have started a chat.
 */
import type { ProfileAttempt } from '../../../shared/domain/request-log';
import { reasonDetail } from '../../../shared/domain/upstream-reason';
import { RelayError, isRelayError } from '../../../shared/errors';
import type { Logger } from '../../logs/types';
import { isRefusedOutright } from './errors';
import type { ProfileMemory, ProfileState } from './profile-memory';
import { sameProfileState } from './profile-memory';
import { REQUEST_PROFILES, type RequestProfile } from './profiles';
import { PATHS } from './protocol';
import type { AgentHttp, CallIdentity } from './request';
import { sendMsgResponse, userInfoData } from './schemas';

/** A refused profile is tried again after this long (the service changes without notice). */
export const REPROBE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface NegotiationDeps {
  http: AgentHttp;
  memory: ProfileMemory;
  now: () => number;
  logger: Logger;
  profiles?: readonly RequestProfile[];
}

export interface NegotiatedSend {
  chatId: number;
  profile: RequestProfile;
  tries: ProfileAttempt[];
}

/** The preferred profile first, then the rest in their listed order. */
export function orderProfiles(profiles: readonly RequestProfile[], state: ProfileState | null): RequestProfile[] {
  // A remembered id no longer in the list (a retired profile) just starts from the default order.
  const preferred = profiles.find((profile) => profile.id === state?.preferred);
  return preferred ? [preferred, ...profiles.filter((profile) => profile !== preferred)] : [...profiles];
}

const NO_COOKIES = 'no browser cookies are stored for this account';

type SkipReason = Pick<ProfileAttempt, 'reason' | 'reasonCode' | 'reasonParams'>;

/** Why a profile is not tried now, or null to try it. The first one sent is always tried. */
function skipReason(profile: RequestProfile, identity: CallIdentity, state: ProfileState, now: number, first: boolean): SkipReason | null {
  if (profile.needsCookies && !identity.cookies) return { reason: NO_COOKIES, reasonCode: 'no_cookies' };
  const failedAt = state.failedAt[profile.id];
  if (!first && failedAt !== undefined && now - failedAt < REPROBE_AFTER_MS) {
    const minutes = Math.round((now - failedAt) / 60_000);
    return { reason: `refused ${minutes} min ago; re-probed at most once a day`, reasonCode: 'refused_recently', reasonParams: { minutes } };
  }
  return null;
}

/** describeRefusal as a code the UI translates (`logs.profileReason.<code>`). */
function refusalCode(error: RelayError): Pick<ProfileAttempt, 'reasonCode' | 'reasonParams'> {
  const status = error.detail?.httpStatus;
  const shape = error.detail?.bodyShape;
  if (typeof status === 'number') {
    return typeof shape === 'string' ? { reasonCode: 'http_refused_body', reasonParams: { status, body: shape } } : { reasonCode: 'http_refused', reasonParams: { status } };
  }
  const code = error.detail?.upstreamCode;
  return typeof code === 'number' ? { reasonCode: 'upstream_code', reasonParams: { code } } : {};
}

export function describeRefusal(error: RelayError): string {
  const status = error.detail?.httpStatus;
  const shape = error.detail?.bodyShape;
  if (typeof status === 'number') return `HTTP ${status}${typeof shape === 'string' ? `, ${shape} body` : ''}`;
  const code = error.detail?.upstreamCode;
  return typeof code === 'number' ? `upstream code ${code}` : error.code;
}

export function summarizeTries(tries: readonly ProfileAttempt[]): string {
  return tries.map((t) => `${t.profile}: ${t.outcome} (${t.reason})`).join('; ');
}

export async function sendNegotiated(
  deps: NegotiationDeps,
  identity: CallIdentity,
  bodyFor: (profile: RequestProfile) => Record<string, unknown>,
  onTries?: (tries: ProfileAttempt[]) => void,
): Promise<NegotiatedSend> {
  const accountId = identity.account.id;
  const before = deps.memory.read(accountId);
  const state: { preferred: string | null; failedAt: Record<string, number> } = {
    preferred: before?.preferred ?? null,
    failedAt: { ...(before?.failedAt ?? {}) },
  };
  const tries: ProfileAttempt[] = [];
  const report = (): void => onTries?.(tries.map((t) => ({ ...t })));
  const remember = (): void => {
    if (!sameProfileState(before, state)) deps.memory.write(accountId, state);
  };
  let tokenChecked = false;
  let lastRefusal: RelayError | null = null;
  const ordered = orderProfiles(deps.profiles ?? REQUEST_PROFILES, before);
  for (const profile of ordered) {
    // The first profile actually sent is always tried, however recently it failed.
    const skip = skipReason(profile, identity, state, deps.now(), !tries.some((t) => t.outcome !== 'skipped'));
    if (skip) {
      tries.push({ profile: profile.id, outcome: 'skipped', httpStatus: null, ...skip });
      continue;
    }
    try {
      const sent = await deps.http.call(identity, {
        method: 'POST', path: PATHS.sendMsg, body: bodyFor(profile), envelope: 'baseResp', schema: sendMsgResponse, profile,
      });
      tries.push({ profile: profile.id, outcome: 'accepted', httpStatus: 200, reason: 'send_msg accepted' });
      state.preferred = profile.id;
      delete state.failedAt[profile.id];
      remember();
      report();
      return { chatId: sent.chat_id, profile, tries };
    } catch (error) {
      if (!isRelayError(error) || !isRefusedOutright(error)) {
        tries.push({ profile: profile.id, outcome: 'failed', httpStatus: statusOf(error), reason: isRelayError(error) ? error.code : 'internal' });
        report();
        throw error;
      }
      tries.push({ profile: profile.id, outcome: 'refused', httpStatus: statusOf(error), reason: describeRefusal(error), ...refusalCode(error) });
      if (!tokenChecked) {
        tokenChecked = true;
        await checkToken(deps, identity, tries, report);
      }
      state.failedAt[profile.id] = deps.now();
      lastRefusal = error;
      deps.logger.info({ profile: profile.id, reason: describeRefusal(error) }, 'send_msg refused under this request profile');
    }
  }
  remember();
  report();
  throw rejection(tries, lastRefusal);
}

function statusOf(error: unknown): number | null {
  const status = isRelayError(error) ? error.detail?.httpStatus : undefined;
  return typeof status === 'number' ? status : null;
}

/** Throws `upstream_auth_expired` when user/info rejects the token as well; other failures pass through. */
async function checkToken(deps: NegotiationDeps, identity: CallIdentity, tries: ProfileAttempt[], report: () => void): Promise<void> {
  try {
    await deps.http.call({ ...identity, deviceId: undefined }, { method: 'GET', path: PATHS.userInfo, envelope: 'statusInfo', schema: userInfoData });
  } catch (error) {
    report();
    if (isRelayError(error) && error.code === 'upstream_auth_expired') {
      throw new RelayError(
        'upstream_auth_expired',
        'MiniMax refused the token on send_msg and on user/info: it has expired or was logged out. Log in again.',
        { ...error.detail, profiles: summarizeTries(tries), ...reasonDetail('agent_token_refused_everywhere') },
        { cause: error },
      );
    }
    throw error;
  }
}

function rejection(tries: readonly ProfileAttempt[], last: RelayError | null): RelayError {
  const refused = tries.filter((t) => t.outcome === 'refused').map((t) => t.profile);
  const missingCookies = tries.some((t) => t.outcome === 'skipped' && t.reason === NO_COOKIES);
  const nextStep = missingCookies
    ? 'This account has no browser cookies stored, which newer request profiles need: log in again in the app (or add its cookies), or run a diagnosis and share the report.'
    : 'Run a diagnosis and share the report.';
  return new RelayError(
    'upstream_protocol_rejected',
    `MiniMax accepts the token but refused send_msg under ${refused.length > 0 ? `every request profile tried (${refused.join(', ')})` : 'the profiles this account can use'}. ${nextStep}`,
    {
      endpoint: PATHS.sendMsg,
      httpStatus: statusOf(last),
      profiles: summarizeTries(tries),
      ...reasonDetail(missingCookies ? 'agent_profiles_refused_no_cookies' : 'agent_profiles_refused', { profiles: refused.join(', ') }),
    },
    last ? { cause: last } : undefined,
  );
}
