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

export function toTrayTooltip(status: RelayStatus): string {
  if (status.running && status.baseUrl) return `MiniMax Relay — running on ${status.baseUrl}`;
  if (status.error) return `MiniMax Relay — stopped: ${status.error.message}`;
  return 'MiniMax Relay — stopped';
}

export function toTrayMenu(status: RelayStatus): TrayMenuItem[] {
  const { pool } = status;
  const accounts = Object.values(pool.byStatus).reduce((sum, n) => sum + n, 0);
  const poolLine = `${pool.byStatus.active ?? 0}/${accounts} accounts active · ${pool.busy} busy · ${pool.queued} queued`;
  return [
    { label: toTrayTooltip(status).replace('MiniMax Relay — ', 'Relay: '), enabled: false, action: null },
    { label: poolLine, enabled: false, action: null },
    { label: status.running ? 'Stop relay' : 'Start relay', enabled: true, action: 'toggle-relay' },
    { label: 'Copy base URL', enabled: status.running && status.baseUrl !== null, action: 'copy-base-url' },
    { label: 'Open MiniMax Relay', enabled: true, action: 'open-window' },
    { label: 'Quit', enabled: true, action: 'quit' },
  ];
}
