import { matrixOk, v1Ok } from './envelope';
import type { AccountRecord } from './accounts';
import type { SimResponse } from './http-util';
import type { RouteContext } from './state';

function userInfo(a: AccountRecord): Record<string, unknown> {
  return {
    userID: a.realUserId,
    realUserID: a.realUserId,
    name: a.name,
    email: a.email,
    avatar: '',
    description: '',
    isLogin: true,
    vipInfo: { type: 0, expireTime: 0 },
    phone: '',
  };
}

export function handleDeviceRegister(ctx: RouteContext): SimResponse {
  return v1Ok({ deviceIDStr: ctx.account.deviceId, realUserID: ctx.account.realUserId, userInfo: userInfo(ctx.account) });
}

export function handleUserInfo(ctx: RouteContext): SimResponse {
  return v1Ok({ userInfo: userInfo(ctx.account) });
}

/** Legacy credits endpoint (§3.8), kept for clients that still call it. */
export function handleUserCredit(ctx: RouteContext): SimResponse {
  const a = ctx.account;
  return v1Ok({ totalCredit: Math.max(a.initialCredits, a.credits), usedCredit: Math.max(0, a.initialCredits - a.credits), remainCredit: a.credits });
}

/** Daily credits reset at local midnight (C2A reads `credits["4"][0].expires_at`, §3.7). */
export function nextLocalMidnight(nowMs: number): number {
  const d = new Date(nowMs);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

export function handleMembership(ctx: RouteContext): SimResponse {
  const credits = ctx.account.credits;
  const resetAt = nextLocalMidnight(ctx.state.now());
  return matrixOk({
    plan_name: 'Free',
    plan_type: 0,
    daily_login_gift_credit_remaining: credits,
    total_remains_credit: credits,
    pending_credit: 0,
    will_renewal: false,
    expires_at: resetAt,
    is_pro_builder: false,
    credits: { '4': [{ credit: credits, expires_at: resetAt }] },
  });
}
