/**
 * A store written by a newer version of the app must be refused, not clobbered: the desktop host
 * shows the reason and exits (src/main/index.ts against the stand-in electron module).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, type createFakeElectron } from './__test__/fake-electron';

const shared = vi.hoisted(() => ({ fake: null as ReturnType<typeof createFakeElectron> | null }));

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./__test__/fake-electron');
  shared.fake = createFakeElectron(process.env.MINIMAX_RELAY_DATA_DIR ?? '');
  return { ...shared.fake.electron, default: shared.fake.electron };
});

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
  const fake = shared.fake;
  if (!fake) throw new Error('electron was not loaded');
  fake.markReady();
  for (let i = 0; i < 200 && fake.state.exitCode === null; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));

  expect(fake.state.exitCode).toBe(1);
  expect(fake.state.errorBoxes).toHaveLength(1);
  expect(fake.state.errorBoxes[0]).toContain('(store_newer_version)');
  expect(FakeBrowserWindow.all).toHaveLength(0);
  expect(readFileSync(join(dataDir, 'relay.json'), 'utf8')).toBe(future);
});
