/**
 * Parses the credential strings users paste or the login window captures (§2.2 of the protocol
 * reference): `realUserID+JWT` (split at the FIRST `+`: JWTs are base64url and never contain one),
 * a bare JWT (realUserID from its `user.id`, else top-level `id`/`sub`), a `Bearer ` prefix, the
 * `{"value": jwt}` localStorage wrapper, separate fields as JSON (`{"token", "realUserID"}`), and
 * comma- or newline-separated lists. Never throws for bad input: each entry becomes a result.
 */
import { jwtDecode } from 'jwt-decode';
import { z } from 'zod';
import type { ErrorInfo } from '../../../shared/errors';

export interface ParsedCredential {
  token: string;
  realUserId: string;
  /** `user.deviceID` from the JWT: the device id to use when registration is unavailable. */
  deviceId?: string;
  /** Epoch ms of the JWT `exp`, when present. */
  expiresAt?: number;
  userName?: string;
  email?: string;
}

export type CredentialParseResult =
  | { ok: true; credential: ParsedCredential; expired: boolean }
  | { ok: false; error: ErrorInfo & { code: 'invalid_credential' | 'guest_token' } };

/** Separate fields, as stored accounts or a pasted JSON object carry them. */
export interface CredentialFields {
  token: string;
  realUserId?: string;
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
});

function fail(code: 'invalid_credential' | 'guest_token', message: string): CredentialParseResult {
  return { ok: false, error: { code, message } };
}

/** Parses one or more credentials from pasted text or from separate fields. */
export function parseCredentials(input: string | CredentialFields, now: number = Date.now()): CredentialParseResult[] {
  if (typeof input !== 'string') return [parseFields(input.token, input.realUserId, now)];
  const text = input.trim();
  if (text === '') return [fail('invalid_credential', 'The credential is empty: paste a token or a realUserID+token string.')];
  const entries =
    parseJsonEntries(text) ??
    text
      .split(/[,\n\r]+/)
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  if (entries.length === 0) return [fail('invalid_credential', 'No credential found in the pasted text.')];
  return entries.map((entry) => parseEntry(entry, now));
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
    return { token, realUserId: fields.data.realUserID ?? fields.data.realUserId };
  });
}

function parseEntry(entry: string | CredentialFields, now: number): CredentialParseResult {
  if (typeof entry !== 'string') return parseFields(entry.token, entry.realUserId, now);
  let text = entry.trim();
  if (text.startsWith('{')) {
    const nested = parseJsonEntries(text);
    const first = nested?.[0];
    if (first !== undefined && typeof first !== 'string') return parseFields(first.token, first.realUserId, now);
    if (typeof first === 'string') text = first.trim();
  }
  text = stripBearer(text);
  const plus = text.indexOf('+');
  if (plus === -1) return parseFields(text, undefined, now);
  return parseFields(text.slice(plus + 1), text.slice(0, plus), now);
}

function decodeClaims(token: string): z.infer<typeof payloadSchema> | null {
  try {
    // A readable header too: a realUserID glued on with a wrong separator still decodes the payload.
    const header = jwtDecode<unknown>(token, { header: true });
    if (typeof header !== 'object' || header === null) return null;
    const payload = payloadSchema.safeParse(jwtDecode<unknown>(token));
    return payload.success ? payload.data : null;
  } catch {
    return null;
  }
}

function stripBearer(text: string): string {
  return text.replace(/^bearer\s+/i, '').trim();
}

function parseFields(rawToken: string, rawRealUserId: string | undefined, now: number): CredentialParseResult {
  const token = stripBearer(rawToken ?? '');
  const given = rawRealUserId?.trim();
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
  if (claims.email?.toLowerCase().includes('@guest.com')) {
    return fail('guest_token', 'This is a guest session token: log in with a real MiniMax account first.');
  }
  const realUserId = given || claims.user?.id || claims.id || claims.sub;
  if (!realUserId || !REAL_USER_ID.test(realUserId)) {
    return fail('invalid_credential', 'The realUserID is missing: paste it as realUserID+token.');
  }
  const credential: ParsedCredential = { token, realUserId };
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
