/**
 * The desktop composition root (src/main/index.ts) run in plain Node against a stand-in for the
 * electron module (this machine has no Electron runtime): it boots the real relay core with the
 * desktop store and secret box, registers every contract channel behind the sender check, serves
 * the renderer with its CSP, logs in through the login window, keeps the relay in the tray on
 * close, and flushes on quit.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_METHODS, toChannel, type BridgeDomain } from '../../shared/contract';
import { startSimulator, type Simulator } from '../../../tools/minimax-sim';
import { bootDesktop, fake, invoke, mainWindow, until } from './__test__/desktop-harness';
import { FakeBrowserWindow } from './__test__/fake-electron';

vi.mock('electron', async () => (await import('./__test__/desktop-harness')).electronModule());
vi.mock('electron-store', async () => (await import('./__test__/desktop-harness')).electronStoreModule());

let sim: Simulator;
let dataDir: string;
let loggedInId = '';
let loggedInRealUserId = '';

beforeAll(async () => {
  sim = await startSimulator();
  dataDir = mkdtempSync(join(tmpdir(), 'relay-desktop-main-'));
  await bootDesktop({ dataDir, agentUrl: sim.url, port: 0 });
}, 30_000);

afterAll(async () => {
  await sim?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('desktop composition root', () => {
  it('opens a hardened main window on app://relay with the single-file preload', () => {
    const { webPreferences } = mainWindow().options;
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(webPreferences?.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(mainWindow().webContents.mainFrame.url).toBe('app://relay/index.html');
    expect(mainWindow().webContents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('registers every contract method and serves only our own window', async () => {
    const all = (Object.keys(BRIDGE_METHODS) as BridgeDomain[]).flatMap((d) => (BRIDGE_METHODS[d] as readonly string[]).map((m) => toChannel(d, m)));
    expect([...fake().ipcHandlers.keys()].sort()).toEqual([...all].sort());
    await expect(invoke('app:info')).resolves.toMatchObject({ ok: true, value: { host: 'desktop', canLoginWithWindow: true, dataDir } });
    const stranger = new FakeBrowserWindow({});
    await stranger.loadURL('https://agent.minimaxi.com/');
    await expect(invoke('app:info', undefined, stranger)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    stranger.destroy();
    const iframe = { url: 'app://relay/index.html', parent: mainWindow().webContents.mainFrame };
    await expect(invoke('app:info', undefined, mainWindow(), iframe)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('starts the relay with the app and answers clients on it', async () => {
    const status = (await invoke('relay:status')) as { ok: true; value: { running: boolean; baseUrl: string } };
    expect(status.value.running).toBe(true);
    const res = await fetch(`${status.value.baseUrl}/v1/models`);
    expect(res.status).toBe(200);
    expect(fake().state.trays[0]?.tooltip).toMatch(new RegExp(`^MiniMax Relay — running on ${status.value.baseUrl}\\n\\d+/\\d+ accounts active`));
  });

  it('serves the renderer over app:// with the CSP header and refuses paths outside it', async () => {
    const handler = fake().protocolHandlers.get('app');
    const page = await handler?.(new Request('app://relay/index.html'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await handler?.(new Request('app://relay/..%2f..%2fpackage.json')))?.status).toBe(404);
  });

  it('logs in through a login window in its own in-memory partition, and saves the account sealed', async () => {
    const account = sim.admin.createAccount({ name: 'window-user' });
    const pending = invoke('accounts:login', {});
    await until(() => FakeBrowserWindow.all.length > 1, 'the login window');
    const loginWindow = FakeBrowserWindow.all.at(-1) as FakeBrowserWindow;
    const partition = String(loginWindow.options.webPreferences?.partition);
    expect(partition).toMatch(/^login-/);
    expect(loginWindow.options.webPreferences).not.toHaveProperty('preload');
    expect(loginWindow.webContents.mainFrame.url).toBe(`${sim.url}/`);
    const loginSession = fake().sessions.get(partition);
    // The site's session cookie, HttpOnly: only the session's jar can read it, page script cannot.
    await loginSession?.cookies.set({ url: `${sim.url}/`, name: 'mm_sessionid', value: 'abc123', httpOnly: true });
    loginWindow.webContents.captureResult = {
      token: account.token,
      userDetail: JSON.stringify({ realUserID: account.realUserId, userName: account.name }),
      url: `${sim.url}/`,
    };
    const saved = (await pending) as { ok: boolean; value: { id: string } };
    expect(saved).toMatchObject({ ok: true, value: { status: 'active', userName: 'window-user' } });
    loggedInId = saved.value.id;
    loggedInRealUserId = account.realUserId;
    expect(loginWindow.isDestroyed()).toBe(true);
    // The cookies moved into the account's own persisted session; the throw-away one was wiped.
    const accountJar = fake().sessions.get(`persist:minimax-account-${loggedInId}`)?.cookies.jar ?? [];
    expect(accountJar).toEqual([expect.objectContaining({ name: 'mm_sessionid', value: 'abc123', httpOnly: true })]);
    expect(loginSession?.cookies.jar).toEqual([]);
    const progress = mainWindow().webContents.sent.filter((m) => m.channel === 'bridge-event:progress');
    expect(progress.at(-1)?.payload).toMatchObject({ kind: 'login', message: 'Account saved.' });
    await until(() => readFileSync(join(dataDir, 'relay.json'), 'utf8').includes(account.realUserId), 'the store write');
    expect(readFileSync(join(dataDir, 'relay.json'), 'utf8')).not.toContain(account.token);
    expect(readFileSync(join(dataDir, 'relay.json'), 'utf8')).not.toContain('abc123');
  });

  it('the login window trusts only the agent site: popups for sign-in hosts, no plain http, no permissions', async () => {
    const before = FakeBrowserWindow.all.length;
    const pending = invoke('accounts:login', {});
    await until(() => FakeBrowserWindow.all.length > before, 'the login window');
    const loginWindow = FakeBrowserWindow.all.at(-1) as FakeBrowserWindow;
    const partition = String(loginWindow.options.webPreferences?.partition);
    const open = (url: string) => loginWindow.webContents.openHandler?.({ url }) as { action: string; overrideBrowserWindowOptions?: { webPreferences?: { partition?: string } } };
    expect(open('https://accounts.google.com/o/oauth2/auth')).toMatchObject({ action: 'allow', overrideBrowserWindowOptions: { webPreferences: { partition } } });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    const navigate = (url: string) => {
      let prevented = false;
      loginWindow.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('http://insecure.example/')).toBe(true);
    expect(navigate(`${sim.url}/again`)).toBe(false);
    expect(fake().sessions.get(partition)?.permissionCheck?.(null, 'notifications', sim.url)).toBe(false);
    // A token shown by a foreign page is never captured.
    const planted = sim.admin.createAccount({ name: 'planted' });
    loginWindow.webContents.captureResult = { token: planted.token, userDetail: null, url: 'https://evil.example/' };
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const accounts = (await invoke('accounts:list')) as { value: { userName: string }[] };
    expect(accounts.value.map((a) => a.userName)).not.toContain('planted');
    loginWindow.close();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'login_cancelled' } });
  });

  it('saves cookies the site renews in the account session, silently', async () => {
    const sealed = () => (JSON.parse(readFileSync(join(dataDir, 'relay.json'), 'utf8')) as { accounts: { id: string; sealedCredential: string }[] }).accounts.find((a) => a.id === loggedInId)?.sealedCredential;
    const jar = fake().sessions.get(`persist:minimax-account-${loggedInId}`);
    // Re-setting a cookie to the value the account already has is no news: nothing is written.
    await jar?.cookies.set({ url: `${sim.url}/`, name: 'mm_sessionid', value: 'abc123', httpOnly: true });
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const before = sealed();
    await jar?.cookies.set({ url: `${sim.url}/`, name: 'cf_clearance', value: 'fresh', httpOnly: true });
    await until(() => sealed() !== before, 'the renewed cookies to be saved');
    const accounts = (await invoke('accounts:list')) as { value: { id: string; status: string }[] };
    expect(accounts.value.find((a) => a.id === loggedInId)?.status).toBe('active');
  });

  it('raises a system notification when an account\'s login ends, and the tray tooltip counts it', async () => {
    const before = fake().state.notifications.length;
    sim.admin.expireToken(loggedInRealUserId);
    await expect(invoke('accounts:validate', { id: loggedInId })).resolves.toMatchObject({ ok: true, value: { status: 'expired' } });
    await until(() => fake().state.notifications.length > before, 'the notification');
    expect(fake().state.notifications.slice(before)).toEqual([
      { title: 'window-user: login ended', body: expect.stringContaining('log in again') },
    ]);
    await until(() => fake().state.trays[0]?.tooltip.includes('1 expired') ?? false, 'the tray tooltip to count the expired account');
  });

  it('removing the account deletes its browser session', async () => {
    const jar = fake().sessions.get(`persist:minimax-account-${loggedInId}`);
    const cleared = jar?.cleared ?? 0;
    await expect(invoke('accounts:remove', { id: loggedInId })).resolves.toMatchObject({ ok: true });
    await until(() => (jar?.cleared ?? 0) > cleared, 'the partition to be cleared');
    expect(jar?.cookies.jar).toEqual([]);
  });

  it('a closed login window answers login_cancelled', async () => {
    const before = FakeBrowserWindow.all.length;
    const pending = invoke('accounts:login', {});
    await until(() => FakeBrowserWindow.all.length > before, 'the login window');
    FakeBrowserWindow.all.at(-1)?.close();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'login_cancelled' } });
  });

  it('keeps running in the tray when the window is closed (desktop.closeToTray)', async () => {
    mainWindow().show();
    mainWindow().close();
    await until(() => !mainWindow().visible, 'the window to hide');
    expect(mainWindow().isDestroyed()).toBe(false);
  });

  it('the tray copies the base URL and stops and starts the relay; windows hear the status', async () => {
    type Item = { label: string; enabled: boolean; click?: () => void };
    const menu = () => (fake().state.trays[0]?.menu ?? []) as Item[];
    const item = (label: string) => menu().find((entry) => entry.label === label);
    const status = (await invoke('relay:status')) as { value: { baseUrl: string } };
    item('Copy base URL')?.click?.();
    expect(fake().state.clipboard).toBe(status.value.baseUrl);

    item('Stop relay')?.click?.();
    await until(() => item('Start relay') !== undefined, 'the tray to show the stopped relay');
    expect(item('Copy base URL')?.enabled).toBe(false);
    await expect(fetch(`${status.value.baseUrl}/v1/models`)).rejects.toThrow();
    const pushed = mainWindow().webContents.sent.filter((m) => m.channel === 'bridge-event:relay:status');
    expect(pushed.at(-1)?.payload).toMatchObject({ running: false });

    item('Start relay')?.click?.();
    await until(() => item('Stop relay') !== undefined, 'the tray to show the running relay');
  });

  it('closes the core before quitting', async () => {
    const status = (await invoke('relay:status')) as { value: { baseUrl: string } };
    fake().electron.app.quit();
    await until(() => fake().state.quitCalls === 2, 'the second quit after the core closed');
    await expect(fetch(`${status.value.baseUrl}/v1/models`)).rejects.toThrow();
  });
});
