import { describe, expect, it } from 'vitest';
import type { ImportResult, ProgressEvent } from '../../shared/contract';
import type { AccountSummary } from '../../shared/domain/account';
import { defaultSettings, type Language } from '../../shared/domain/settings';
import { silentLogger } from '../logs/types';
import { createLoginController, toImportLine, type LoginSurface } from './login-controller';
import { makeJwt } from './__test__/test-jwt';

const jwt = makeJwt({ user: { id: '900', name: 'Jo' }, exp: 2_000_000_000 });
const SITE = 'http://127.0.0.1:8787';
const loggedIn = { token: jwt, userDetail: JSON.stringify({ realUserID: '901', userName: 'Jo' }), url: `${SITE}/chat` };
const empty = { token: null, userDetail: null, url: `${SITE}/` };

function fakeSurface(snapshots: unknown[]) {
  const closedListeners: (() => void)[] = [];
  const state = { loaded: [] as string[], disposed: 0, focused: 0, closed: false, cookieOrigins: [] as string[], kept: [] as string[], notices: [] as string[] };
  const surface: LoginSurface = {
    load: async (url) => void state.loaded.push(url),
    capture: async () => snapshots.shift() ?? snapshots.at(-1) ?? empty,
    cookies: async (origin) => {
      state.cookieOrigins.push(origin);
      return [{ name: 'mm_sessionid', value: 's1' }, { name: 'cf_clearance', value: 'c1' }];
    },
    keep: async (id) => void state.kept.push(id),
    onClosed: (listener) => void closedListeners.push(listener),
    isClosed: () => state.closed,
    focus: () => void (state.focused += 1),
    notify: (text) => void state.notices.push(text),
    dispose: async () => {
      state.disposed += 1;
      state.closed = true;
    },
  };
  const closeByUser = () => {
    state.closed = true;
    closedListeners.forEach((l) => l());
  };
  return { surface, state, closeByUser };
}

const summary = (id: string) => ({ id, status: 'active' }) as AccountSummary;

function setup(snapshots: unknown[], importResult?: (text: string) => ImportResult, language: Language = 'en') {
  const fake = fakeSurface(snapshots);
  const imports: { text: string; region?: string }[] = [];
  const progress: ProgressEvent[] = [];
  const defaults = defaultSettings();
  const settings = { ...defaults, ui: { ...defaults.ui, language }, apiKeys: [] };
  const controller = createLoginController({
    openSurface: () => fake.surface,
    services: {
      accounts: {
        import: async (input) => {
          imports.push(input);
          return importResult ? importResult(input.text) : { results: [{ line: 1, input: '…', ok: true, account: summary('acc-1'), action: 'created', error: null }], created: 1, updated: 0, failed: 0 };
        },
      },
      settings: { get: async () => settings },
    },
    agentBaseUrl: SITE,
    onProgress: (event) => progress.push(event),
    logger: silentLogger,
    pollMs: 5,
    timeoutMs: 5_000,
  });
  return { controller, fake, imports, progress };
}

describe('createLoginController', () => {
  it('loads the login page, saves the captured credential with the site cookies, keeps the session and disposes the surface', async () => {
    const { controller, fake, imports, progress } = setup([empty, empty, loggedIn]);
    await expect(controller.login({})).resolves.toMatchObject({ id: 'acc-1' });
    expect(fake.state.loaded).toEqual([`${SITE}/`]);
    expect(imports).toEqual([{ text: JSON.stringify({ realUserID: '901', token: jwt, cookies: 'mm_sessionid=s1; cf_clearance=c1' }), region: 'cn' }]);
    expect(fake.state.cookieOrigins).toEqual([SITE]);
    expect(fake.state.kept).toEqual(['acc-1']);
    expect(fake.state.disposed).toBe(1);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 3]);
    expect(new Set(progress.map((p) => p.taskId)).size).toBe(1);
    expect(progress.every((p) => p.kind === 'login')).toBe(true);
  });

  it('shows its progress in the login window in the app language', async () => {
    const { controller, fake } = setup([empty, loggedIn], undefined, 'zh-CN');
    await controller.login({});
    expect(fake.state.notices).toEqual(['请在此窗口中登录 MiniMax', '已登录，正在向 MiniMax 核对账号……', '账号已保存']);
    const english = setup([empty, loggedIn]);
    await english.controller.login({});
    expect(english.fake.state.notices).toEqual(['Log in to MiniMax in this window', 'Logged in. Checking the account with MiniMax…', 'Account saved']);
  });

  it('never captures a token shown by a foreign origin', async () => {
    const planted = { ...loggedIn, url: 'https://evil.example/' };
    const { controller, fake, imports } = setup([planted, planted, planted]);
    const pending = controller.login({});
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(imports).toEqual([]);
    expect(fake.state.cookieOrigins).toEqual([]);
    fake.closeByUser();
    await expect(pending).rejects.toMatchObject({ code: 'login_cancelled' });
  });

  it('leaves a realUserID taken only from the JWT to the upstream to confirm', () => {
    expect(toImportLine({ token: 't', realUserId: '5', realUserIdSource: 'jwt' }, '')).toBe('{"token":"t"}');
    expect(toImportLine({ token: 't', realUserId: '5', realUserIdSource: 'upstream' }, 'a=b')).toBe('{"realUserID":"5","token":"t","cookies":"a=b"}');
  });

  it('uses the region asked for', async () => {
    const { controller, imports } = setup([loggedIn]);
    await controller.login({ region: 'intl' });
    expect(imports[0]?.region).toBe('intl');
  });

  it('answers login_cancelled when the user closes the window, and saves nothing', async () => {
    const { controller, fake, imports } = setup([empty]);
    const pending = controller.login({});
    await new Promise((resolve) => setTimeout(resolve, 20));
    fake.closeByUser();
    await expect(pending).rejects.toMatchObject({ code: 'login_cancelled' });
    expect(imports).toEqual([]);
    expect(fake.state.disposed).toBe(1);
  });

  it('passes a failed validation through with the upstream code', async () => {
    const failed: ImportResult = {
      results: [{ line: 1, input: '…', ok: false, account: null, action: null, error: { code: 'upstream_auth_expired', message: 'Token expired.' } }],
      created: 0,
      updated: 0,
      failed: 1,
    };
    const { controller, fake } = setup([loggedIn], () => failed);
    await expect(controller.login({})).rejects.toMatchObject({ code: 'upstream_auth_expired', message: 'Token expired.' });
    expect(fake.state.disposed).toBe(1);
  });

  it('shares one open window between concurrent logins', async () => {
    const { controller, fake } = setup([empty, empty, empty, empty, loggedIn]);
    const first = controller.login({});
    const second = controller.login({});
    expect(second).toBe(first);
    expect(fake.state.focused).toBe(1);
    await expect(first).resolves.toMatchObject({ id: 'acc-1' });
  });
});
