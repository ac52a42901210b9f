/**
 * Keeps an account's stored cookies and its browser session's cookie jar in step, in both
 * directions, without either side undoing the other:
 * - cookies the user set (paste, import, the cookie field) are written into the jar once;
 * - cookies the site renews in the jar (Set-Cookie on an upstream call, a login page visit) are
 *   written back to the account, silently.
 * `known` is the header this process last wrote in either direction; a stored value equal to it is
 * not news, so a renewal not yet saved is never overwritten by the older stored value.
 */
import { formatCookieHeader, parseCookieHeader, sameCookies, type CookiePair } from './cookie-header';

/** The stored cookies to put into the jar before a call, or null when the jar already has them. */
export function cookiesToSeed(known: string | undefined, stored: string | undefined, jar: readonly CookiePair[]): CookiePair[] | null {
  if (!stored || sameCookies(known, stored)) return null;
  const parsed = parseCookieHeader(stored);
  if (!parsed.ok) return null;
  const inJar = new Map(jar.map((pair) => [pair.name, pair.value]));
  return parsed.pairs.filter((pair) => inJar.get(pair.name) !== pair.value);
}

/** The user removed the account's cookies (the stored value went away after this process knew one): empty the jar too. */
export function cookiesRemovedByUser(known: string | undefined, stored: string | undefined): boolean {
  return !stored && known !== undefined && known !== '';
}

/** The header to save on the account after the jar changed, or null when nothing new happened. */
export function cookiesToPersist(known: string | undefined, jar: readonly CookiePair[]): string | null {
  const header = formatCookieHeader(jar);
  if (header === '' || sameCookies(known, header)) return null;
  return header;
}
