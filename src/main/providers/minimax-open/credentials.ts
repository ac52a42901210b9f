/**
 * What the Accounts form and an import accept for API keys: one key per line (or comma-separated),
 * each optionally prefixed `cn:` or `intl:` to pick its region and `coding-plan:` or
 * `pay-as-you-go:` to say its kind (`intl:coding-plan:sk-…`), `Bearer ` tolerated. Never throws:
 * each entry becomes a result.
 */
import type { OpenKeyKind, Region } from '../../../shared/domain/account';
import type { ImportContext, ImportEntry } from '../module';

const KEY_SHAPE = /^[A-Za-z0-9._-]{16,512}$/;

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
