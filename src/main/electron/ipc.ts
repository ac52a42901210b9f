/**
 * Registers the contract over IPC: one `ipcMain.handle` per method (from ipc-handlers.ts), each
 * behind the sender check, and forwards the core's events to our windows only.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { BRIDGE_EVENTS, type BridgeApi, type BridgeResult } from '../../shared/contract';
import type { Logger } from '../logs/types';
import type { RelayCoreEvents } from '../core/types';
import { toEventChannel } from './ipc-channels';
import { createIpcHandlers, listIpcHandlers } from './ipc-handlers';
import { isTrustedSender, type IpcSenderInfo } from './sender-check';
import type { WindowRegistry } from './windows';

const FORBIDDEN: BridgeResult<never> = { ok: false, error: { code: 'forbidden', message: 'This window may not call the app.' } };

function toSenderInfo(event: IpcMainInvokeEvent): IpcSenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    // By structure, not identity: the top frame is the one without a parent.
    isMainFrame: frame !== null && frame.parent === null,
  };
}

export interface IpcDeps {
  services: BridgeApi;
  events: RelayCoreEvents;
  windows: WindowRegistry;
  logger: Logger;
}

/** Returns a teardown that removes the handlers and event forwarding. */
export function setupIpc(deps: IpcDeps): () => void {
  const table = createIpcHandlers(deps.services, {
    onUnexpectedError: (error, where) => deps.logger.error({ err: error, where }, 'unexpected error in an IPC call'),
  });
  const entries = listIpcHandlers(table);
  for (const entry of entries) {
    ipcMain.handle(entry.channel, (event, input: unknown) => {
      if (!isTrustedSender(toSenderInfo(event), deps.windows.trusted())) {
        deps.logger.warn({ channel: entry.channel, url: event.senderFrame?.url ?? null }, 'refused an IPC call from an untrusted sender');
        return FORBIDDEN;
      }
      return entry.handle(input);
    });
  }
  const unsubscribers = BRIDGE_EVENTS.map((name) =>
    deps.events.on(name, (payload) => deps.windows.broadcast(toEventChannel(name), payload)),
  );
  return () => {
    for (const entry of entries) ipcMain.removeHandler(entry.channel);
    for (const off of unsubscribers) off();
  };
}
