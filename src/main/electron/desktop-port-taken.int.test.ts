/**
 * The desktop composition root (src/main/index.ts, against the electron stand-in) when its port is
 * taken: the relay does not start, a system notification says why, and the tray tooltip shows the
 * stopped relay; once the port is free, starting from the tray's status works.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../../tools/minimax-sim';
import { bootDesktop, electronLoaded, fake, invoke, until } from './__test__/desktop-harness';

vi.mock('electron', async () => (await import('./__test__/desktop-harness')).electronModule());
vi.mock('electron-store', async () => (await import('./__test__/desktop-harness')).electronStoreModule());

let sim: Simulator;
let dataDir: string;
const blocker = createServer();
let port = 0;

beforeAll(async () => {
  sim = await startSimulator();
  blocker.listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  port = (blocker.address() as AddressInfo).port;
  dataDir = mkdtempSync(join(tmpdir(), 'relay-desktop-port-'));
  await bootDesktop({ dataDir, agentUrl: sim.url, port: port });
}, 30_000);

afterAll(async () => {
  if (electronLoaded() && fake().state.quitCalls === 0) {
    fake().electron.app.quit();
    await until(() => fake().state.quitCalls === 2, 'the core to close');
  }
  if (blocker.listening) blocker.close();
  await sim?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

describe('desktop app on a taken port', () => {
  it('raises a system notification and shows the stopped relay in the tray tooltip', async () => {
    await until(() => fake().state.notifications.length > 0, 'the notification');
    expect(fake().state.notifications).toEqual([
      { title: 'MiniMax Relay could not start', body: expect.stringContaining(`Port ${port} is already in use.`) },
    ]);
    await until(() => fake().state.trays[0]?.tooltip.startsWith('MiniMax Relay — stopped') ?? false, 'the tray tooltip');
    expect(fake().state.trays[0]?.tooltip).toMatch(/^MiniMax Relay — stopped: Port \d+ is already in use\.\n0\/0 accounts active/);
  });

  it('starts once the port is free, without a second notification', async () => {
    blocker.close();
    await once(blocker, 'close');
    const started = (await invoke('relay:start')) as { ok: boolean; value: { running: boolean; baseUrl: string } };
    expect(started).toMatchObject({ ok: true, value: { running: true, baseUrl: `http://127.0.0.1:${port}` } });
    await until(() => fake().state.trays[0]?.tooltip.startsWith('MiniMax Relay — running') ?? false, 'the tray tooltip');
    expect(fake().state.notifications).toHaveLength(1);
  });
});
