/**
 * The one IPC choke point: a call is served only when it comes from one of our own windows'
 * webContents AND from the top frame showing our own page. An iframe, a navigated-away page or a
 * stray webContents (the login window shows remote content and has no preload) never reaches a
 * service. Electron-free so it is unit-tested.
 */
import { isAppUrl, type AppLocation } from './url-policy';

export interface IpcSenderInfo {
  webContentsId: number;
  /** URL of the frame that sent the message (null when the frame is gone). */
  frameUrl: string | null;
  /** Whether the sending frame is the top-level frame of its webContents. */
  isMainFrame: boolean;
}

export interface TrustedSenders {
  webContentsIds: ReadonlySet<number>;
  app: AppLocation;
}

export function isTrustedSender(sender: IpcSenderInfo, trusted: TrustedSenders): boolean {
  if (!trusted.webContentsIds.has(sender.webContentsId)) return false;
  if (!sender.isMainFrame || !sender.frameUrl) return false;
  return isAppUrl(sender.frameUrl, trusted.app);
}
