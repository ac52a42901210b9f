import { describe, expect, it } from 'vitest';
import type { RelayStatus } from '../../shared/contract';
import { toTrayMenu, toTrayTooltip } from './tray-menu';

const pool = { byStatus: { active: 2, disabled: 0, expired: 1, invalid: 0, cooling: 0, exhausted: 0 }, busy: 1, queued: 3, capacity: 2 };
const running: RelayStatus = { running: true, host: '127.0.0.1', port: 8000, baseUrl: 'http://127.0.0.1:8000', uiUrl: null, startedAt: 1, pool, error: null };
const stopped: RelayStatus = { ...running, running: false, baseUrl: null, startedAt: null };

describe('tray menu', () => {
  it('shows the base URL and offers stop and copy while running', () => {
    const menu = toTrayMenu(running);
    expect(menu[0]?.label).toBe('Relay: running on http://127.0.0.1:8000');
    expect(menu[1]?.label).toBe('2/3 accounts active · 1 busy · 3 queued · 1 expired');
    expect(toTrayTooltip(running)).toBe('MiniMax Relay — running on http://127.0.0.1:8000\n2/3 accounts active · 1 busy · 3 queued · 1 expired');
    expect(menu.find((i) => i.action === 'toggle-relay')?.label).toBe('Stop relay');
    expect(menu.find((i) => i.action === 'copy-base-url')?.enabled).toBe(true);
  });

  it('offers start and disables copy while stopped, with the error when there is one', () => {
    const menu = toTrayMenu({ ...stopped, error: { code: 'internal', message: 'Port 8000 is in use.' } });
    expect(menu.find((i) => i.action === 'toggle-relay')?.label).toBe('Start relay');
    expect(menu.find((i) => i.action === 'copy-base-url')?.enabled).toBe(false);
    expect(toTrayTooltip({ ...stopped, error: { code: 'internal', message: 'Port 8000 is in use.' } }).split('\n')[0]).toBe('MiniMax Relay — stopped: Port 8000 is in use.');
    expect(menu.map((i) => i.action)).toEqual([null, null, 'toggle-relay', 'copy-base-url', 'open-window', 'quit']);
  });
});
