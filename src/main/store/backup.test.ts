import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountRepository } from '../accounts/account-repository';
import { createBackup, openBackup, toPortableDocument } from './backup';
import { createFileDocumentStore } from './file-document-store';
import { createFileSecretBox } from './file-secret-box';
import { createRelayStore } from './relay-store';
import type { RelayStore } from './relay-store-types';
import type { SecretBox } from './secret-box';
import { makeTempDir } from './__test__/test-helpers';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiMTIzNDU2Nzg5In0.c2lnbmF0dXJlLXZhbHVl';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function machine(): { dir: string; box: SecretBox; store: RelayStore } {
  const { dir, cleanup } = makeTempDir('relay-backup-');
  const box = createFileSecretBox(dir);
  const store = createRelayStore(createFileDocumentStore({ dir, fileName: 'relay.json' }), { secretBox: box });
  cleanups.push(() => {
    store.close();
    cleanup();
  });
  return { dir, box, store };
}

function addAccount(m: { store: RelayStore; box: SecretBox }): string {
  const repository = createAccountRepository({ store: m.store, secretBox: m.box });
  const { record } = repository.upsert({
    region: 'cn',
    credential: { kind: 'minimax-agent', token: TOKEN, realUserId: '123456789' },
    identity: { realUserId: '123456789', userName: 'alice', email: null, tokenExpiresAt: null },
  });
  return record.id;
}

function allFiles(dir: string): string {
  return fs
    .readdirSync(dir)
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

describe('backup and restore', () => {
  it('never writes a token in plain text to the data dir', () => {
    const a = machine();
    addAccount(a);
    a.store.flush();
    const files = allFiles(a.dir);
    expect(files).toContain('123456789');
    expect(files).not.toContain(TOKEN);
    expect(files).not.toContain(TOKEN.split('.')[1]);
  });

  it('restores on another machine: credentials re-sealed with the local key', async () => {
    const a = machine();
    const id = addAccount(a);
    a.store.updateSettings({ server: { port: 9200 } });
    a.store.saveMapping({ id: 'm1', pattern: 'gpt-*', target: 'MiniMax-M2.7', accountId: id, createdAt: 1 });
    const backup = await a.store.exportBackup('correct horse');
    expect(backup).not.toContain(TOKEN);

    const b = machine();
    b.store.setAdminTokenHash('local-admin-hash');
    const summary = await b.store.restoreBackup(Buffer.from(backup).toString('base64'), 'correct horse');
    expect(summary).toEqual({ accounts: 1, mappings: 1, apiKeys: 0 });
    expect(b.store.getSettings().server.port).toBe(9200);
    expect(b.store.getAdminTokenHash()).toBe('local-admin-hash');
    const restored = createAccountRepository({ store: b.store, secretBox: b.box });
    const record = restored.get(id);
    expect(restored.openCredential(record)).toEqual({ kind: 'minimax-agent', token: TOKEN, realUserId: '123456789' });
    expect(() => a.box.open(record.sealedCredential)).toThrow();
    expect(allFiles(b.dir)).not.toContain(TOKEN);
  });

  it('names the account whose credential cannot be opened instead of writing a partial backup', async () => {
    const a = machine();
    const id = addAccount(a);
    const record = a.store.getAccount(id)!;
    a.store.saveAccount({ ...record, label: 'Broken one', sealedCredential: 'v1:AAAA' });
    await expect(a.store.exportBackup('pw')).rejects.toMatchObject({ code: 'invalid_credential', message: expect.stringContaining('Broken one') });
  });

  it('a wrong passphrase is bad_passphrase and changes nothing', async () => {
    const a = machine();
    addAccount(a);
    const backup = await a.store.exportBackup('right');
    const b = machine();
    await expect(b.store.restoreBackup(backup, 'wrong')).rejects.toMatchObject({ code: 'bad_passphrase' });
    expect(b.store.listAccounts()).toEqual([]);
  });

  it.each([['not json at all'], ['{"format":"something-else"}'], [Buffer.from('{"a":1}').toString('base64')]])(
    'malformed input %j is backup_invalid',
    async (data) => {
      await expect(openBackup(data, 'x')).rejects.toMatchObject({ code: 'backup_invalid' });
    },
  );

  it('refuses key-derivation parameters that would exhaust memory', async () => {
    const a = machine();
    const envelope = JSON.parse(await a.store.exportBackup('pw')) as { kdf: { N: number } };
    envelope.kdf.N = 2 ** 22;
    await expect(openBackup(JSON.stringify(envelope), 'pw')).rejects.toMatchObject({ code: 'backup_invalid' });
  });

  it('an altered backup does not open', async () => {
    const a = machine();
    addAccount(a);
    const envelope = JSON.parse(await a.store.exportBackup('pw')) as { data: string };
    const bytes = Buffer.from(envelope.data, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    envelope.data = bytes.toString('base64');
    await expect(openBackup(JSON.stringify(envelope), 'pw')).rejects.toMatchObject({ code: 'bad_passphrase' });
  });

  it('validates the whole document before replacing anything', async () => {
    const a = machine();
    addAccount(a);
    const portable = toPortableDocument(a.store.exportDocument(), a.box);
    const broken = { ...portable, document: { ...(portable.document as object), mappings: [{ id: 'x' }] } };
    const data = await createBackup(broken, 'pw');
    const b = machine();
    b.store.updateSettings({ server: { port: 9300 } });
    await expect(b.store.restoreBackup(data, 'pw')).rejects.toMatchObject({ code: 'backup_invalid' });
    expect(b.store.getSettings().server.port).toBe(9300);

    const missingCredential = await createBackup({ ...portable, credentials: {} }, 'pw');
    await expect(b.store.restoreBackup(missingCredential, 'pw')).rejects.toMatchObject({ code: 'backup_invalid' });
  });
});
