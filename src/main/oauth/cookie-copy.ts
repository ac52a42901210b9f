/**
 * Copying cookies from one browser session to another (the login window's throw-away session into
 * the account's persisted one). A cookie read from a jar must be turned back into what `set`
 * accepts: a URL to scope it, the domain only for domain cookies (host-only cookies have none),
 * and its flags (HttpOnly included, which page script could never copy).
 */

/** The fields of Electron's `Cookie` this needs (structural, so it is testable without Electron). */
export interface JarCookie {
  name: string;
  value: string;
  domain?: string;
  hostOnly?: boolean;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  session?: boolean;
  expirationDate?: number;
  sameSite?: 'unspecified' | 'no_restriction' | 'lax' | 'strict';
}

export interface CookieSetDetails {
  url: string;
  name: string;
  value: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  expirationDate?: number;
  sameSite?: 'unspecified' | 'no_restriction' | 'lax' | 'strict';
}

export function toCookieSetDetails(cookie: JarCookie): CookieSetDetails | null {
  const host = (cookie.domain ?? '').replace(/^\./, '');
  if (host === '') return null;
  const path = cookie.path && cookie.path.startsWith('/') ? cookie.path : '/';
  const details: CookieSetDetails = {
    url: `${cookie.secure ? 'https' : 'http'}://${host}${path}`,
    name: cookie.name,
    value: cookie.value,
    path,
    secure: cookie.secure === true,
    httpOnly: cookie.httpOnly === true,
  };
  if (cookie.hostOnly === false && cookie.domain) details.domain = cookie.domain;
  if (!cookie.session && cookie.expirationDate !== undefined) details.expirationDate = cookie.expirationDate;
  if (cookie.sameSite) details.sameSite = cookie.sameSite;
  return details;
}
