import { describe, expect, it } from 'vitest';
import type { ImportResult, ProgressEvent } from '../../shared/contract';
import type { AccountSummary } from '../../shared/domain/account';
import { defaultSettings } from '../../shared/domain/settings';
import { silentLogger } from '../logs/types';
import { createLoginController, type LoginSurface } from './login-controller';
import { makeJwt } from './test-jwt';

const jwt = makeJwt({ user: { id: '900', name: 'Jo' }, exp: 2_000_000_000 });
const loggedIn = { token: jwt, userDetail: JSON.stringify({ realUserID: '901', userName: 'Jo' }), url: 'x' };
const empty = { token: null, userDetail: null, url: 'x' };

function fakeSurface(snapshots: unknown[]) {
  const closedListeners: (() => void)[] = [];
  const state = { loaded: [] as string[], disposed: 0, focused: 0, closed: false };
  const surface: LoginSurface = {
    load: async (url) => void state.loaded.push(url),
    capture: async () => snapshots.shift() ?? snapshots.at(-1) ?? empty,
    onClosed: (listener) => void closedListeners.push(listener),
    isClosed: () => state.closed,
    focus: () => void (state.focused += 1),
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

function setup(snapshots: unknown[], importResult?: (text: string) => ImportResult) {
  const fake = fakeSurface(snapshots);
  const imports: { text: string; region?: string }[] = [];
  const progress: ProgressEvent[] = [];
  const settings = { ...defaultSettings(), apiKeys: [] };
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
    agentBaseUrl: 'http://127.0.0.1:8787',
    onProgress: (event) => progress.push(event),
    logger: silentLogger,
    pollMs: 5,
    timeoutMs: 5_000,
  });
  return { controller, fake, imports, progress };
}

describe('createLoginController', () => {
  it('loads the login page, saves the captured credential as realUserID+token and disposes the surface', async () => {
    const { controller, fake, imports, progress } = setup([empty, empty, loggedIn]);
    await expect(controller.login({})).resolves.toMatchObject({ id: 'acc-1' });
    expect(fake.state.loaded).toEqual(['http://127.0.0.1:8787/']);
    expect(imports).toEqual([{ text: `901+${jwt}`, region: 'cn' }]);
    expect(fake.state.disposed).toBe(1);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 3]);
    expect(new Set(progress.map((p) => p.taskId)).size).toBe(1);
    expect(progress.every((p) => p.kind === 'login')).toBe(true);
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
