/**
 * Which admin token the headless host uses: the environment's, or one generated on first start
 * (or on --new-admin-token). Only its hash is stored, so a token can be printed only when it was
 * just chosen; otherwise the banner says how to get a new one.
 */
import type { AdminTokenStore } from '../core/types';
import { generateAdminToken, hashAdminToken } from '../management/admin-auth';

export function resolveAdminToken(store: AdminTokenStore, options: { envToken?: string | undefined; rotate: boolean }): { token: string | null; generated: boolean } {
  if (options.envToken) {
    const hash = hashAdminToken(options.envToken);
    if (store.tokenHash() !== hash) store.setTokenHash(hash);
    return { token: options.envToken, generated: false };
  }
  if (options.rotate || !store.tokenHash()) {
    const token = generateAdminToken();
    store.setTokenHash(hashAdminToken(token));
    return { token, generated: true };
  }
  return { token: null, generated: false };
}
