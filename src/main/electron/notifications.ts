/** Shows what desktop-alerts.ts decides as system notifications (thin Electron glue). */
import { Notification } from 'electron';
import type { RelayStatus } from '../../shared/contract';
import type { Language } from '../../shared/domain/settings';
import type { RelayControl, RelayCoreEvents } from '../core/types';
import type { Logger } from '../logs/types';
import { createDesktopAlerts, type DesktopAlert } from './desktop-alerts';

export interface NotificationDeps {
  relay: RelayControl;
  events: RelayCoreEvents;
  /** The UI language at start; later changes arrive as settings:changed. */
  initialLanguage: Promise<Language>;
  /** A click on a notification brings the window up. */
  showWindow(): void;
  logger: Logger;
}

/** Returns a dispose function. */
export function setupNotifications(deps: NotificationDeps): () => void {
  let language: Language = 'en';
  void deps.initialLanguage.then((value) => (language = value)).catch(() => undefined);
  const alerts = createDesktopAlerts(() => language);
  const show = (list: DesktopAlert[]): void => {
    if (list.length === 0 || !Notification.isSupported()) return;
    for (const alert of list) {
      try {
        const notification = new Notification({ title: alert.title, body: alert.body });
        notification.on('click', () => deps.showWindow());
        notification.show();
      } catch (error) {
        deps.logger.warn({ err: error }, 'showing a desktop notification failed');
      }
    }
  };
  // A start that already failed (autoStart on a taken port) is reported too.
  show(alerts.status(deps.relay.status()));
  const stops = [
    deps.events.on('relay:status', (status: RelayStatus) => show(alerts.status(status))),
    deps.events.on('accounts:changed', (accounts) => show(alerts.accounts(accounts))),
    deps.events.on('settings:changed', (view) => (language = view.ui.language)),
  ];
  return () => stops.forEach((stop) => stop());
}
