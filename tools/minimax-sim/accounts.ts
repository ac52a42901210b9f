import { randomUUID } from 'node:crypto';
import { signJwt, verifyJwt } from './jwt';
import type { SimAccount, SimAccountInput } from './types';

export interface AccountRecord extends SimAccount {
  credits: number;
  initialCredits: number;
  guest: boolean;
  /** Tokens that still authenticate; expireToken() empties it. */
  validTokens: Set<string>;
}

export type AuthResult = { ok: true; account: AccountRecord } | { ok: false; reason: string };

export interface AccountStore {
  create(input: SimAccountInput | undefined, defaultCredits: number): AccountRecord;
  /** Reuses the account with that name (or the next guest) — what the login page does. */
  login(input: { name?: string; guest?: boolean }, defaultCredits: number): AccountRecord;
  get(realUserId: string): AccountRecord | undefined;
  list(): AccountRecord[];
  expireTokens(realUserId: string): void;
  authenticate(token: string): AuthResult;
  /** The secret the store signs with; the session cookies derive from it too (session-cookies.ts). */
  readonly secret: string;
}

const DEFAULT_LIFETIME_SEC = 30 * 24 * 3600;

export function toPublicAccount(a: AccountRecord): SimAccount {
  return { realUserId: a.realUserId, token: a.token, credential: a.credential, deviceId: a.deviceId, name: a.name, email: a.email };
}

export function createAccountStore(deps: { secret: string; now: () => number }): AccountStore {
  const accounts = new Map<string, AccountRecord>();
  let serial = 0;

  function issueToken(a: AccountRecord, expiresInSec: number): void {
    const iat = Math.floor(deps.now() / 1000);
    const token = signJwt(
      { user: { id: a.realUserId, deviceID: a.deviceId, name: a.name, ...(a.guest ? { isAnonymous: true } : {}) }, email: a.email, iat, exp: iat + expiresInSec, jti: randomUUID() },
      deps.secret,
    );
    a.token = token;
    a.credential = `${a.realUserId}+${token}`;
    a.validTokens.add(token);
  }

  function create(input: SimAccountInput = {}, defaultCredits: number): AccountRecord {
    const lifetime = input.expiresInSec ?? DEFAULT_LIFETIME_SEC;
    const existing = input.realUserId === undefined ? undefined : accounts.get(input.realUserId);
    if (existing) {
      if (input.credits !== undefined) existing.credits = input.credits;
      issueToken(existing, lifetime);
      return existing;
    }
    serial += 1;
    const guest = input.guest ?? false;
    const realUserId = input.realUserId ?? String(450234567894 + serial * 1013);
    const name = input.name ?? (guest ? `Guest ${serial}` : `user${serial}`);
    const credits = input.credits ?? defaultCredits;
    const account: AccountRecord = {
      realUserId,
      token: '',
      credential: '',
      deviceId: String(345678901234567 + serial * 7919),
      name,
      email: input.email ?? (guest ? `guest_${realUserId}@guest.com` : `${name.replace(/\W+/g, '') || 'user'}${serial}@example.com`),
      credits,
      initialCredits: credits,
      guest,
      validTokens: new Set(),
    };
    issueToken(account, lifetime);
    accounts.set(realUserId, account);
    return account;
  }

  return {
    secret: deps.secret,
    create,
    login(input, defaultCredits) {
      if (!input.guest && input.name !== undefined) {
        const found = [...accounts.values()].find((a) => !a.guest && a.name === input.name);
        if (found) return found;
      }
      return create({ name: input.guest ? undefined : input.name, guest: input.guest }, defaultCredits);
    },
    get: (id) => accounts.get(id),
    list: () => [...accounts.values()],
    expireTokens(realUserId) {
      accounts.get(realUserId)?.validTokens.clear();
    },
    authenticate(token) {
      const payload = verifyJwt(token, deps.secret);
      if (!payload) return { ok: false, reason: 'token invalid' };
      const account = accounts.get(payload.user.id);
      if (!account || !account.validTokens.has(token)) return { ok: false, reason: 'token revoked' };
      if (payload.exp * 1000 <= deps.now()) return { ok: false, reason: 'token expired' };
      return { ok: true, account };
    },
  };
}
