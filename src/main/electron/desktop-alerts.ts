/**
 * When the desktop app raises a system notification: an account that becomes expired, invalid or
 * runs out of credits, and a relay that cannot start (say, its port is taken). Electron-free so it
 * is unit-tested; notifications.ts shows what this decides. The first account snapshot only primes
 * the memory, so starting the app does not replay old problems as news.
 */
import type { RelayStatus } from '../../shared/contract';
import type { AccountStatus, AccountSummary } from '../../shared/domain/account';
import type { Language } from '../../shared/domain/settings';

export interface DesktopAlert {
  title: string;
  body: string;
}

const TEXT = {
  en: {
    expired: (label: string) => ({ title: `${label}: login ended`, body: 'MiniMax no longer accepts this account\'s token. Open Accounts and log in again.' }),
    invalid: (label: string) => ({ title: `${label}: credential rejected`, body: 'MiniMax rejected this account\'s credential. Open Accounts to add it again or remove it.' }),
    exhausted: (label: string) => ({ title: `${label}: out of credits`, body: 'The relay uses the other accounts until the daily credit reset.' }),
    startFailed: (message: string) => ({ title: 'MiniMax Relay could not start', body: `${message} Choose another port in Settings, then start the relay.` }),
  },
  'zh-CN': {
    expired: (label: string) => ({ title: `${label}：登录已失效`, body: 'MiniMax 已不再接受此账号的令牌。请打开“账号”页重新登录。' }),
    invalid: (label: string) => ({ title: `${label}：凭据被拒绝`, body: 'MiniMax 拒绝了此账号的凭据。请打开“账号”页重新添加或删除该账号。' }),
    exhausted: (label: string) => ({ title: `${label}：额度已用完`, body: '在每日额度重置前，中转服务会改用其他账号。' }),
    startFailed: (message: string) => ({ title: 'MiniMax Relay 无法启动', body: `${message} 请在“设置”中换一个端口，然后启动中转服务。` }),
  },
} as const;

const ALERTING: ReadonlySet<AccountStatus> = new Set(['expired', 'invalid', 'exhausted']);

export interface DesktopAlerts {
  accounts(accounts: readonly AccountSummary[]): DesktopAlert[];
  status(status: RelayStatus): DesktopAlert[];
}

export function createDesktopAlerts(language: () => Language): DesktopAlerts {
  let known: Map<string, AccountStatus> | null = null;
  let lastStartError: string | null = null;

  return {
    accounts(accounts) {
      const alerts: DesktopAlert[] = [];
      const next = new Map(accounts.map((account) => [account.id, account.status]));
      if (known) {
        for (const account of accounts) {
          const before = known.get(account.id);
          if (!ALERTING.has(account.status) || before === account.status || before === undefined) continue;
          const text = TEXT[language()][account.status as 'expired' | 'invalid' | 'exhausted'];
          alerts.push(text(account.label || account.userName || account.maskedUserId));
        }
      }
      known = next;
      return alerts;
    },
    status(status) {
      const message = !status.running && status.error ? status.error.message : null;
      const alerts = message && message !== lastStartError ? [TEXT[language()].startFailed(message)] : [];
      lastStartError = message;
      return alerts;
    },
  };
}
