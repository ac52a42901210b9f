import { describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import { createAccountRepository } from '../accounts/account-repository';
import { silentLogger } from '../logs/types';
import { makeJwt } from '../oauth/__test__/test-jwt';
import { isAgentCredential, type AccountIdentity, type ProviderAccount, type UpstreamProvider } from '../providers/types';
import { createMemoryDocumentStore } from '../store/file-document-store';
import { createRelayStore } from '../store/relay-store';
import { createTestSecretBox } from '../store/__test__/test-helpers';
import { minimaxAgentModule } from '../providers/minimax-agent/module';
import { importAccounts } from './account-import';
import { createEventBus } from './event-bus';

/** An upstream whose user/info knows the token's realUserID (REAL) and refuses any other id in the query (§2.3). */
function upstreamKnowing(real: string) {
  const asked: string[] = [];
  const provider = {
    kind: 'minimax-agent',
    async validate(account: ProviderAccount): Promise<AccountIdentity> {
      const id = isAgentCredential(account.credential) ? account.credential.realUserId : '';
      asked.push(id);
      if (id !== '' && id !== real) throw new RelayError('upstream_auth_expired', 'HTTP 401');
      return { realUserId: real, userName: 'n', email: null, tokenExpiresAt: null };
    },
    credits: async () => null,
  } as unknown as UpstreamProvider;
  return { provider, asked };
}

function run(provider: UpstreamProvider, text: string) {
  const secretBox = createTestSecretBox();
  const repository = createAccountRepository({ store: createRelayStore(createMemoryDocumentStore(), { secretBox }), secretBox });
  const deps = { repository, moduleFor: () => minimaxAgentModule, defaultProvider: minimaxAgentModule.id, providerFor: () => provider, baseUrlFor: () => 'http://upstream.invalid', busyCount: () => 0, events: createEventBus(silentLogger), logger: silentLogger, now: () => 1_000 };
  return { repository, result: importAccounts(deps, { text, region: 'cn' }) };
}

describe('importAccounts: whose token is it', () => {
  it('adopts the upstream realUserID when the JWT user.id is not it (new accounts, §2.3)', async () => {
    const { provider, asked } = upstreamKnowing('777000');
    const { repository, result } = run(provider, makeJwt({ user: { id: '111' } }));
    await expect(result).resolves.toMatchObject({ created: 1 });
    expect(asked).toEqual(['111', '']);
    expect(repository.list()[0]?.realUserId).toBe('777000');
  });

  it('asks without an id when the token names nobody', async () => {
    const { provider, asked } = upstreamKnowing('888000');
    const { repository, result } = run(provider, makeJwt({ exp: 4_000_000_000 }));
    await expect(result).resolves.toMatchObject({ created: 1 });
    expect(asked).toEqual(['']);
    expect(repository.list()[0]?.realUserId).toBe('888000');
  });

  it('never adopts over a realUserID the user typed', async () => {
    const { provider, asked } = upstreamKnowing('777000');
    const { repository, result } = run(provider, `111+${makeJwt({ user: { id: '111' } })}`);
    await expect(result).resolves.toMatchObject({ created: 0, failed: 1 });
    expect(asked).toEqual(['111']);
    expect(repository.list()).toHaveLength(0);
  });
});
