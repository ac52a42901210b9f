/**
 * What the Accounts form and an import accept for API keys: one key per line (or comma-separated),
 * each optionally prefixed `cn:` or `intl:` to pick its region, and `Bearer ` tolerated. Never
 * throws: each entry becomes a result.
 */
import type { Region } from '../../../shared/domain/account';
import type { ImportContext, ImportEntry } from '../module';

const KEY_SHAPE = /^[A-Za-z0-9._-]{16,512}$/;

export function maskApiKey(key: string): string {
  return key.length <= 10 ? '•'.repeat(key.length) : `${key.slice(0, 6)}…${key.slice(-4)}`;
}

function parseOne(raw: string, context: ImportContext): ImportEntry {
  let text = raw.trim().replace(/^bearer\s+/i, '');
  let region: Region = context.region;
  const prefixed = /^(cn|intl):(.*)$/i.exec(text);
  if (prefixed) {
    region = (prefixed[1] ?? '').toLowerCase() === 'cn' ? 'cn' : 'intl';
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
    credential: { kind: 'minimax-open', apiKey: text, keyKind: context.keyKind ?? 'pay-as-you-go' },
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
