import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/contract';
import { ApiError } from '../lib/api-error';
import { createFakeApi, makeAccount } from '../lib/__test__/fake-api';
import { createAccountsStore } from './accounts-store';

describe('accounts store', () => {
  it('loads accounts and follows accounts:changed events', async () => {
    const api = createFakeApi();
    const first = makeAccount({ label: 'first' });
    api.accounts.list = async () => [first];
    const store = createAccountsStore(api);
    store.getState().init();
    await store.getState().load();
    expect(store.getState().accounts.map((a) => a.label)).toEqual(['first']);
    api.emit('accounts:changed', [first, makeAccount({ label: 'second' })]);
    expect(store.getState().accounts.map((a) => a.label)).toEqual(['first', 'second']);
  });

  it('keeps per-line import results, then reloads the list', async () => {
    const api = createFakeApi();
    const added = makeAccount({ label: 'ok' });
    const result: ImportResult = {
      results: [
        { line: 1, input: 'eyJ…abc', ok: true, account: added, action: 'created', error: null },
        { line: 2, input: 'bad…', ok: false, account: null, action: null, error: { code: 'invalid_credential', message: 'not a token' } },
      ],
      created: 1,
      updated: 0,
      failed: 1,
    };
    api.accounts.import = async () => result;
    api.accounts.list = async () => [added];
    const store = createAccountsStore(api);
    await store.getState().importText('a\nb', 'intl');
    expect(store.getState().importResult).toEqual(result);
    expect(store.getState().accounts).toEqual([added]);
    expect(store.getState().importing).toBe(false);
  });

  it('imports API keys with their provider and key kind, and says which form the results belong to', async () => {
    const api = createFakeApi();
    const inputs: unknown[] = [];
    api.accounts.import = async (input) => {
      inputs.push(input);
      return { results: [], created: 0, updated: 0, failed: 0 };
    };
    const store = createAccountsStore(api);
    await store.getState().importText('sk-1', 'intl', { provider: 'minimax-open', keyKind: 'coding-plan' });
    expect(inputs).toEqual([{ text: 'sk-1', region: 'intl', provider: 'minimax-open', keyKind: 'coding-plan' }]);
    expect(store.getState().importProvider).toBe('minimax-open');
    await store.getState().importText('1+jwt');
    expect(store.getState().importProvider).toBeNull();
  });

  it('shows a row error with its code when an action on one account fails, and clears pending', async () => {
    const api = createFakeApi();
    const account = makeAccount();
    api.accounts.validate = async () => {
      throw new ApiError({ code: 'upstream_auth_expired', message: 'token expired' });
    };
    const store = createAccountsStore(api);
    const running = store.getState().validate(account.id);
    expect(store.getState().pending[account.id]).toBe('validate');
    await running;
    expect(store.getState().pending[account.id]).toBeUndefined();
    expect(store.getState().rowErrors[account.id]).toEqual({ code: 'upstream_auth_expired', message: 'token expired' });
  });

  it('updates one account in place after toggling, and drops it after removal', async () => {
    const api = createFakeApi();
    const a = makeAccount({ label: 'a' });
    const b = makeAccount({ label: 'b' });
    api.accounts.list = async () => [a, b];
    api.accounts.update = async (input) => ({ ...a, enabled: input.enabled ?? true, status: 'disabled' });
    const store = createAccountsStore(api);
    await store.getState().load();
    await store.getState().setEnabled(a.id, false);
    expect(store.getState().accounts[0]).toMatchObject({ id: a.id, enabled: false, status: 'disabled' });
    await store.getState().remove(a.id);
    expect(store.getState().accounts.map((x) => x.label)).toEqual(['b']);
  });

  it('tracks progress of long operations until they complete, and keeps cleanup counts', async () => {
    const api = createFakeApi();
    api.accounts.cleanupChats = async () => ({ deleted: 4, failed: 0, skipped: 1 });
    const store = createAccountsStore(api);
    store.getState().init();
    api.emit('progress', { taskId: 't', kind: 'cleanup', done: 2, total: 5, message: '' });
    expect(store.getState().progress.cleanup?.done).toBe(2);
    api.emit('progress', { taskId: 't', kind: 'cleanup', done: 5, total: 5, message: '' });
    expect(store.getState().progress.cleanup).toBeUndefined();
    await store.getState().cleanupChats('x');
    expect(store.getState().cleanupResults['x']).toEqual({ deleted: 4, failed: 0, skipped: 1 });
  });

  it('sets cookies on an account and says whether they were saved', async () => {
    const api = createFakeApi();
    const account = makeAccount({ label: 'web' });
    const sent: { id: string; cookies: string }[] = [];
    api.accounts.list = async () => [account];
    api.accounts.setCookies = async (input) => (sent.push(input), account);
    const store = createAccountsStore(api);
    await store.getState().load();
    await expect(store.getState().setCookies(account.id, 'a=b')).resolves.toBe(true);
    expect(sent).toEqual([{ id: account.id, cookies: 'a=b' }]);
    api.accounts.setCookies = async () => {
      throw new ApiError({ code: 'invalid_credential', message: 'not cookies' });
    };
    await expect(store.getState().setCookies(account.id, 'junk')).resolves.toBe(false);
    expect(store.getState().rowErrors[account.id]).toMatchObject({ code: 'invalid_credential' });
    expect(store.getState().pending[account.id]).toBeUndefined();
  });
});
