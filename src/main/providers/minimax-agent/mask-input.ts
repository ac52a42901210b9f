/**
 * Names a pasted credential entry in import results without revealing it: a few characters from
 * each end, so the user can tell which line is meant while the token itself never comes back.
 */
import { maskUserId } from '../../../shared/domain/account';
import type { CredentialFields } from './credentials';

/** Shown for an entry with nothing in it (an empty JSON object, a bare comma). */
export const EMPTY_INPUT_MARK = '—';

function maskSecret(text: string): string {
  if (text === '') return EMPTY_INPUT_MARK;
  // Short text shows no characters at all: a few from each end would be most of it.
  if (text.length <= 12) return '•'.repeat(Math.min(text.length, 8));
  return `${text.slice(0, 4)}…${text.slice(-4)}`;
}

function maskPair(userId: string | undefined, token: string): string {
  const user = userId?.trim() ? `${maskUserId(userId.trim())}+` : '';
  return `${user}${maskSecret(token.trim())}`;
}

/** The token and user id of a JSON object line that failed to parse as fields, when readable. */
function jsonFields(text: string): { token: string; realUserId?: string } | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    const pick = (...keys: string[]): string | undefined => {
      const found = keys.map((key) => record[key]).find((item) => typeof item === 'string' || typeof item === 'number');
      return found === undefined ? undefined : String(found);
    };
    return { token: pick('token', '_token', 'value') ?? '', realUserId: pick('realUserID', 'realUserId') };
  } catch {
    return null;
  }
}

export function maskCredentialInput(entry: string | CredentialFields): string {
  if (typeof entry !== 'string') return maskPair(entry.realUserId, entry.token);
  const text = entry.trim().replace(/^bearer\s+/i, '');
  const fields = text.startsWith('{') ? jsonFields(text) : null;
  if (fields) return maskPair(fields.realUserId, fields.token);
  const plus = text.indexOf('+');
  // Only a short leading part can be a user id; a `+` deep inside is part of the pasted text.
  if (plus > 0 && plus <= 32) return maskPair(text.slice(0, plus), text.slice(plus + 1));
  return maskSecret(text);
}
