/**
 * The last line of defence of a shareable report: whatever slipped into a note (an upstream
 * message, an error detail), the account's secrets and identifiers are replaced, and so is
 * anything that looks like a JWT, a signature or a numeric id.
 */
import type { AgentCredential } from '../../types';

export interface KnownSecrets {
  credential: AgentCredential;
  /** Ids learned during the run (device id, chat and message ids). */
  extra: string[];
}

function cookieValues(cookies: string | undefined): string[] {
  return (cookies ?? '')
    .split(';')
    .map((part) => part.slice(part.indexOf('=') + 1).trim())
    .filter((value) => value.length >= 4);
}

export function secretsOf(known: KnownSecrets): string[] {
  const { token, realUserId, cookies } = known.credential;
  const values = [token, ...token.split('.'), realUserId, cookies ?? '', ...cookieValues(cookies), ...known.extra];
  // Longest first, so a part is not replaced inside a longer secret that is replaced whole.
  return [...new Set(values.filter((value) => value.length >= 4))].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, known: KnownSecrets): string {
  let out = text;
  for (const secret of secretsOf(known)) out = out.split(secret).join('[redacted]');
  return out
    .replace(/eyJ[\w-]*\.[\w-]+\.[\w-]*/g, '[jwt]')
    .replace(/\b[a-f0-9]{32}\b/gi, '[signature]')
    .replace(/\b\d{7,}\b/g, '[id]')
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[email]');
}
