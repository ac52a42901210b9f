/**
 * A stand-in for the `electron` module, for the composition-root test that runs src/main/index.ts
 * in plain Node where no Electron runtime exists. It records what the app asks of Electron
 * (windows, IPC handlers, protocol handlers, tray) so the test can drive and inspect it.
 */
import { EventEmitter } from 'node:events';

type Handler = (event: unknown, input: unknown) => unknown;

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: { url: string; parent: null } = { url: '', parent: null };
  readonly sent: { channel: string; payload: unknown }[] = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  /** What the page's localStorage capture returns (login windows). */
  captureResult: unknown = { token: null, userDetail: null, url: '' };
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  async executeJavaScript(): Promise<unknown> {
    return this.captureResult;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  restore(): void {}
  /** Like a user closing the window: listeners may prevent it. */
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

export function createFakeElectron(userData: string) {
  const ipcHandlers = new Map<string, Handler>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const partitions: string[] = [];
  const appEvents = new EventEmitter();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const paths: Record<string, string> = { userData };
  const state = { quitCalls: 0, exitCode: null as number | null, errorBoxes: [] as string[], clipboard: '', trays: [] as { tooltip: string; menu: unknown }[], notifications: [] as { title: string; body: string }[] };
  const permissionHandler = { setPermissionRequestHandler: () => {}, setPermissionCheckHandler: () => {} };

  const electron = {
    app: Object.assign(appEvents, {
      getPath: (name: string) => paths[name] ?? userData,
      setPath: (name: string, value: string) => void (paths[name] = value),
      getVersion: () => '0.0.0-test',
      requestSingleInstanceLock: () => true,
      whenReady: () => ready,
      quit: () => {
        state.quitCalls += 1;
        let prevented = false;
        appEvents.emit('before-quit', { preventDefault: () => (prevented = true) });
        if (!prevented) appEvents.emit('will-quit');
      },
      exit: (code: number) => void (state.exitCode = code),
    }),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: Handler) => void ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: () => {},
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: { ...permissionHandler, webRequest: { onHeadersReceived: () => {} } },
      fromPartition: (partition: string) => {
        partitions.push(partition);
        return { ...permissionHandler, clearStorageData: async () => {}, clearCache: async () => {} };
      },
    },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain: string) => Buffer.from(`sealed:${plain}`).reverse(),
      decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString().replace(/^sealed:/, ''),
    },
    shell: { openExternal: async () => {} },
    dialog: { showErrorBox: (title: string, body: string) => void state.errorBoxes.push(`${title}: ${body}`) },
    clipboard: { writeText: (text: string) => void (state.clipboard = text) },
    nativeImage: { createFromPath: () => ({ resize: () => ({}) }) },
    Menu: { buildFromTemplate: (template: unknown) => template },
    Notification: class {
      static isSupported(): boolean {
        return true;
      }
      constructor(private readonly options: { title: string; body: string }) {}
      on() {}
      show() {
        state.notifications.push(this.options);
      }
    },
    Tray: class {
      private readonly entry = { tooltip: '', menu: null as unknown };
      constructor() {
        state.trays.push(this.entry);
      }
      setToolTip(text: string) {
        this.entry.tooltip = text;
      }
      setContextMenu(menu: unknown) {
        this.entry.menu = menu;
      }
      on() {}
      isDestroyed() {
        return false;
      }
      destroy() {}
    },
  };
  return { electron, ipcHandlers, protocolHandlers, partitions, state, markReady };
}
