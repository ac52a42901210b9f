import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import { createFileDocumentStore, createMemoryDocumentStore } from './file-document-store';
import { createFileSecretBox } from './file-secret-box';
import { createRelayStore } from './relay-store';
import type { RelayStore, StoreChange } from './relay-store-types';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { createTestSecretBox, makeAccountRecord, makeTempDir } from './__test__/test-helpers';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup(dir?: string): { dir: string; file: string; open: () => RelayStore } {
  let dataDir = dir;
  if (!dataDir) {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    dataDir = temp.dir;
  }
  const finalDir = dataDir;
  const open = (): RelayStore => {
    const store = createRelayStore(createFileDocumentStore({ dir: finalDir, fileName: 'relay.json' }), {
      secretBox: createFileSecretBox(finalDir),
      coalesceMs: 60_000,
    });
    cleanups.unshift(() => store.close());
    return store;
  };
  return { dir: finalDir, file: path.join(finalDir, 'relay.json'), open };
}

function readFile(file: string): { schemaVersion: number; accounts: { counters: { requests: number } }[]; chatLedger: Record<string, number[]> } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function thrown(fn: () => unknown): RelayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RelayError) return error;
    throw error;
  }
  throw new Error('expected a RelayError');
}

describe('createRelayStore', () => {
  it('creates an owner-only file at the current version on first start', () => {
    const { file, open } = setup();
    open();
    expect(readFile(file).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('deep-merges a settings patch per section, persists it and emits', () => {
    const { open } = setup();
    const store = open();
    const changes: StoreChange[] = [];
    store.onChange((change) => changes.push(change));
    const next = store.updateSettings({ server: { port: 9001 }, pool: { queueLength: 5 } });
    expect(next.server).toMatchObject({ port: 9001, host: '127.0.0.1' });
    expect(next.pool).toMatchObject({ queueLength: 5, queueWaitMs: 120_000 });
    expect(changes).toEqual([{ section: 'settings' }]);
    store.close();
    expect(open().getSettings().server.port).toBe(9001);
  });

  it('rejects an invalid settings patch and keeps the old settings', () => {
    const { open } = setup();
    const store = open();
    expect(thrown(() => store.updateSettings({ server: { port: 70_000 } })).code).toBe('invalid_request');
    expect(store.getSettings().server.port).toBe(8000);
  });

  it('hands out copies: mutating a returned account does not change the store', () => {
    const store = createRelayStore(createMemoryDocumentStore(), { secretBox: createFileSecretBox(setup().dir) });
    store.saveAccount(makeAccountRecord());
    const copy = store.getAccount('acc-1');
    if (copy) copy.label = 'changed';
    expect(store.getAccount('acc-1')?.label).not.toBe('changed');
  });

  it('settings and mappings are frozen and read without a copy, the same object until they change', () => {
    const store = createRelayStore(createMemoryDocumentStore(), { secretBox: createFileSecretBox(setup().dir) });
    const settings = store.getSettings();
    expect(store.getSettings()).toBe(settings);
    expect(() => {
      (settings.server as { port: number }).port = 1;
    }).toThrow(TypeError);
    expect(store.getSettings().server.port).toBe(8000);

    store.updateSettings({ server: { port: 8123 } });
    expect(store.getSettings()).not.toBe(settings);
    expect(store.getSettings().server.port).toBe(8123);
    expect(settings.server.port).toBe(8000);

    const mappings = store.listMappings();
    expect(store.listMappings()).toBe(mappings);
    expect(Object.isFrozen(mappings)).toBe(true);
    store.saveMapping({ id: 'm-1', pattern: 'gpt-4o', target: 'MiniMax-M2.5', accountId: null, createdAt: 1 });
    expect(store.listMappings()).toHaveLength(1);
    expect(mappings).toHaveLength(0);
  });

  it('coalesces counter writes but never loses them on flush or close', () => {
    const { file, open } = setup();
    const store = open();
    store.saveAccount(makeAccountRecord());
    for (let i = 1; i <= 5; i += 1) {
      store.saveAccount(makeAccountRecord({ counters: { requests: i, failures: 0, lastUsedAt: i } }), { coalesce: true });
    }
    expect(readFile(file).accounts[0]?.counters.requests).toBe(0);
    store.flush();
    expect(readFile(file).accounts[0]?.counters.requests).toBe(5);
    store.saveAccount(makeAccountRecord({ counters: { requests: 6, failures: 0, lastUsedAt: 6 } }), { coalesce: true });
    store.close();
    expect(open().getAccount('acc-1')?.counters.requests).toBe(6);
  });

  it('removing an account drops its ledger and unpins its mappings', () => {
    const { open } = setup();
    const store = open();
    store.saveAccount(makeAccountRecord());
    store.saveMapping({ id: 'm1', pattern: 'gpt-*', target: 'MiniMax-M2.7', accountId: 'acc-1', createdAt: 1 });
    store.chatLedger.add('acc-1', 42);
    expect(store.removeAccount('acc-1')).toBe(true);
    expect(store.removeAccount('acc-1')).toBe(false);
    expect(store.chatLedger.list('acc-1')).toEqual([]);
    expect(store.getMapping('m1')?.accountId).toBeNull();
  });

  it('keeps the chat ledger across a restart', () => {
    const { open } = setup();
    const store = open();
    store.chatLedger.add('acc-1', 1);
    store.chatLedger.add('acc-1', 2);
    store.chatLedger.add('acc-1', 2);
    store.chatLedger.add('acc-2', 7);
    store.chatLedger.remove('acc-1', 1);
    store.close();
    const again = open();
    expect(again.chatLedger.list('acc-1')).toEqual([2]);
    expect(again.chatLedger.list('acc-2')).toEqual([7]);
  });

  it('validates records before saving', () => {
    const store = setup().open();
    expect(thrown(() => store.saveAccount(makeAccountRecord({ maxConcurrency: 0 }))).code).toBe('invalid_request');
    expect(store.listAccounts()).toEqual([]);
  });

  it('refuses a file from a newer version and leaves it byte for byte', () => {
    const { file, open } = setup();
    const text = JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, future: true });
    fs.writeFileSync(file, text);
    expect(thrown(open).code).toBe('store_newer_version');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('reports a corrupt file, keeps a copy and does not reset it', () => {
    const { dir, file, open } = setup();
    fs.writeFileSync(file, '{"schemaVersion": 2, "settings": {');
    const error = thrown(open);
    expect(error.code).toBe('store_corrupt');
    const copy = String(error.detail?.['copy']);
    expect(fs.readFileSync(copy, 'utf8')).toBe('{"schemaVersion": 2, "settings": {');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"schemaVersion": 2, "settings": {');
    expect(fs.readdirSync(dir).some((name) => name.startsWith('relay.json.corrupt-'))).toBe(true);
  });

  it('migrates a version 1 file on disk and writes it back current', () => {
    const { file, open } = setup();
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'v1.json'), file);
    const store = open();
    expect(store.listAccounts()).toHaveLength(2);
    expect(readFile(file).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('replaceDocument validates before replacing anything', () => {
    const { open } = setup();
    const store = open();
    store.saveAccount(makeAccountRecord());
    const bad = { ...store.exportDocument(), accounts: [{ id: '' }] };
    expect(thrown(() => store.replaceDocument(bad)).code).toBe('store_corrupt');
    expect(store.listAccounts()).toHaveLength(1);
    const good = { ...store.exportDocument(), mappings: [{ id: 'm9', pattern: 'x', target: 'MiniMax-M2.5', accountId: null, createdAt: 2 }] };
    expect(store.replaceDocument(good).mappings).toHaveLength(1);
    expect(store.listMappings()[0]?.id).toBe('m9');
  });

  it('a failed write reaches the caller and leaves memory as it was on disk', () => {
    const documentStore = createMemoryDocumentStore();
    let failing = false;
    const flaky = { ...documentStore, path: documentStore.path, read: documentStore.read, write: (doc: unknown) => {
      if (failing) throw new Error('ENOSPC');
      documentStore.write(doc);
    } };
    const store = createRelayStore(flaky, { secretBox: createFileSecretBox(setup().dir), coalesceMs: 60_000 });
    cleanups.unshift(() => store.close());
    failing = true;
    expect(() => store.updateSettings({ server: { port: 9999 } })).toThrow('ENOSPC');
    expect(store.getSettings().server.port).toBe(8000);
    store.chatLedger.add('acc-1', 5);
    expect(() => store.flush()).toThrow('ENOSPC');
    failing = false;
    store.flush();
    expect((documentStore.read() as { chatLedger: Record<string, number[]> }).chatLedger).toEqual({ 'acc-1': [5] });
  });
});

describe('relay store: provider kinds', () => {
  it('holds accounts of the registered providers only, when it is told which those are', () => {
    const store = createRelayStore(createMemoryDocumentStore(), { secretBox: createTestSecretBox(), providerKinds: ['minimax-agent', 'echo'] });
    expect(store.saveAccount(makeAccountRecord({ id: 'e1', provider: 'echo' })).provider).toBe('echo');
    const refused = thrown(() => store.saveAccount(makeAccountRecord({ id: 'o1', provider: 'minimax-open' })));
    expect(refused.code).toBe('invalid_request');
    expect(refused.message).toMatch(/provider minimax-open, which this relay does not have/);
    expect(store.listAccounts().map((account) => account.id)).toEqual(['e1']);
    const document = store.exportDocument();
    expect(thrown(() => store.replaceDocument({ ...document, accounts: [makeAccountRecord({ id: 'x', provider: 'other' })] })).code).toBe('invalid_request');
  });
});
