/**
 * Parses the credential strings users paste or the login window captures (§2.2 of the protocol
 * reference): `realUserID+JWT` (split at the FIRST `+`: JWTs are base64url and never contain one),
 * a bare JWT (realUserID from its `user.id`, else top-level `id`/`sub`, else asked from the
 * upstream at import), a `Bearer ` prefix, the `{"value": jwt}` localStorage wrapper, separate
 * fields as JSON (`{"realUserID", "token", "cookies"}`: one object per line, a JSON array, or one
 * object), and comma- or newline-separated lists. Never throws for bad input: each entry becomes a
 * result.
 */
import { jwtDecode } from 'jwt-decode';
import { z } from 'zod';
import { EMPTY_INPUT_MARK, maskCredentialInput } from './mask-input';
import type { ErrorInfo } from '../../../shared/errors';
import { formatCookieHeader, parseCookieHeader } from '../../oauth/cookie-header';
import { isGuestClaims } from '../../oauth/guest';

/** Where the realUserID came from: typed by the user, read from the JWT, or unknown (the upstream says at import). */
export type RealUserIdOrigin = 'given' | 'jwt' | 'unknown';

export interface ParsedCredential {
  token: string;
  /**
   * Empty when neither the input nor the JWT names the user. Since May 2026 the site may not show
   * `user_detail_agent` and a JWT's `user.id` may differ from the realUserID (§2.3, §10.1), so the
   * import asks the upstream unless the user typed the id.
   */
  realUserId: string;
  realUserIdOrigin: RealUserIdOrigin;
  /** The agent site's `Cookie` header (`a=b; c=d`), when given. */
  cookies?: string;
  /** `user.deviceID` from the JWT: the device id to use when registration is unavailable. */
  deviceId?: string;
  /** Epoch ms of the JWT `exp`, when present. */
  expiresAt?: number;
  userName?: string;
  email?: string;
}

export type CredentialParseResult =
  | { ok: true; credential: ParsedCredential; expired: boolean }
  | { ok: false; error: ErrorInfo & { code: 'invalid_credential' | 'guest_token' }; masked?: string };

/** Separate fields, as stored accounts or a pasted JSON object carry them. */
export interface CredentialFields {
  token: string;
  realUserId?: string;
  cookies?: string;
}

const REAL_USER_ID = /^\d{1,32}$/;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const idSchema = z.union([z.string(), z.number()]).transform(String);
const payloadSchema = z.object({
  user: z
    .object({ id: idSchema.optional(), deviceID: idSchema.optional(), name: z.string().optional() })
    .partial()
    .optional()
    .catch(undefined),
  id: idSchema.optional().catch(undefined),
  sub: idSchema.optional().catch(undefined),
  email: z.string().optional().catch(undefined),
  exp: z.number().optional().catch(undefined),
});

const fieldsSchema = z.object({
  token: z.string().optional(),
  _token: z.string().optional(),
  value: z.string().optional(),
  realUserID: idSchema.optional(),
  realUserId: idSchema.optional(),
  // A header string, or the list a cookie-export extension writes.
  cookies: z.union([z.string(), z.array(z.object({ name: z.string(), value: z.string() }))]).optional(),
  cookie: z.string().optional(),
});

function fail(code: 'invalid_credential' | 'guest_token', message: string): Extract<CredentialParseResult, { ok: false }> {
  return { ok: false, error: { code, message } };
}

/** Parses one or more credentials from pasted text or from separate fields. */
export function parseCredentials(input: string | CredentialFields, now: number = Date.now()): CredentialParseResult[] {
  if (typeof input !== 'string') return [parseFields(input, now)];
  const text = input.trim();
  if (text === '') return [{ ...fail('invalid_credential', 'The credential is empty: paste a token or a realUserID+token string.'), masked: EMPTY_INPUT_MARK }];
  const entries = parseJsonEntries(text) ?? splitEntries(text);
  if (entries.length === 0) return [{ ...fail('invalid_credential', 'No credential found in the pasted text.'), masked: maskCredentialInput(text) }];
  // A failed entry carries its masked input, so results can name it like the valid ones.
  return entries.map((entry) => {
    const result = parseEntry(entry, now);
    return result.ok ? result : { ...result, masked: maskCredentialInput(entry) };
  });
}

/** One entry per line; a line that is a JSON object stays whole (its cookies hold commas), others split at commas. */
function splitEntries(text: string): string[] {
  return text
    .split(/[\n\r]+/)
    .map((line) => line.trim())
    .flatMap((line) => (line.startsWith('{') ? [line] : line.split(',')))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** The first credential of the input, or its error; handy where exactly one is expected. */
export function parseCredential(input: string | CredentialFields, now: number = Date.now()): CredentialParseResult {
  return parseCredentials(input, now)[0] ?? fail('invalid_credential', 'No credential found.');
}

function parseJsonEntries(text: string): (string | CredentialFields)[] | null {
  if (!text.startsWith('{') && !text.startsWith('[')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const items = Array.isArray(value) ? value : [value];
  return items.map((item): string | CredentialFields => {
    if (typeof item === 'string') return item;
    const fields = fieldsSchema.safeParse(item);
    if (!fields.success) return '';
    const token = fields.data.token ?? fields.data._token ?? fields.data.value ?? '';
    const rawCookies = fields.data.cookies ?? fields.data.cookie;
    const cookies = Array.isArray(rawCookies) ? formatCookieHeader(rawCookies) : rawCookies;
    return { token, realUserId: fields.data.realUserID ?? fields.data.realUserId, ...(cookies !== undefined ? { cookies } : {}) };
  });
}

function parseEntry(entry: string | CredentialFields, now: number): CredentialParseResult {
  if (typeof entry !== 'string') return parseFields(entry, now);
  let text = entry.trim();
  if (text.startsWith('{')) {
    const nested = parseJsonEntries(text);
    const first = nested?.[0];
    if (first !== undefined && typeof first !== 'string') return parseFields(first, now);
    if (typeof first === 'string') text = first.trim();
  }
  text = stripBearer(text);
  const plus = text.indexOf('+');
  if (plus === -1) return parseFields({ token: text }, now);
  return parseFields({ token: text.slice(plus + 1), realUserId: text.slice(0, plus) }, now);
}

function decodeClaims(token: string): (z.infer<typeof payloadSchema> & { guest: boolean }) | null {
  try {
    // A readable header too: a realUserID glued on with a wrong separator still decodes the payload.
    const header = jwtDecode<unknown>(token, { header: true });
    if (typeof header !== 'object' || header === null) return null;
    const raw = jwtDecode<unknown>(token);
    const payload = payloadSchema.safeParse(raw);
    return payload.success ? { ...payload.data, guest: isGuestClaims(raw) } : null;
  } catch {
    return null;
  }
}

function stripBearer(text: string): string {
  return text.replace(/^bearer\s+/i, '').trim();
}

function parseFields(fields: CredentialFields, now: number): CredentialParseResult {
  const token = stripBearer(fields.token ?? '');
  const given = fields.realUserId?.trim();
  if (given !== undefined && given !== '' && !REAL_USER_ID.test(given)) {
    return fail('invalid_credential', 'The part before "+" must be the numeric realUserID (e.g. 450234567894+eyJ...).');
  }
  if (!JWT_SHAPE.test(token)) {
    return fail(
      'invalid_credential',
      'The token is not a JWT: copy the whole _token value (three dot-separated parts starting with "eyJ").',
    );
  }
  const claims = decodeClaims(token);
  if (!claims) return fail('invalid_credential', 'The token could not be decoded: it looks truncated or mangled.');
  if (claims.guest) {
    return fail('guest_token', 'This is a guest session token: log in with a real MiniMax account first.');
  }
  const cookies = fields.cookies === undefined ? undefined : parseCookieHeader(fields.cookies);
  if (cookies && !cookies.ok) return fail('invalid_credential', cookies.message);
  const fromJwt = claims.user?.id || claims.id || claims.sub;
  const jwtId = fromJwt && REAL_USER_ID.test(fromJwt) ? fromJwt : undefined;
  const credential: ParsedCredential = given
    ? { token, realUserId: given, realUserIdOrigin: 'given' }
    : { token, realUserId: jwtId ?? '', realUserIdOrigin: jwtId ? 'jwt' : 'unknown' };
  if (cookies?.ok && cookies.header !== '') credential.cookies = cookies.header;
  if (claims.user?.deviceID) credential.deviceId = claims.user.deviceID;
  if (claims.exp !== undefined) credential.expiresAt = claims.exp * 1000;
  if (claims.user?.name) credential.userName = claims.user.name;
  if (claims.email) credential.email = claims.email;
  const expired = credential.expiresAt !== undefined && credential.expiresAt <= now;
  return { ok: true, credential, expired };
}

/** Claims of a token already accepted (device id and expiry); empty when it cannot be decoded. */
export function readTokenClaims(token: string): { deviceId?: string; expiresAt?: number } {
  const claims = decodeClaims(token);
  if (!claims) return {};
  return { deviceId: claims.user?.deviceID, expiresAt: claims.exp === undefined ? undefined : claims.exp * 1000 };
}
