/**
 * The preload of the app's own windows (sandboxed, context-isolated). Bundled into one CommonJS
 * file (out/preload/index.cjs) because a sandboxed preload cannot load other modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { DESKTOP_BRIDGE_KEY } from '../renderer/lib/bridge-types';
import { createDesktopBridge } from './build-bridge';

const bridge = createDesktopBridge({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(channel, listener) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, bridge);
