/**
 * The app's own windows (those that load our renderer with the preload). IPC trusts only these;
 * events are broadcast only to these. The login window is deliberately NOT registered.
 */
import type { BrowserWindow } from 'electron';
import type { TrustedSenders } from './sender-check';
import type { AppLocation } from './url-policy';

export interface WindowRegistry {
  readonly app: AppLocation;
  register(window: BrowserWindow): void;
  trusted(): TrustedSenders;
  broadcast(channel: string, payload: unknown): void;
  /** The main window, when one is open. */
  main(): BrowserWindow | null;
}

export function createWindowRegistry(app: AppLocation): WindowRegistry {
  const windows = new Set<BrowserWindow>();
  return {
    app,
    register(window) {
      windows.add(window);
      window.on('closed', () => windows.delete(window));
    },
    trusted() {
      const ids = new Set<number>();
      for (const window of windows) if (!window.isDestroyed()) ids.add(window.webContents.id);
      return { webContentsIds: ids, app };
    },
    broadcast(channel, payload) {
      for (const window of windows) {
        if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(channel, payload);
      }
    },
    main() {
      for (const window of windows) if (!window.isDestroyed()) return window;
      return null;
    },
  };
}
