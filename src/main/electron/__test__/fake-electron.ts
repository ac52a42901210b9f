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

export interface FakeCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  session: boolean;
}

/** A session's cookie jar: cookies by host, `changed` events like Electron's. */
export class FakeCookies extends EventEmitter {
  readonly jar: FakeCookie[] = [];
  async get(filter: { url?: string }): Promise<FakeCookie[]> {
    if (!filter.url) return [...this.jar];
    const host = new URL(filter.url).hostname;
    return this.jar.filter((cookie) => cookie.domain.replace(/^\./, '') === host);
  }
  async set(details: { url: string; name: string; value: string; domain?: string; path?: string; secure?: boolean; httpOnly?: boolean }): Promise<void> {
    const domain = details.domain ?? new URL(details.url).hostname;
    const index = this.jar.findIndex((cookie) => cookie.name === details.name && cookie.domain === domain);
    const cookie = { name: details.name, value: details.value, domain, hostOnly: details.domain === undefined, path: details.path ?? '/', secure: details.secure ?? false, httpOnly: details.httpOnly ?? false, session: true };
    if (index >= 0) this.jar.splice(index, 1, cookie);
    else this.jar.push(cookie);
    this.emit('changed', {}, cookie, 'explicit', false);
  }
  async remove(url: string, name: string): Promise<void> {
    const host = new URL(url).hostname;
    const index = this.jar.findIndex((cookie) => cookie.name === name && cookie.domain.replace(/^\./, '') === host);
    if (index < 0) return;
    const [cookie] = this.jar.splice(index, 1);
    this.emit('changed', {}, cookie, 'explicit', true);
  }
}

export class FakeSession {
  readonly cookies = new FakeCookies();
  cleared = 0;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  readonly fetches: { url: string; init: RequestInit | undefined }[] = [];
  setPermissionRequestHandler(): void {}
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheck = handler;
  }
  async clearStorageData(): Promise<void> {
    this.cleared += 1;
    this.cookies.jar.splice(0);
  }
  async clearCache(): Promise<void> {}
  async clearAuthCache(): Promise<void> {}
  /** Upstream calls through this session go to plain fetch, with the jar's cookies. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    this.fetches.push({ url, init });
    const headers = new Headers(init?.headers);
    const cookies = await this.cookies.get({ url });
    if (cookies.length > 0) headers.set('cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '));
    return globalThis.fetch(url, { ...init, headers });
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
  title = '';
  setTitle(title: string): void {
    this.title = title;
  }
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
  const sessions = new Map<string, FakeSession>();
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
        const existing = sessions.get(partition) ?? new FakeSession();
        sessions.set(partition, existing);
        return existing;
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
  return { electron, ipcHandlers, protocolHandlers, partitions, sessions, state, markReady };
}
