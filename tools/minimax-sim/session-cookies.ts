/**
 * The session cookies of the simulated agent site. Since May 2026 the real service wants the
 * browser's cookies on `send_msg` (protocol doc §10.2), and the international host sits behind
 * Cloudflare, whose clearance is a cookie too (§10.3). The names of the real cookies are unknown;
 * the simulator issues its own, derived from the account so that the login page (which sets them,
 * HttpOnly) and the API (which checks them) agree without shared state.
 */
import { createHmac } from 'node:crypto';

export const SESSION_COOKIE = 'mm_sessionid';
export const CLEARANCE_COOKIE = 'cf_clearance';

function derive(secret: string, purpose: string, realUserId: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${realUserId}`).digest('hex').slice(0, 40);
}

/** The value of the account's session cookie. */
export function sessionCookieValue(secret: string, realUserId: string): string {
  return derive(secret, 'session', realUserId);
}

/** The value of the clearance cookie a browser gets after passing the bot check. */
export function clearanceCookieValue(secret: string, realUserId: string): string {
  return derive(secret, 'clearance', realUserId);
}

/** The account's cookies as a `Cookie` request header (what a user copies from `document.cookie` plus the HttpOnly ones). */
export function cookieHeaderFor(secret: string, realUserId: string, withClearance = false): string {
  const pairs = [`${SESSION_COOKIE}=${sessionCookieValue(secret, realUserId)}`];
  if (withClearance) pairs.push(`${CLEARANCE_COOKIE}=${clearanceCookieValue(secret, realUserId)}`);
  return pairs.join('; ');
}

/** `Set-Cookie` values the login page answers with (HttpOnly, like a real session cookie). */
export function setCookieHeadersFor(secret: string, realUserId: string, withClearance = false): string[] {
  const attributes = 'Path=/; HttpOnly; SameSite=Lax';
  const headers = [`${SESSION_COOKIE}=${sessionCookieValue(secret, realUserId)}; ${attributes}`];
  if (withClearance) headers.push(`${CLEARANCE_COOKIE}=${clearanceCookieValue(secret, realUserId)}; ${attributes}`);
  return headers;
}

export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

export function hasSessionCookie(header: string | undefined, secret: string, realUserId: string): boolean {
  return parseCookieHeader(header).get(SESSION_COOKIE) === sessionCookieValue(secret, realUserId);
}

/** Clearance is per browser, not per account; any value the simulator issued passes. */
export function hasClearanceCookie(header: string | undefined, secret: string, realUserIds: readonly string[]): boolean {
  const value = parseCookieHeader(header).get(CLEARANCE_COOKIE);
  return value !== undefined && realUserIds.some((id) => clearanceCookieValue(secret, id) === value);
}
