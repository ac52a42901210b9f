import { CODES, matrixError, v1Error } from './envelope';
import { firstValue, type SimResponse } from './http-util';
import type { AccountRecord } from './accounts';
import { requestToken } from './protocol-gate';
import type { Route } from './routes';
import type { SimState } from './state';

export type AuthOutcome = { ok: true; account: AccountRecord } | { ok: false; response: SimResponse; account: AccountRecord | null };

const unauthorized = (message: string): SimResponse => ({ status: 401, body: { error: 'unauthorized', message } });

function tokenFailure(state: SimState, route: Route, message: string): SimResponse {
  // §2.9: /v1/api/* says statusInfo.code 1001; /matrix/* says HTTP 401 (or base_resp code 2, per OT).
  if (route.family === 'v1') return v1Error(CODES.v1TokenInvalid, message);
  if (state.options.expiredOnMatrix === 'code2') return matrixError(CODES.matrixNotAuthenticated, 'Not authenticated');
  return unauthorized(message);
}

function allValues(query: Record<string, string | string[]>, key: string): string[] {
  const v = query[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function authorize(
  state: SimState,
  route: Route,
  headers: Record<string, string>,
  query: Record<string, string | string[]>,
): AuthOutcome {
  const token = requestToken(state, route, headers, query);
  if (!token) return { ok: false, account: null, response: tokenFailure(state, route, 'token missing') };
  const queryToken = firstValue(query, 'token');
  if (queryToken !== undefined && queryToken !== token) {
    return { ok: false, account: null, response: tokenFailure(state, route, 'token mismatch') };
  }
  const result = state.accounts.authenticate(token);
  if (!result.ok) return { ok: false, account: null, response: tokenFailure(state, route, result.reason) };
  if (state.options.checkRealUserId) {
    // Models MFA v1.0.1: new accounts got HTTP 401 when the JWT user id was sent instead of realUserID.
    const keys = route.randomUuid ? ['user_id'] : ['user_id', 'uuid'];
    const mismatch = keys.some((k) => allValues(query, k).some((v) => v !== result.account.realUserId));
    if (mismatch) return { ok: false, account: result.account, response: unauthorized('user id does not match the token') };
  }
  return { ok: true, account: result.account };
}
