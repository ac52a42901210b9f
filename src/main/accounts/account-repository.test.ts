import { describe, expect, it } from 'vitest';
import { createFileDocumentStore, createMemoryDocumentStore } from '../store/file-document-store';
import { createFileSecretBox } from '../store/file-secret-box';
import { createRelayStore } from '../store/relay-store';
import { createTestSecretBox, makeTempDir } from '../store/__test__/test-helpers';
import { fingerprintApiKey } from '../providers/minimax-open';
import { createAccountRepository, type AccountInput } from './account-repository';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiMTIzIn0.sig';

function setup() {
  let time = 1_000;
  const secretBox = createTestSecretBox();
  const store = createRelayStore(createMemoryDocumentStore(), { secretBox });
  const repository = createAccountRepository({ store, secretBox, now: () => time });
  return { store, repository, tick: (ms: number) => (time += ms), now: () => time };
}

function agentInput(overrides: Partial<AccountInput> = {}): AccountInput {
  return {
    region: 'cn',
    credential: { kind: 'minimax-agent', token: TOKEN, realUserId: '123456789' },
    identity: { realUserId: '123456789', userName: 'alice', email: 'a@example.com', tokenExpiresAt: 5_000 },
    ...overrides,
  };
}

describe('createAccountRepository', () => {
  it('creates a web account with a sealed credential and sensible defaults', () => {
    const { repository } = setup();
    const { record, action } = repository.upsert(agentInput());
    expect(action).toBe('created');
    expect(record).toMatchObject({ provider: 'minimax-agent', label: 'alice', status: 'active', enabled: true, maxConcurrency: 1, tokenExpiresAt: 5_000 });
    expect(record.sealedCredential).not.toContain(TOKEN);
    expect(repository.openCredential(record)).toEqual({ kind: 'minimax-agent', token: TOKEN, realUserId: '123456789' });
  });

  it('updates the same user in place: same id, label and counters, new token, status cleared', () => {
    const { repository, tick } = setup();
    const first = repository.upsert(agentInput({ label: 'Work' })).record;
    repository.update(first.id, { label: 'My work account' });
    repository.recordResult(first.id, true);
    repository.markExpired(first.id);
    tick(10);
    const second = repository.upsert(agentInput({ credential: { kind: 'minimax-agent', token: `${TOKEN}2`, realUserId: '123456789' }, label: 'ignored' }));
    expect(second.action).toBe('updated');
    expect(second.record).toMatchObject({ id: first.id, label: 'My work account', status: 'active', statusReason: null });
    expect(second.record.counters).toMatchObject({ requests: 1, failures: 1 });
    expect(repository.list()).toHaveLength(1);
    expect(repository.openCredential(second.record)).toMatchObject({ token: `${TOKEN}2` });
  });

  it('keeps cookies sealed with the credential, and remembers the negotiated request profile', () => {
    const { repository } = setup();
    const credential = { kind: 'minimax-agent' as const, token: TOKEN, realUserId: '123456789', cookies: 'mm_sessionid=s3cr3t' };
    const { record } = repository.upsert(agentInput({ credential }));
    expect(record.sealedCredential).not.toContain('s3cr3t');
    expect(repository.openCredential(record)).toEqual(credential);
    const saved = repository.setRequestProfile(record.id, { preferred: 'web-cookie-2026-05', failedAt: { 'signed-2026-04': 7 } });
    expect(saved.requestProfile).toEqual({ preferred: 'web-cookie-2026-05', failedAt: { 'signed-2026-04': 7 } });
    // A fresh credential (a new login, new cookies) gives refused profiles a new chance.
    const again = repository.upsert(agentInput({ credential })).record;
    expect(again.requestProfile).toEqual({ preferred: 'web-cookie-2026-05', failedAt: {} });
  });

  it('identifies API-key accounts by a key fingerprint, never the key', () => {
    const { repository } = setup();
    const input: AccountInput = {
      region: 'intl',
      credential: { kind: 'minimax-open', apiKey: 'sk-live-secret-value' },
      identity: { realUserId: '', userName: null, email: null, tokenExpiresAt: null },
    };
    const { record } = repository.upsert(input);
    expect(record.realUserId).toBe(fingerprintApiKey('sk-live-secret-value'));
    expect(record.realUserId).not.toContain('secret');
    expect(record.maxConcurrency).toBe(4);
    expect(repository.upsert(input).action).toBe('updated');
  });

  it('summaries carry no credential and a masked id', () => {
    const { repository } = setup();
    const { record } = repository.upsert(agentInput());
    const summary = repository.toSummary(record, 1);
    expect(summary).toMatchObject({ maskedUserId: '123…789', busy: 1, label: 'alice' });
    expect(JSON.stringify(summary)).not.toContain(TOKEN);
    expect(JSON.stringify(summary)).not.toContain('sealed');
  });

  it('gives the provider the opened credential and the base URL', () => {
    const { repository } = setup();
    const { record } = repository.upsert(agentInput());
    expect(repository.toProviderAccount(record, 'http://127.0.0.1:9')).toEqual({
      id: record.id,
      label: 'alice',
      region: 'cn',
      baseUrl: 'http://127.0.0.1:9',
      credential: { kind: 'minimax-agent', token: TOKEN, realUserId: '123456789' },
    });
  });

  it('moves through statuses and reset makes the account active again', () => {
    const { repository } = setup();
    const { id } = repository.upsert(agentInput()).record;
    expect(repository.markCooling(id, 9_000)).toMatchObject({ status: 'cooling', statusUntil: 9_000 });
    expect(repository.markExhausted(id, 99_000, 'no credits')).toMatchObject({ status: 'exhausted', statusUntil: 99_000, statusReason: 'no credits' });
    expect(repository.markInvalid(id)).toMatchObject({ status: 'invalid', statusUntil: null });
    expect(repository.markExpired(id)).toMatchObject({ status: 'expired' });
    expect(repository.reset(id)).toMatchObject({ status: 'active', statusUntil: null, statusReason: null });
  });

  it('a disabled account stays disabled through status changes and a reset', () => {
    const { repository } = setup();
    const { id } = repository.upsert(agentInput()).record;
    expect(repository.setEnabled(id, false)).toMatchObject({ enabled: false, status: 'disabled' });
    expect(repository.markCooling(id, 5).status).toBe('disabled');
    expect(repository.reset(id).status).toBe('disabled');
    expect(repository.setEnabled(id, true)).toMatchObject({ enabled: true, status: 'active' });
  });

  it('counts results and credits, and reports unknown ids', () => {
    const { repository, now } = setup();
    const { id } = repository.upsert(agentInput()).record;
    repository.recordResult(id, false);
    repository.recordResult(id, true);
    repository.setCredits(id, { remaining: 42, resetAt: null, planName: null, checkedAt: now() });
    expect(repository.get(id)).toMatchObject({ counters: { requests: 2, failures: 1, lastUsedAt: now() }, credits: { remaining: 42 } });
    expect(() => repository.get('nope')).toThrow(expect.objectContaining({ code: 'account_not_found' }));
    expect(() => repository.remove('nope')).toThrow(expect.objectContaining({ code: 'account_not_found' }));
    repository.remove(id);
    expect(repository.find(id)).toBeNull();
  });

  it('a credential that no longer opens is invalid_credential', () => {
    const { repository, store } = setup();
    const { record } = repository.upsert(agentInput());
    store.saveAccount({ ...record, sealedCredential: 'test:bm90IGpzb24=' });
    expect(() => repository.openCredential(repository.get(record.id))).toThrow(expect.objectContaining({ code: 'invalid_credential' }));
  });
});

describe('sealed web credentials with cookies', () => {
  const COOKIES = 'mm_sessionid=abc123; cf_clearance=zz9';

  it('seals the cookies with the token and opens them again after a restart', () => {
    const temp = makeTempDir();
    try {
      const open = () => {
        const secretBox = createFileSecretBox(temp.dir);
        const store = createRelayStore(createFileDocumentStore({ dir: temp.dir, fileName: 'relay.json' }), { secretBox });
        return { store, repository: createAccountRepository({ store, secretBox }) };
      };
      const first = open();
      const { record } = first.repository.upsert(agentInput({ credential: { kind: 'minimax-agent', token: TOKEN, realUserId: '123456789', cookies: COOKIES } }));
      expect(record.sealedCredential).not.toContain('abc123');
      first.store.close();
      const second = open();
      expect(second.repository.openCredential(second.repository.get(record.id))).toEqual({ kind: 'minimax-agent', token: TOKEN, realUserId: '123456789', cookies: COOKIES });
      second.store.close();
    } finally {
      temp.cleanup();
    }
  });

  it('still opens a credential sealed before cookies existed', () => {
    const { store, repository } = setup();
    const secretBox = createTestSecretBox();
    const legacy = createAccountRepository({ store, secretBox });
    const { record } = legacy.upsert(agentInput());
    const old = { ...record, sealedCredential: secretBox.seal(JSON.stringify({ kind: 'minimax-agent', token: TOKEN, realUserId: '123456789' })) };
    store.saveAccount(old);
    expect(legacy.openCredential(legacy.get(record.id))).toEqual({ kind: 'minimax-agent', token: TOKEN, realUserId: '123456789' });
    expect(repository.list()).toHaveLength(1);
  });

  it('updateCredential re-seals a refreshed credential and keeps status and counters', () => {
    const { repository } = setup();
    const { record } = repository.upsert(agentInput());
    repository.recordResult(record.id, false);
    repository.markCooling(record.id, 9_999);
    const updated = repository.updateCredential(record.id, (credential) => ({ ...credential, cookies: COOKIES }));
    expect(repository.openCredential(updated)).toMatchObject({ token: TOKEN, cookies: COOKIES });
    expect(updated).toMatchObject({ status: 'cooling', counters: { requests: 1 } });
    expect(() => repository.updateCredential(record.id, () => ({ kind: 'minimax-open', apiKey: 'k' }))).toThrow(/cannot change/);
  });
});
