import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-error';
import { createFakeApi, makeLogEntry } from '../lib/__test__/fake-api';
import { createRelayStore } from './relay-store';

describe('relay store', () => {
  it('loads info, status and stats, and follows status and connection events', async () => {
    const api = createFakeApi();
    const store = createRelayStore(api);
    store.getState().init();
    await store.getState().load();
    expect(store.getState().status?.running).toBe(true);
    expect(store.getState().info?.host).toBe('web');
    api.emit('relay:status', { ...store.getState().status!, running: false });
    expect(store.getState().status?.running).toBe(false);
    api.setConnection('reconnecting');
    expect(store.getState().connection).toBe('reconnecting');
  });

  it('refreshes stats at most once per throttle window while entries arrive', async () => {
    const api = createFakeApi();
    const timers: (() => void)[] = [];
    const store = createRelayStore(api, { setTimer: (fn) => void timers.push(fn) });
    store.getState().init();
    for (let i = 0; i < 5; i += 1) api.emit('logs:entry', makeLogEntry());
    expect(timers).toHaveLength(1);
    timers[0]?.();
    await expect.poll(() => api.calls.filter((c) => c === 'logs.stats').length).toBe(1);
    api.emit('logs:entry', makeLogEntry());
    expect(timers).toHaveLength(2);
  });

  it('keeps a test request result or error per dialect', async () => {
    const api = createFakeApi();
    api.relay.testRequest = async ({ dialect }) => {
      if (dialect === 'gemini') throw new ApiError({ code: 'no_account', message: 'no account' });
      return { dialect, ok: true, status: 200, text: 'pong', latencyMs: 12, error: null };
    };
    const store = createRelayStore(api);
    await store.getState().testRequest('openai');
    await store.getState().testRequest('gemini');
    expect(store.getState().testResults.openai?.text).toBe('pong');
    expect(store.getState().testErrors.gemini?.code).toBe('no_account');
    expect(store.getState().testing).toEqual({ openai: false, gemini: false });
  });
});
