import { createHash } from 'node:crypto';
import type { XSignatureVerdict } from './types';

/**
 * Server-side check of the web client's request signatures (protocol doc §2.7). Written
 * independently of the relay's own signing code so that a bug in one is caught by the other.
 */

/** Constant baked into the web app's JS bundle (§2.7.2, "JS-bundle variant"). */
export const BUNDLE_SECRET = 'I*7Cf%WZ#S&%1RlZJ&C2';

/** Real clients tolerate clock skew; no source documents a window, so 5 minutes is our choice. */
export const TIMESTAMP_WINDOW_SEC = 300;

export function md5Hex(input: string): string {
  return createHash('md5').update(input, 'utf8').digest('hex');
}

/** `yy` over the request target exactly as sent (path + "?" + raw query) and the raw body. */
export function computeYy(target: string, dataJson: string, unix: string): string {
  return md5Hex(`${encodeURIComponent(target)}_${dataJson}${md5Hex(unix)}ooui`);
}

export function computeXSignature(timestamp: string, middle: string, dataJson: string): string {
  return md5Hex(`${timestamp}${middle}${dataJson}`);
}

export interface SignatureInput {
  /** Raw request target as received, e.g. `/v1/api/user/info?device_platform=web&...`. */
  target: string;
  rawBody: string;
  /** First value of the `unix` query parameter (ms), if any. */
  unix: string | undefined;
  yy: string | undefined;
  xSignature: string | undefined;
  xTimestamp: string | undefined;
  token: string | undefined;
}

export interface SignatureCheck {
  yyValid: boolean;
  xSignature: XSignatureVerdict;
  timestampFresh: boolean;
}

/** GET requests and empty bodies are signed as `{}` (§2.7.1 step 4). */
export function toDataJson(rawBody: string): string {
  return rawBody === '' ? '{}' : rawBody;
}

export function checkSignature(input: SignatureInput, nowMs: number): SignatureCheck {
  const dataJson = toDataJson(input.rawBody);
  const yyValid =
    input.unix !== undefined && input.yy !== undefined && computeYy(input.target, dataJson, input.unix) === input.yy;
  return {
    yyValid,
    xSignature: classifyXSignature(input, dataJson),
    timestampFresh: isFresh(input.xTimestamp, nowMs),
  };
}

function classifyXSignature(input: SignatureInput, dataJson: string): XSignatureVerdict {
  if (input.xSignature === undefined || input.xTimestamp === undefined) return 'missing';
  if (computeXSignature(input.xTimestamp, BUNDLE_SECRET, dataJson) === input.xSignature) return 'secret';
  if (input.token !== undefined && computeXSignature(input.xTimestamp, input.token, dataJson) === input.xSignature) {
    return 'token';
  }
  return 'invalid';
}

function isFresh(xTimestamp: string | undefined, nowMs: number): boolean {
  if (xTimestamp === undefined || !/^\d+$/.test(xTimestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(xTimestamp)) <= TIMESTAMP_WINDOW_SEC;
}

/** Why the request must be refused under `mode`, or null when it passes. */
export function signatureRejection(check: SignatureCheck, mode: 'off' | 'lenient' | 'strict'): string | null {
  if (mode === 'off') return null;
  if (!check.yyValid) return 'yy signature mismatch';
  // Both x-signature variants are in use by working clients (§8.1), so either passes; lenient
  // also tolerates its absence (C2A's account checker sends none).
  if (check.xSignature === 'invalid') return 'x-signature invalid';
  if (mode === 'lenient') return null;
  if (check.xSignature === 'missing') return 'x-signature missing';
  if (!check.timestampFresh) return 'x-timestamp outside the accepted window';
  return null;
}
