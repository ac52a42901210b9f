import { describe, expect, it } from 'vitest';
import { BRIDGE_EVENTS, BRIDGE_METHODS, toChannel, type BridgeDomain } from '../shared/contract';
import { toEventChannel } from '../main/electron/ipc-channels';
import { createDesktopBridge, type BridgeTransport } from './build-bridge';

function fakeTransport() {
  const invoked: { channel: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: async (channel, input) => {
      invoked.push({ channel, input });
      return { ok: true, value: channel };
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, invoked, emit };
}

describe('createDesktopBridge', () => {
  it('exposes every contract method, each invoking its own channel', async () => {
    const { transport, invoked } = fakeTransport();
    const bridge = createDesktopBridge(transport) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    for (const domain of Object.keys(BRIDGE_METHODS) as BridgeDomain[]) {
      for (const method of BRIDGE_METHODS[domain] as readonly string[]) {
        const fn = bridge[domain]?.[method];
        expect(typeof fn, `${domain}.${method}`).toBe('function');
        await expect(fn?.({ n: 1 })).resolves.toEqual({ ok: true, value: toChannel(domain, method) });
      }
    }
    expect(invoked).toHaveLength(Object.values(BRIDGE_METHODS).flat().length);
  });

  it('has no generic invoke and nothing beyond the contract', () => {
    const bridge = createDesktopBridge(fakeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(BRIDGE_METHODS), 'on'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('delivers only the payload of contract events and unsubscribes', () => {
    const { transport, emit } = fakeTransport();
    const bridge = createDesktopBridge(transport);
    const seen: unknown[] = [];
    const off = bridge.on('relay:status', (status) => seen.push(status));
    emit(toEventChannel('relay:status'), { running: true });
    off();
    emit(toEventChannel('relay:status'), { running: false });
    expect(seen).toEqual([{ running: true }]);
    expect(BRIDGE_EVENTS.length).toBeGreaterThan(0);
  });

  it('refuses unknown event names (no access to other IPC channels)', () => {
    const bridge = createDesktopBridge(fakeTransport().transport);
    expect(() => bridge.on('electron-store-get-data' as never, () => {})).toThrow(/Unknown bridge event/);
  });

  it('resolves a transport failure to BridgeResult data', async () => {
    const bridge = createDesktopBridge({ invoke: () => Promise.reject(new Error('gone')), subscribe: () => () => {} });
    await expect(bridge.app.info()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
