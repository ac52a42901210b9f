/**
 * Support for the desktop specs (Playwright `_electron`): find the Electron runtime without ever
 * triggering its download, build the app once, and launch it with a fresh data dir pointed at the
 * simulator. Where no runtime exists, specs skip with the reason.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron, test, type ElectronApplication, type Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../../tools/minimax-sim';
import type { DesktopBridge } from '../../src/renderer/lib/bridge-types';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/**
 * What `require('electron')` would return, checked without requiring it: in Node that require
 * starts a download when the runtime is missing, which must never happen in a test run.
 */
export function findElectronBinary(): { binary: string } | { reason: string } {
  let dir: string;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { reason: `${pathFile} is missing (the runtime was never downloaded; run node scripts/ensure-electron.mjs)` };
  const relative = readFileSync(pathFile, 'utf8');
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(dir, 'dist', relative);
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return { reason: `${binary} is missing or not executable` };
  }
  return { binary };
}

let built = false;

/** Builds main, preload and renderer once per run (the specs launch the built app). */
export function buildAppOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  built = true;
}

export function createDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'relay-desktop-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }) };
}

export interface LaunchOptions {
  binary: string;
  dataDir: string;
  agentUrl: string;
}

export async function launchApp(options: LaunchOptions): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await _electron.launch({
    executablePath: options.binary,
    // Chromium refuses to run as root with its sandbox (containers, CI).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    cwd: root,
    env: {
      ...process.env,
      MINIMAX_RELAY_DATA_DIR: options.dataDir,
      MINIMAX_RELAY_AGENT_URL: options.agentUrl,
      MINIMAX_RELAY_PORT: '0',
    },
  });
  const page = await app.firstWindow();
  await page.waitForFunction('typeof globalThis.bridge === "object"');
  return { app, page };
}

type Unwrapped<T> = T extends Promise<infer R> ? R : never;

/** Calls `window.bridge.<domain>.<method>(input)` in the page and returns the BridgeResult. */
export async function callBridge<D extends keyof DesktopBridge & string, M extends keyof DesktopBridge[D] & string>(
  page: Page,
  domain: D,
  method: M,
  input?: unknown,
): Promise<DesktopBridge[D][M] extends (...args: never[]) => infer R ? Unwrapped<R> : never> {
  return page.evaluate(
    ([d, m, i]) => (globalThis as unknown as { bridge: Record<string, Record<string, (x: unknown) => Promise<unknown>>> }).bridge[d]![m]!(i),
    [domain, method, input] as const,
  ) as never;
}

export interface DesktopSuite {
  readonly binary: string;
  readonly sim: Simulator;
  readonly dataDir: string;
}

/**
 * The set-up every desktop spec shares, called inside its `test.describe`: skip with the reason when
 * no Electron runtime exists, one simulator per file, a fresh data dir per test.
 */
export function useDesktopSuite(): DesktopSuite {
  const found = findElectronBinary();
  test.skip(!('binary' in found), `Electron binary not available: ${'reason' in found ? found.reason : ''}`);
  let sim: Simulator | null = null;
  let data: ReturnType<typeof createDataDir> | null = null;
  test.beforeAll(async () => {
    buildAppOnce();
    sim = await startSimulator();
  });
  test.afterAll(async () => {
    await sim?.close();
  });
  test.beforeEach(() => {
    data = createDataDir();
  });
  test.afterEach(() => {
    data?.remove();
  });
  return {
    binary: 'binary' in found ? found.binary : '',
    get sim() {
      if (!sim) throw new Error('The simulator starts in beforeAll.');
      return sim;
    },
    get dataDir() {
      if (!data) throw new Error('The data dir is created in beforeEach.');
      return data.dir;
    },
  };
}
