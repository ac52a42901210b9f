import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../logs/types';
import { makeTempDir } from '../store/__test__/test-helpers';
import type { FakeSession, createFakeElectron } from './__test__/fake-electron';

const shared = vi.hoisted(() => ({ fake: null as ReturnType<typeof createFakeElectron> | null }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./__test__/fake-electron');
  shared.fake = createFakeElectron('');
  return { ...shared.fake.electron, default: shared.fake.electron };
});

const { createAccountSessions } = await import('./account-sessions');

const ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const BASE = 'https://agent.minimaxi.com';
/** The fake's session of a partition (created on first use, as Electron does). */
const sessionOf = (partition: string): FakeSession => {
  if (!shared.fake) throw new Error('electron was not loaded');
  return shared.fake.sessions.get(partition) ?? (shared.fake.electron.session.fromPartition(partition) as FakeSession);
};
const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

function setup() {
  const saved: [string, string][] = [];
  const sessions = createAccountSessions({ saveCookies: async (id, cookies) => void saved.push([id, cookies]), logger: silentLogger, settleMs: 5 });
  return { sessions, saved };
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('account sessions', () => {
  it('seeds the stored cookies into the account partition once, HttpOnly', async () => {
    const { sessions } = setup();
    const target = await sessions.prepare({ id: ID, baseUrl: BASE, cookies: 'sid=1; cf_clearance=2' });
    expect(target).toBe(sessionOf(`persist:minimax-account-${ID}`));
    expect(sessionOf(`persist:minimax-account-${ID}`).cookies.jar.map((c) => [c.name, c.value, c.httpOnly])).toEqual([
      ['sid', '1', true],
      ['cf_clearance', '2', true],
    ]);
    sessions.dispose();
  });

  it('saves cookies the site renews, and does not undo them with the older stored value', async () => {
    const { sessions, saved } = setup();
    const jar = sessionOf(`persist:minimax-account-${ID}`).cookies;
    await sessions.prepare({ id: ID, baseUrl: BASE, cookies: 'sid=1; cf_clearance=2' });
    await jar.set({ url: `${BASE}/`, name: 'sid', value: 'renewed', httpOnly: true });
    await until(() => saved.length > 0);
    expect(saved.at(-1)).toEqual([ID, 'sid=renewed; cf_clearance=2']);
    // A call made with the credential as stored before the renewal was saved.
    await sessions.prepare({ id: ID, baseUrl: BASE, cookies: 'sid=renewed; cf_clearance=2' });
    expect(jar.jar.find((c) => c.name === 'sid')?.value).toBe('renewed');
    sessions.dispose();
  });

  it('empties the jar when the user removed the cookies', async () => {
    const { sessions } = setup();
    const jar = sessionOf(`persist:minimax-account-${ID}`).cookies;
    await sessions.prepare({ id: ID, baseUrl: BASE, cookies: 'sid=1' });
    await sessions.prepare({ id: ID, baseUrl: BASE });
    expect(jar.jar).toEqual([]);
    sessions.dispose();
  });

  it('gives one-off checks a throw-away in-memory session, never a persisted one', async () => {
    const { sessions } = setup();
    const before = shared.fake?.partitions.length ?? 0;
    await sessions.prepare({ id: 'import-1', baseUrl: BASE, cookies: 'sid=p' });
    const partition = shared.fake?.partitions.slice(before).at(-1) ?? '';
    expect(partition).toMatch(/^minimax-probe-/);
    expect(sessionOf(partition).cookies.jar.map((c) => c.value)).toEqual(['p']);
  });

  it('hands the login session over, then clears a removed account and sweeps orphans', async () => {
    const { sessions, saved } = setup();
    const login = sessionOf('login-test');
    await login.cookies.set({ url: `${BASE}/`, name: 'sid', value: 'fresh', httpOnly: true, secure: true });
    await sessions.adopt(ID, login as never, `${BASE}/`);
    const account = sessionOf(`persist:minimax-account-${ID}`);
    expect(account.cookies.jar.find((c) => c.name === 'sid')).toMatchObject({ value: 'fresh', httpOnly: true });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(saved).toEqual([]);
    await sessions.clear(ID);
    expect(account.cleared).toBeGreaterThan(0);

    const temp = makeTempDir('partitions-');
    temps.push(temp);
    const orphan = '0a0b0c0d-0000-4000-8000-000000000001';
    mkdirSync(join(temp.dir, `minimax-account-${orphan}`));
    mkdirSync(join(temp.dir, `minimax-account-${ID}`));
    await sessions.sweep([ID], temp.dir);
    expect(sessionOf(`persist:minimax-account-${orphan}`).cleared).toBe(1);
    sessions.dispose();
  });
});
