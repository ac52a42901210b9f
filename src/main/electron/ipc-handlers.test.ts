import { describe, expect, it } from 'vitest';
import { BRIDGE_METHODS, toChannel, type BridgeDomain } from '../../shared/contract';
import { RelayError } from '../../shared/errors';
import { createEchoServices } from './__test__/fake-services';
import { createIpcHandlers, listIpcHandlers } from './ipc-handlers';

const allMethods = (Object.keys(BRIDGE_METHODS) as BridgeDomain[]).flatMap((d) => (BRIDGE_METHODS[d] as readonly string[]).map((m) => [d, m] as const));

describe('createIpcHandlers', () => {
  it('has one handler per contract method, on the contract channel', () => {
    const entries = listIpcHandlers(createIpcHandlers(createEchoServices().services));
    expect(entries.map((e) => e.channel)).toEqual(allMethods.map(([d, m]) => toChannel(d, m)));
    expect(new Set(entries.map((e) => e.channel)).size).toBe(allMethods.length);
  });

  it('validates input before the service sees it', async () => {
    const { services, calls } = createEchoServices();
    const table = createIpcHandlers(services);
    const bad = await table.accounts.import({ text: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const extra = await table.accounts.remove({ id: 'a', sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(calls).toEqual([]);
    const good = await table.accounts.remove({ id: 'a' });
    expect(good).toEqual({ ok: true, value: { domain: 'accounts', method: 'remove', input: { id: 'a' } } });
  });

  it('answers methods without input and refuses input they do not take', async () => {
    const table = createIpcHandlers(createEchoServices().services);
    await expect(table.relay.status(undefined)).resolves.toMatchObject({ ok: true });
    await expect(table.relay.status({ x: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('turns a RelayError into its ErrorInfo and hides unexpected errors', async () => {
    const { services } = createEchoServices();
    const unexpected: string[] = [];
    services.accounts.validate = async () => {
      throw new RelayError('account_not_found', 'No such account.');
    };
    services.accounts.list = async () => {
      throw new Error('secret internals');
    };
    const table = createIpcHandlers(services, { onUnexpectedError: (_e, where) => unexpected.push(where) });
    await expect(table.accounts.validate({ id: 'x' })).resolves.toEqual({ ok: false, error: { code: 'account_not_found', message: 'No such account.' } });
    const hidden = await table.accounts.list(undefined);
    expect(hidden).toEqual({ ok: false, error: { code: 'internal', message: 'An unexpected error occurred.' } });
    expect(unexpected).toEqual(['accounts.list']);
  });
});
