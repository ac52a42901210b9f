/** The tray icon: relay status, start/stop, copy base URL, open the window, quit. */
import { Menu, Tray, clipboard, nativeImage } from 'electron';
import type { RelayStatus } from '../../shared/contract';
import type { Logger } from '../logs/types';
import type { RelayControl, RelayCoreEvents } from '../core/types';
import { toTrayMenu, toTrayTooltip, type TrayAction } from './tray-menu';

export interface TrayDeps {
  relay: RelayControl;
  events: RelayCoreEvents;
  iconPath: string;
  showWindow(): void;
  quit(): void;
  logger: Logger;
}

/** Returns a dispose function that removes the icon and stops listening. */
export function setupTray(deps: TrayDeps): () => void {
  const icon = nativeImage.createFromPath(deps.iconPath).resize({ width: 16, height: 16 });
  const tray = new Tray(icon);

  const run = (action: TrayAction, status: RelayStatus): void => {
    if (action === 'toggle-relay') {
      const next = status.running ? deps.relay.stop() : deps.relay.start();
      void next.catch((error: unknown) => deps.logger.warn({ err: error }, 'relay start/stop from the tray failed')).finally(() => render(deps.relay.status()));
    } else if (action === 'copy-base-url' && status.baseUrl) clipboard.writeText(status.baseUrl);
    else if (action === 'open-window') deps.showWindow();
    else if (action === 'quit') deps.quit();
  };

  function render(status: RelayStatus): void {
    if (tray.isDestroyed()) return;
    tray.setToolTip(toTrayTooltip(status));
    const items = toTrayMenu(status).map((item) => ({
      label: item.label,
      enabled: item.enabled,
      click: item.action ? () => run(item.action as TrayAction, status) : undefined,
    }));
    tray.setContextMenu(Menu.buildFromTemplate(items));
  }

  render(deps.relay.status());
  const off = deps.events.on('relay:status', render);
  // The pool line changes with the accounts; the relay pushes its status only on start and stop.
  const offAccounts = deps.events.on('accounts:changed', () => render(deps.relay.status()));
  tray.on('click', () => deps.showWindow());
  return () => {
    off();
    offAccounts();
    if (!tray.isDestroyed()) tray.destroy();
  };
}
