import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../tools/minimax-sim';
import { createAccountRepository } from '../accounts/account-repository';
import { silentLogger } from '../logs/types';
import { makeJwt } from '../oauth/__test__/test-jwt';
import { createSimProvider } from '../providers/minimax-agent/__test__/sim-harness';
import { createMemoryDocumentStore } from '../store/file-document-store';
import { createRelayStore } from '../store/relay-store';
import { createTestSecretBox } from '../store/__test__/test-helpers';
import { minimaxAgentModule } from '../providers/minimax-agent/module';
import { importAccounts } from './account-import';
import { createEventBus } from './event-bus';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ tickMs: 10 });
});
afterAll(async () => {
  await sim.close();
});

function setup() {
  const secretBox = createTestSecretBox();
  const store = createRelayStore(createMemoryDocumentStore(), { secretBox });
  const repository = createAccountRepository({ store, secretBox });
  const { provider } = createSimProvider();
  const deps = {
    repository,
    moduleFor: () => minimaxAgentModule, providerFor: () => provider, defaultProvider: minimaxAgentModule.id,
    baseUrlFor: () => sim.url,
    busyCount: () => 0,
    events: createEventBus(silentLogger),
    logger: silentLogger,
    now: Date.now,
  };
  return { repository, run: (text: string) => importAccounts(deps, { text, region: 'cn' }) };
}

describe('account import against the simulator', () => {
  it('a bare token adopts the realUserID the upstream reports', async () => {
    const account = sim.admin.createAccount({ name: 'bare' });
    const { repository, run } = setup();
    // user/info answers who the token is, without the caller naming the user.
    sim.admin.setOptions({ checkRealUserId: false });
    try {
      const result = await run(account.token);
      expect(result).toMatchObject({ created: 1, failed: 0 });
      const [record] = repository.list();
      expect(record?.realUserId).toBe(account.realUserId);
      expect(repository.openCredential(record!)).toMatchObject({ token: account.token, realUserId: account.realUserId });
    } finally {
      sim.admin.setOptions({ checkRealUserId: true });
    }
  });

  it('keeps the cookies of a JSON line, sealed with the account', async () => {
    const account = sim.admin.createAccount({ name: 'cookie-line' });
    const { repository, run } = setup();
    const line = JSON.stringify({ realUserID: account.realUserId, token: account.token, cookies: 'mm_sessionid=s1; cf_clearance=c2' });
    const result = await run(`${line}\n${sim.admin.createAccount({ name: 'plain' }).credential}`);
    expect(result).toMatchObject({ created: 2, failed: 0 });
    expect(result.results[0]?.input).toContain('(+cookies)');
    expect(result.results[0]?.input).not.toContain('s1');
    const record = repository.list().find((r) => r.realUserId === account.realUserId);
    expect(repository.openCredential(record!)).toEqual({ kind: 'minimax-agent', token: account.token, realUserId: account.realUserId, cookies: 'mm_sessionid=s1; cf_clearance=c2' });
  });

  it('refuses a realUserID typed by the user that the token does not belong to', async () => {
    const account = sim.admin.createAccount({ name: 'typed' });
    const { repository, run } = setup();
    const result = await run(`999999999+${account.token}`);
    expect(result).toMatchObject({ created: 0, failed: 1 });
    expect(repository.list()).toHaveLength(0);
  });

  it('refuses a guest token (isAnonymous) before asking the upstream', async () => {
    const { run } = setup();
    const result = await run(makeJwt({ user: { id: '12345', isAnonymous: true }, exp: 4_000_000_000 }));
    expect(result.results[0]?.error?.code).toBe('guest_token');
  });
});
