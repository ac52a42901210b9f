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

const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** Basic credentials are base64: require a digit or padding so prose ("Basic concepts") survives. */
const BASIC = /\bBasic\s+(?=[A-Za-z0-9+/]*[0-9=])[A-Za-z0-9+/]{8,}={0,2}/g;
/** Relay client keys and OpenAI-style keys. */
const API_KEY = /\b(sk|mmr)-[A-Za-z0-9_-]{16,}/g;
/** Maximal runs that may hold a JWT or a `realUserID+JWT` credential; one match per run keeps the scan linear. */
const TOKENISH_RUN = /[A-Za-z0-9_.+-]+/g;

function isBase64Url(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 95;
}

/** End (exclusive) of the base64url segment that starts at `from`. */
function segmentEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBase64Url(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Replaces `eyJ<4+>.<4+>.<*>` (a JWT) and `<3+>+JWT` (a credential) inside one run. Every
 * character is visited a bounded number of times: a candidate that fails skips past the segment
 * that made it fail, since any later start inside that segment would fail the same way. (The
 * regular expressions this replaces backtracked quadratically on long runs.)
 */
function scrubJwtRun(run: string): string {
  if (!run.includes('eyJ')) return run;
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = run.indexOf('eyJ', from);
    if (start < 0) break;
    const end1 = segmentEnd(run, start);
    if (end1 - start < 7 || run[end1] !== '.') {
      from = Math.max(end1, start + 3);
      continue;
    }
    const end2 = segmentEnd(run, end1 + 1);
    if (end2 - end1 - 1 < 4 || run[end2] !== '.') {
      from = end1 + 1;
      continue;
    }
    const end = segmentEnd(run, end2 + 1);
    let userStart = start;
    if (start > copied && run[start - 1] === '+') {
      let i = start - 1;
      while (i > copied && isBase64Url(run.charCodeAt(i - 1))) i--;
      if (start - 1 - i >= 3) userStart = i;
    }
    out += run.slice(copied, userStart) + (userStart < start ? '[redacted-credential]' : '[redacted-jwt]');
    copied = end;
    from = end;
  }
  return copied === 0 ? run : out + run.slice(copied);
}

/** Every pattern here runs in time linear in the text (no nested or overlapping quantifiers on one class). */
export function scrubText(text: string): string {
  return text
    .replace(TOKENISH_RUN, scrubJwtRun)
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
