/**
 * Guest sessions are not accounts. The April-2026 site marked them by an `@guest.com` email in the
 * JWT (protocol doc §2.1); newer tokens carry `user.isAnonymous` and no email at all (§10.5). One
 * check, shared by the login capture and the credential import, so both refuse the same tokens.
 */

export function isGuestEmail(email: unknown): boolean {
  return typeof email === 'string' && email.trim().toLowerCase().endsWith('@guest.com');
}

/** The decoded JWT payload (unknown shape: it comes from a remote page or a paste). */
export function isGuestClaims(claims: unknown): boolean {
  if (typeof claims !== 'object' || claims === null) return false;
  const record = claims as Record<string, unknown>;
  const user = typeof record.user === 'object' && record.user !== null ? (record.user as Record<string, unknown>) : {};
  return user.isAnonymous === true || record.isAnonymous === true || isGuestEmail(record.email) || isGuestEmail(user.email);
}
