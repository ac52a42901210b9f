/**
 * A store written by a newer version of the app must be refused, not clobbered: the desktop host
 * shows the reason and exits (src/main/index.ts against the stand-in electron module).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { fake, until } from './__test__/desktop-harness';
import { FakeBrowserWindow } from './__test__/fake-electron';

vi.mock('electron', async () => (await import('./__test__/desktop-harness')).electronModule());

// Never the real electron-store: it imports the real electron package, which would try to download.
vi.mock('electron-store', () => ({ default: class {} }));

const dataDir = mkdtempSync(join(tmpdir(), 'relay-desktop-newer-'));
const future = JSON.stringify({ schemaVersion: 999, settings: {}, accounts: [], mappings: [], chatLedger: {} });

afterAll(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));

it('refuses a store from a newer version: shows why, exits, leaves the file as it was', async () => {
  writeFileSync(join(dataDir, 'relay.json'), future);
  process.env.MINIMAX_RELAY_DATA_DIR = dataDir;
  process.env.MINIMAX_RELAY_LOG_LEVEL = 'silent';
  await import('../index');
  fake().markReady();
  await until(() => fake().state.exitCode !== null, 'the app to exit');

  expect(fake().state.exitCode).toBe(1);
  expect(fake().state.errorBoxes).toHaveLength(1);
  expect(fake().state.errorBoxes[0]).toContain('(store_newer_version)');
  expect(FakeBrowserWindow.all).toHaveLength(0);
  expect(readFileSync(join(dataDir, 'relay.json'), 'utf8')).toBe(future);
});
