/**
 * What the Accounts form and an import accept for API keys: one key per line (or comma-separated),
 * each optionally prefixed `cn:` or `intl:` to pick its region and `coding-plan:` or
 * `pay-as-you-go:` to say its kind (`intl:coding-plan:sk-…`), `Bearer ` tolerated. Never throws:
 * each entry becomes a result.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { OPEN_KEY_KINDS, type OpenKeyKind, type Region } from '../../../shared/domain/account';
import type { ImportContext, ImportEntry } from '../module';
import type { OpenCredential } from '../types';

const KEY_SHAPE = /^[A-Za-z0-9._-]{16,512}$/;

/** An Open Platform key as it is stored (sealed) with its account. */
const storedKeySchema = z.object({ kind: z.literal('minimax-open'), apiKey: z.string().min(1), keyKind: z.enum(OPEN_KEY_KINDS).optional() });

export function readOpenCredential(value: unknown): OpenCredential | null {
  const parsed = storedKeySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** API-key accounts have no user id: a short fingerprint of the key identifies them instead. */
export function fingerprintApiKey(apiKey: string): string {
  return `key-${crypto.createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
}

export function maskApiKey(key: string): string {
  return key.length <= 10 ? '•'.repeat(key.length) : `${key.slice(0, 6)}…${key.slice(-4)}`;
}

const PREFIX = /^(cn|intl|coding-plan|pay-as-you-go):(.*)$/i;

function parseOne(raw: string, context: ImportContext): ImportEntry {
  let text = raw.trim().replace(/^bearer\s+/i, '');
  let region: Region = context.region;
  let keyKind: OpenKeyKind = context.keyKind ?? 'pay-as-you-go';
  for (let prefixed = PREFIX.exec(text); prefixed; prefixed = PREFIX.exec(text)) {
    const name = (prefixed[1] ?? '').toLowerCase();
    if (name === 'cn' || name === 'intl') region = name;
    else keyKind = name === 'coding-plan' ? 'coding-plan' : 'pay-as-you-go';
    text = (prefixed[2] ?? '').trim();
  }
  if (!KEY_SHAPE.test(text)) {
    return {
      ok: false,
      masked: maskApiKey(text),
      error: { code: 'invalid_credential', message: 'This does not look like a MiniMax API key: copy the whole key from the platform’s API keys page.' },
    };
  }
  return {
    ok: true,
    credential: { kind: 'minimax-open', apiKey: text, keyKind },
    region,
    masked: maskApiKey(text),
    expectedUserId: null,
    expiresAt: null,
    expired: false,
  };
}

export function parseApiKeys(text: string, context: ImportContext): ImportEntry[] {
  return text
    .split(/[\n,]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => parseOne(line, context));
}
