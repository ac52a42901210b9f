/**
 * The desktop's upstream transport: every call as an account goes through Chromium's network
 * stack with the account's own browser session (account-sessions.ts), so the TLS handshake, the
 * cookie jar and a Cloudflare clearance are a real browser's (protocol doc §10.3). The jar is the
 * one source of cookies: a `Cookie` header a request profile built from the stored credential is
 * dropped, since the jar was seeded from that credential and may hold fresher values.
 */
import { isStoredAccountId } from '../oauth';
import type { ProviderModule } from '../providers/module';
import { PROVIDER_MODULES } from '../providers/modules';
import type { FetchLike, UpstreamTransport } from '../providers/transport';
import type { AccountSessions } from './account-sessions';

/** `modules`: the registered provider modules; those with cookie hooks seed the account's jar. */
export function createChromiumTransport(sessions: Pick<AccountSessions, 'prepare'>, modules: readonly ProviderModule[] = PROVIDER_MODULES): UpstreamTransport {
  return {
    kind: 'chromium',
    fetchFor(account): FetchLike {
      const module = modules.find((candidate) => candidate.id === account.credential.kind);
      const cookies = module?.cookies?.read(account.credential);
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
