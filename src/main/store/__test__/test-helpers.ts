import type { SecretBox } from '../secret-box';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AccountRecord } from '../../../shared/domain/account';

/** A fresh temporary data dir; call the returned function to delete it. */
export function makeTempDir(prefix = 'relay-store-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }) };
}

export function makeAccountRecord(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: 'acc-1',
    provider: 'minimax-agent',
    region: 'cn',
    label: 'Test account',
    realUserId: '100200300',
    userName: null,
    email: null,
    sealedCredential: 'v1:placeholder',
    tokenExpiresAt: null,
    enabled: true,
    status: 'active',
    statusReason: null,
    statusUntil: null,
    maxConcurrency: 1,
    credits: null,
    counters: { requests: 0, failures: 0, lastUsedAt: null },
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

/** A reversible stand-in for tests that do not exercise encryption itself. */
export function createTestSecretBox(): SecretBox {
  return {
    kind: 'os',
    seal: (plain) => `test:${Buffer.from(plain, 'utf8').toString('base64')}`,
    open: (sealed) => Buffer.from(sealed.replace(/^test:/, ''), 'base64').toString('utf8'),
  };
}
