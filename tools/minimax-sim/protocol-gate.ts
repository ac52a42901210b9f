/**
 * The simulator's protocol modes (protocol doc §10): what the service does differently since May
 * 2026, applied before the normal auth and signature checks.
 *
 * - Cloudflare (international host, §10.3): an API call without the clearance cookie gets the HTML
 *   403 block page, whatever else it carries.
 * - '2026-05' (§10.1, §10.2): send_msg authenticates by the account's session cookie; the token may
 *   come in the query only, signatures are not checked, and a request without the cookie (the
 *   token-signed April request) gets HTTP 401 with an EMPTY body.
 */
import { CLOUDFLARE_HTML } from './faults';
import { firstValue, type SimResponse } from './http-util';
import type { Route } from './routes';
import { hasClearanceCookie, hasSessionCookie } from './session-cookies';
import type { SimState } from './state';

export const CLOUDFLARE_BLOCK: SimResponse = {
  status: 403,
  body: CLOUDFLARE_HTML,
  contentType: 'text/html; charset=UTF-8',
  headers: { server: 'cloudflare', 'cf-ray': '8f00000000000000-HKG', 'cf-mitigated': 'challenge' },
};

export const EMPTY_401: SimResponse = { status: 401, body: '', contentType: 'text/plain' };

/** The block page when the Cloudflare mode is on and the request has no clearance; else null. */
export function cloudflareGate(state: SimState, headers: Record<string, string>): SimResponse | null {
  if (!state.options.cloudflare) return null;
  const ids = state.accounts.list().map((account) => account.realUserId);
  return hasClearanceCookie(headers.cookie, state.secret, ids) ? null : CLOUDFLARE_BLOCK;
}

/** True when this request is a send_msg under the cookie-authenticated protocol. */
export function isCookieSend(state: SimState, route: Route): boolean {
  return state.options.protocol === '2026-05' && route.endpoint === 'send_msg';
}

/** The token of a request: the `token` header, or (cookie-authenticated send_msg only) the query's. */
export function requestToken(
  state: SimState,
  route: Route,
  headers: Record<string, string>,
  query: Record<string, string | string[]>,
): string | undefined {
  if (headers.token) return headers.token;
  return isCookieSend(state, route) ? firstValue(query, 'token') : undefined;
}

/** The empty 401 when a cookie-authenticated send_msg lacks the account's session cookie; else null. */
export function sessionGate(state: SimState, route: Route, headers: Record<string, string>, realUserId: string): SimResponse | null {
  if (!isCookieSend(state, route)) return null;
  return hasSessionCookie(headers.cookie, state.secret, realUserId) ? null : EMPTY_401;
}
