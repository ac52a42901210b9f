import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import { loadDocument } from './load-document';
import { CURRENT_SCHEMA_VERSION } from './schema';

function fixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8'));
}

function errorOf(fn: () => unknown): RelayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RelayError) return error;
    throw error;
  }
  throw new Error('expected a RelayError');
}

describe('loadDocument', () => {
  it('creates a fresh current document when there is no file', () => {
    const { doc, migratedFrom } = loadDocument(undefined);
    expect(doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(doc.settings.server.port).toBe(8000);
    expect(doc.accounts).toEqual([]);
    expect(migratedFrom).toBeNull();
  });

  it('migrates an empty unversioned file', () => {
    const { doc, migratedFrom } = loadDocument(fixture('v0-empty.json'));
    expect(migratedFrom).toBe(0);
    expect(doc.settings.pool.queueWaitMs).toBe(120_000);
    expect(doc.chatLedger).toEqual({});
  });

  it('migrates an unversioned file, keeping its settings and mappings', () => {
    const { doc } = loadDocument(fixture('v0-unversioned.json'));
    expect(doc.settings.server.port).toBe(9100);
    expect(doc.settings.pool.queueLength).toBe(10);
    expect(doc.settings.pool.cooldownMs).toBe(30_000);
    expect(doc.mappings).toEqual([{ id: 'm-old', pattern: 'gpt-*', target: 'MiniMax-M2.7', accountId: null, createdAt: 1700000000000 }]);
  });

  it('migrates version 1: concurrency caps by provider, mapping pins, ledger, everything else kept', () => {
    const { doc, migratedFrom } = loadDocument(fixture('v1.json'));
    expect(migratedFrom).toBe(1);
    expect(doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const [web, key] = doc.accounts;
    expect(web).toMatchObject({ id: 'a1', maxConcurrency: 1, status: 'cooling', statusUntil: 1700000030000, label: 'Work' });
    expect(web?.counters).toEqual({ requests: 12, failures: 1, lastUsedAt: 1700000000000 });
    expect(key).toMatchObject({ id: 'a2', maxConcurrency: 4, enabled: false });
    expect(doc.mappings.map((m) => m.accountId)).toEqual([null, null]);
    expect(doc.settings.models).toEqual({ strict: true, defaultModel: 'MiniMax-M2.5' });
    expect(doc.settings.apiKeys).toHaveLength(1);
    expect(doc.settings.logs.logBodies).toBe(false);
    expect(doc.adminTokenHash).toBeNull();
  });

  it('loads a current document unchanged', () => {
    const first = loadDocument(fixture('v1.json')).doc;
    const again = loadDocument(JSON.parse(JSON.stringify(first)));
    expect(again.migratedFrom).toBeNull();
    expect(again.doc).toEqual(first);
  });

  it('migrates version 2: no request profile negotiated yet, everything else kept', () => {
    const { doc, migratedFrom } = loadDocument(fixture('v2.json'));
    expect(migratedFrom).toBe(2);
    expect(doc.accounts.map((a) => a.requestProfile)).toEqual([null, null]);
    expect(doc.chatLedger).toEqual({ a1: [101, 102] });
  });

  it('loads the current-version fixture as is (it must keep loading after future migrations)', () => {
    const { doc, migratedFrom } = loadDocument(fixture('v3.json'));
    expect(migratedFrom).toBe(CURRENT_SCHEMA_VERSION === 3 ? null : 3);
    expect(doc.accounts[0]?.requestProfile).toEqual({ preferred: 'web-cookie-2026-05', failedAt: { 'signed-2026-04': 1767225600000 } });
    expect(doc.chatLedger).toEqual({ a1: [101, 102] });
    expect(doc.adminTokenHash).toBe('scrypt$abc$def');
    expect(doc.mappings[0]).toMatchObject({ pattern: 'claude-*', accountId: 'a1' });
    expect(doc.accounts.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('refuses a file written by a newer version', () => {
    const error = errorOf(() => loadDocument(fixture('newer.json')));
    expect(error.code).toBe('store_newer_version');
    expect(error.detail).toMatchObject({ fileVersion: 99, supportedVersion: CURRENT_SCHEMA_VERSION });
  });

  it('reports invalid content as store_corrupt with the failing path', () => {
    const raw = fixture('v1.json') as { accounts: { status: string }[] };
    raw.accounts[0]!.status = 'sleeping';
    const error = errorOf(() => loadDocument(raw));
    expect(error.code).toBe('store_corrupt');
    expect(error.message).toContain('accounts.0.status');
  });

  it.each([[[]], ['text'], [null], [{ schemaVersion: 'two' }], [{ schemaVersion: -1 }]])('reports %j as store_corrupt', (raw) => {
    expect(errorOf(() => loadDocument(raw)).code).toBe('store_corrupt');
  });

  it('applies migrations in version order whatever order they are listed in', () => {
    const seen: number[] = [];
    const steps = [3, 1, 2].map((version) => ({ version, migrate: (doc: Record<string, unknown>) => (seen.push(version), doc) }));
    expect(() => loadDocument({ schemaVersion: 0 }, steps, 3)).toThrow(RelayError);
    expect(seen).toEqual([1, 2, 3]);
  });
});
