/**
 * The desktop's upstream transport: every call as an account goes through Chromium's network
 * stack with the account's own browser session (account-sessions.ts), so the TLS handshake, the
 * cookie jar and a Cloudflare clearance are a real browser's (protocol doc §10.3). The jar is the
 * one source of cookies: a `Cookie` header a request profile built from the stored credential is
 * dropped, since the jar was seeded from that credential and may hold fresher values.
 */
import { isStoredAccountId } from '../oauth';
import type { FetchLike, UpstreamTransport } from '../providers/transport';
import type { AccountSessions } from './account-sessions';

export function createChromiumTransport(sessions: Pick<AccountSessions, 'prepare'>): UpstreamTransport {
  return {
    kind: 'chromium',
    fetchFor(account): FetchLike {
      const cookies = account.credential.kind === 'minimax-agent' ? account.credential.cookies : undefined;
      let prepared: ReturnType<AccountSessions['prepare']> | null = null;
      const prepare = () => sessions.prepare({ id: account.id, baseUrl: account.baseUrl, ...(cookies ? { cookies } : {}) });
      return async (input, init) => {
        // A stored account re-checks its jar on every call; a one-off check keeps one throw-away session.
        const target = await (isStoredAccountId(account.id) ? prepare() : (prepared ??= prepare()));
        const headers = new Headers(init?.headers);
        headers.delete('cookie');
        return target.fetch(input, { ...init, headers, credentials: 'include' });
      };
    },
  };
}
