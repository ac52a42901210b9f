/**
 * Runs the desktop composition root (src/main/index.ts) in plain Node: the electron and
 * electron-store modules a test file mocks with these factories, and the helpers to drive it.
 *
 *   vi.mock('electron', async () => (await import('./__test__/desktop-harness')).electronModule());
 *   vi.mock('electron-store', async () => (await import('./__test__/desktop-harness')).electronStoreModule());
 */
import { createFakeElectron, FakeBrowserWindow } from './fake-electron';

let current: ReturnType<typeof createFakeElectron> | null = null;

/** The electron stand-in, made when the composition root first imports electron. */
export function electronModule() {
  current = createFakeElectron(process.env.MINIMAX_RELAY_DATA_DIR ?? '');
  return { ...current.electron, default: current.electron };
}

/** electron-store is conf plus Electron's app paths; the stand-in maps its options onto conf. */
export async function electronStoreModule() {
  const { default: Conf } = await import('conf');
  class Store extends Conf<Record<string, unknown>> {
    constructor({ name, ...options }: { name: string; cwd: string }) {
      super({ ...options, configName: name });
    }
  }
  return { default: Store };
}

export function fake(): ReturnType<typeof createFakeElectron> {
  if (!current) throw new Error('electron was not loaded');
  return current;
}

/** Whether the composition root has loaded electron (an after-all hook may run after a failed start). */
export function electronLoaded(): boolean {
  return current !== null;
}

export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

export function mainWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.all[0];
  if (!window) throw new Error('no main window');
  return window;
}

/** Calls a contract channel's handler as the given window (the main one by default) would. */
export function invoke(channel: string, input?: unknown, from: FakeBrowserWindow = mainWindow(), frame: unknown = from.webContents.mainFrame): Promise<unknown> {
  const handler = fake().ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler({ sender: from.webContents, senderFrame: frame }, input));
}

/** Starts the composition root on a data dir against a simulator; resolves once the window and the tray exist. */
export async function bootDesktop(options: { dataDir: string; agentUrl: string; port: number }): Promise<void> {
  process.env.MINIMAX_RELAY_DATA_DIR = options.dataDir;
  process.env.MINIMAX_RELAY_AGENT_URL = options.agentUrl;
  process.env.MINIMAX_RELAY_PORT = String(options.port);
  process.env.MINIMAX_RELAY_LOG_LEVEL = 'silent';
  await import('../../index');
  fake().markReady();
  await until(() => FakeBrowserWindow.all.length > 0 && fake().state.trays.length > 0, 'the main window and the tray');
}
