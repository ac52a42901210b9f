/**
 * Redaction shared by the logger and body logging. Credentials must never reach a log line or a
 * log file: known secret keys are censored at any depth, and free text is scrubbed of JWTs
 * (MiniMax tokens are JWTs), `realUserID+JWT` credential strings and bearer values.
 */
export const SECRET_KEYS = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-goog-api-key',
  'api-key',
  'token',
  '_token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'cookie',
  'set-cookie',
  'credential',
  'credentials',
  'sealedCredential',
  'apiKey',
  'api_key',
  'password',
  'passphrase',
  'adminToken',
  'secret',
] as const;

const SECRET_KEY_SET = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));
export const CENSOR = '[redacted]';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY_SET.has(key.toLowerCase());
}

const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const USER_PLUS_JWT = /[A-Za-z0-9_-]{3,}\+eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** Basic credentials are base64: require a digit or padding so prose ("Basic concepts") survives. */
const BASIC = /\bBasic\s+(?=[A-Za-z0-9+/]*[0-9=])[A-Za-z0-9+/]{8,}={0,2}/g;
/** Relay client keys and OpenAI-style keys. */
const API_KEY = /\b(sk|mmr)-[A-Za-z0-9_-]{16,}/g;

export function scrubText(text: string): string {
  return text
    .replace(USER_PLUS_JWT, '[redacted-credential]')
    .replace(JWT, '[redacted-jwt]')
    .replace(BEARER, 'Bearer [redacted]')
    .replace(BASIC, 'Basic [redacted]')
    .replace(API_KEY, '[redacted-key]');
}

/** A copy with secret keys censored and strings scrubbed, at any depth (cycles cut). */
export function redactValue(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    return { type: value.name, message: scrubText(value.message), ...(value.stack ? { stack: scrubText(value.stack) } : {}) };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) && item !== null && item !== undefined ? CENSOR : redactValue(item, seen);
  }
  return out;
}

/**
 * For optional body logging: JSON is parsed and redacted structurally, anything else scrubbed as
 * text; the result is cut to `maxChars` with a visible marker.
 */
export function redactBody(text: string, maxChars: number): string {
  let out: string;
  try {
    out = JSON.stringify(redactValue(JSON.parse(text)));
  } catch {
    out = scrubText(text);
  }
  if (out.length <= maxChars) return out;
  const cut = out.length - maxChars;
  return `${out.slice(0, maxChars)}…[truncated ${cut} chars]`;
}
