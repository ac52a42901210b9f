/**
 * §2.7 of the protocol reference: the `yy` and `x-signature` request signatures. Both digest the
 * exact body string that goes on the wire, so callers must sign the bytes they send.
 */
import { createHash } from 'node:crypto';
import type { SignatureVariant } from '../../../shared/domain/settings';
import { QUERY_ORDER, X_SIGNATURE_SECRET, YY_SALT } from './protocol';

export function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export type QueryValues = Partial<Record<(typeof QUERY_ORDER)[number], string | null | undefined>>;

/**
 * Joins the parameter block raw (no percent-encoding), in the given order (Chat2API's by default). `undefined` drops a key;
 * `null` is emitted as the text `null`, as Chat2API does for the register call's device_id.
 */
export function buildQueryString(
  values: QueryValues | Readonly<Record<string, string | null | undefined>>,
  order: readonly string[] = QUERY_ORDER,
): string {
  const lookup = values as Readonly<Record<string, string | null | undefined>>;
  const pairs: string[] = [];
  for (const key of order) {
    const value = lookup[key];
    if (value === undefined) continue;
    pairs.push(`${key}=${value === null ? 'null' : value}`);
  }
  return pairs.join('&');
}

/** `path?query`, or `path&query` when the path already carries a query (e.g. msg_tts). */
export function joinUri(path: string, query: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/** yy = md5(encodeURIComponent(fullUri) + "_" + body + md5(unix) + "ooui"); a GET signs `{}`. */
export function computeYy(input: { fullUri: string; body: string; unix: string }): string {
  return md5(`${encodeURIComponent(input.fullUri)}_${input.body}${md5(input.unix)}${YY_SALT}`);
}

/** x-signature = md5(x-timestamp + key + body), key = the JS-bundle secret or the JWT itself. */
export function computeXSignature(input: {
  variant: SignatureVariant;
  timestamp: string;
  token: string;
  body: string;
}): string {
  const key = input.variant === 'secret' ? X_SIGNATURE_SECRET : input.token;
  return md5(`${input.timestamp}${key}${input.body}`);
}

/** One clock reading gives both timestamps: `unix` in ms for the query, seconds for `x-timestamp`. */
export function timestampsFrom(nowMs: number): { unix: string; xTimestamp: string } {
  const ms = Math.floor(nowMs);
  return { unix: String(ms), xTimestamp: String(Math.floor(ms / 1000)) };
}
