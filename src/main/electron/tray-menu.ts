/**
 * What the tray shows for a relay status. Electron-free so it is unit-tested; tray.ts turns the
 * model into a native menu.
 */
import type { RelayStatus } from '../../shared/contract';

export type TrayAction = 'toggle-relay' | 'copy-base-url' | 'open-window' | 'quit';

export interface TrayMenuItem {
  label: string;
  enabled: boolean;
  /** Null for informational lines. */
  action: TrayAction | null;
}

function relayLine(status: RelayStatus): string {
  if (status.running && status.baseUrl) return `MiniMax Relay — running on ${status.baseUrl}`;
  if (status.error) return `MiniMax Relay — stopped: ${status.error.message}`;
  return 'MiniMax Relay — stopped';
}

/** e.g. `2/3 accounts active · 1 busy · 3 queued · 1 cooling down · 1 expired`. */
export function toPoolLine(status: RelayStatus): string {
  const { pool } = status;
  const accounts = Object.values(pool.byStatus).reduce((sum, n) => sum + n, 0);
  const parts = [`${pool.byStatus.active ?? 0}/${accounts} accounts active`, `${pool.busy} busy`, `${pool.queued} queued`];
  const problems = [
    [pool.byStatus.cooling, 'cooling down'],
    [pool.byStatus.exhausted, 'out of credits'],
    [pool.byStatus.expired, 'expired'],
    [pool.byStatus.invalid, 'invalid'],
  ] as const;
  for (const [count, label] of problems) if (count > 0) parts.push(`${count} ${label}`);
  return parts.join(' · ');
}

/** The relay line and, below it, the pool: what hovering the icon should answer at a glance. */
export function toTrayTooltip(status: RelayStatus): string {
  return `${relayLine(status)}\n${toPoolLine(status)}`;
}

export function toTrayMenu(status: RelayStatus): TrayMenuItem[] {
  const poolLine = toPoolLine(status);
  return [
    { label: relayLine(status).replace('MiniMax Relay — ', 'Relay: '), enabled: false, action: null },
    { label: poolLine, enabled: false, action: null },
    { label: status.running ? 'Stop relay' : 'Start relay', enabled: true, action: 'toggle-relay' },
    { label: 'Copy base URL', enabled: status.running && status.baseUrl !== null, action: 'copy-base-url' },
    { label: 'Open MiniMax Relay', enabled: true, action: 'open-window' },
    { label: 'Quit', enabled: true, action: 'quit' },
  ];
}
