import { describe, expect, it } from 'vitest';
import { BRIDGE_METHODS, type BridgeResult } from '../../shared/contract';
import { createApi, createDesktopTransport, type EventHandler, type Transport } from './api';
import { ApiError } from './api-error';
import type { DesktopBridge } from './bridge-types';

function recordingTransport(answer: (domain: string, method: string, input: unknown) => BridgeResult<unknown>) {
  const calls: { domain: string; method: string; input: unknown }[] = [];
  let deliver: EventHandler | null = null;
  const transport: Transport = {
    call: async (domain, method, input) => {
      calls.push({ domain, method, input });
      return answer(domain, method, input);
    },
    subscribe(onEvent, onState) {
      deliver = onEvent;
      onState('open');
      return () => {
        deliver = null;
      };
    },
  };
  return { transport, calls, push: (...args: Parameters<EventHandler>) => deliver?.(...args) };
}

describe('createApi', () => {
  it('exposes every contract method and sends the input to the transport', async () => {
    const { transport, calls } = recordingTransport(() => ({ ok: true, value: 'ok' }));
    const api = createApi(transport);
    for (const [domain, methods] of Object.entries(BRIDGE_METHODS)) {
      for (const method of methods) expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[domain]?.[method]).toBe('function');
    }
    await api.accounts.import({ text: 'abc' });
    expect(calls).toEqual([{ domain: 'accounts', method: 'import', input: { text: 'abc' } }]);
  });

  it('unwraps values and throws ApiError with the code and detail of a failure', async () => {
    const { transport } = recordingTransport((_d, method) =>
      method === 'list' ? { ok: true, value: [] } : { ok: false, error: { code: 'no_account', message: 'none left', detail: { queued: 3 } } },
    );
    const api = createApi(transport);
    await expect(api.accounts.list()).resolves.toEqual([]);
    const error = await api.relay.testRequest({ dialect: 'openai' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'no_account', message: 'none left', detail: { queued: 3 } });
  });

  it('delivers pushed events to listeners until they unsubscribe', () => {
    const { transport, push } = recordingTransport(() => ({ ok: true, value: null }));
    const api = createApi(transport);
    const seen: number[] = [];
    const stop = api.on('accounts:changed', (accounts) => seen.push(accounts.length));
    push('accounts:changed', []);
    stop();
    push('accounts:changed', []);
    expect(seen).toEqual([0]);
  });
});

describe('createDesktopTransport', () => {
  it('calls the preload method and subscribes to every event', async () => {
    const subscribed: string[] = [];
    const bridge = {
      accounts: { list: async () => ({ ok: true, value: ['x'] }) },
      on: (event: string) => {
        subscribed.push(event);
        return () => undefined;
      },
    } as unknown as DesktopBridge;
    const api = createApi(createDesktopTransport(bridge));
    await expect(api.accounts.list()).resolves.toEqual(['x']);
    api.on('progress', () => undefined);
    expect(subscribed).toContain('logs:entry');
    await expect(api.logs.clear()).rejects.toMatchObject({ code: 'internal' });
  });
});
