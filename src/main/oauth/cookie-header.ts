/**
 * Cookies of the agent site as the relay keeps them: one `Cookie` request header string
 * (`a=b; c=d`), sealed with the account. Since May 2026 `send_msg` wants the browser's session
 * cookies (protocol doc §10.2), so the login window captures them, users may paste them, and the
 * desktop keeps them in step with the account's browser session. Everything here is pure.
 */

/** What a browser cookie store hands out (Electron's `Cookie`, Playwright's cookie), reduced to what a request sends. */
export interface CookiePair {
  name: string;
  value: string;
}

/** A real site's cookie header is a few KB; anything far larger is not a cookie header. */
export const MAX_COOKIE_HEADER_CHARS = 16_384;

// RFC 6265 cookie-name is a token. Values: browsers accept more than the RFC's cookie-octet
// (spaces, commas), so only what would break the header is refused: `;` and control characters.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const VALUE = /^[^\x00-\x1F\x7F;]*$/;

export type CookieHeaderResult = { ok: true; header: string; pairs: CookiePair[] } | { ok: false; message: string };

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/**
 * Reads what a user pasted (a `Cookie:` header, `document.cookie`, or the same with a `Cookie:`
 * prefix) into pairs. Later duplicates win, as they would in the browser's jar. An empty input is
 * an empty header (no cookies), not an error.
 */
export function parseCookieHeader(input: string): CookieHeaderResult {
  const text = input.trim().replace(/^cookie:\s*/i, '');
  if (text.length > MAX_COOKIE_HEADER_CHARS) {
    return { ok: false, message: `The cookies are longer than ${MAX_COOKIE_HEADER_CHARS} characters; paste only the agent site's Cookie header.` };
  }
  const byName = new Map<string, string>();
  for (const part of text.split(';')) {
    const piece = part.trim();
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq > 0 ? piece.slice(0, eq).trim() : '';
    const value = eq > 0 ? unquote(piece.slice(eq + 1).trim()) : '';
    if (!NAME.test(name) || !VALUE.test(value)) {
      return { ok: false, message: 'The cookies are not a Cookie header: use name=value pairs separated by "; " (e.g. a=b; c=d).' };
    }
    byName.set(name, value);
  }
  const pairs = [...byName].map(([name, value]) => ({ name, value }));
  return { ok: true, header: formatCookieHeader(pairs), pairs };
}

/** Pairs → `a=b; c=d`; pairs that could not travel in a header are left out. */
export function formatCookieHeader(pairs: readonly CookiePair[]): string {
  const byName = new Map<string, string>();
  for (const { name, value } of pairs) if (NAME.test(name) && VALUE.test(value)) byName.set(name, value);
  return [...byName].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Same cookies, whatever the order or spacing. */
export function sameCookies(a: string | undefined, b: string | undefined): boolean {
  const left = parseCookieHeader(a ?? '');
  const right = parseCookieHeader(b ?? '');
  if (!left.ok || !right.ok) return (a ?? '') === (b ?? '');
  if (left.pairs.length !== right.pairs.length) return false;
  const rightMap = new Map(right.pairs.map((p) => [p.name, p.value]));
  return left.pairs.every((p) => rightMap.get(p.name) === p.value);
}
