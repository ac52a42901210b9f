import { describe, expect, it } from 'vitest';
import type { RelayStatus } from '../../shared/contract';
import type { AccountStatus, AccountSummary } from '../../shared/domain/account';
import { createDesktopAlerts } from './desktop-alerts';

function account(id: string, status: AccountStatus): AccountSummary {
  return { id, label: id.toUpperCase(), userName: null, maskedUserId: '45…94', status } as AccountSummary;
}

const pool = { byStatus: { active: 1, disabled: 0, expired: 0, invalid: 0, cooling: 0, exhausted: 0 }, busy: 0, queued: 0, capacity: 1 };
const stopped: RelayStatus = { running: false, host: '127.0.0.1', port: 8000, baseUrl: null, uiUrl: null, startedAt: null, pool, error: null };

describe('desktop alerts', () => {
  it('alerts once when an account becomes expired, invalid or out of credits, not for what it was at start', () => {
    const alerts = createDesktopAlerts(() => 'en');
    expect(alerts.accounts([account('a', 'active'), account('b', 'expired')])).toEqual([]);
    const raised = alerts.accounts([account('a', 'exhausted'), account('b', 'expired'), account('c', 'invalid')]);
    expect(raised.map((alert) => alert.title)).toEqual(['A: out of credits']);
    expect(alerts.accounts([account('a', 'exhausted'), account('b', 'expired')])).toEqual([]);
    expect(alerts.accounts([account('a', 'active'), account('b', 'expired')])).toEqual([]);
    expect(alerts.accounts([account('a', 'expired'), account('b', 'expired')])[0]).toMatchObject({ title: 'A: login ended', body: expect.stringMatching(/log in again/) });
  });

  it('alerts when the relay cannot start, once per distinct error, in the chosen language', () => {
    let language: 'en' | 'zh-CN' = 'en';
    const alerts = createDesktopAlerts(() => language);
    const portTaken = { ...stopped, error: { code: 'internal' as const, message: 'Port 8000 is in use.' } };
    expect(alerts.status(portTaken)).toEqual([{ title: 'MiniMax Relay could not start', body: 'Port 8000 is in use. Choose another port in Settings, then start the relay.' }]);
    expect(alerts.status(portTaken)).toEqual([]);
    expect(alerts.status({ ...stopped, running: true, baseUrl: 'http://127.0.0.1:8001' })).toEqual([]);
    language = 'zh-CN';
    expect(alerts.status(portTaken)[0]?.title).toBe('MiniMax Relay 无法启动');
  });
});
