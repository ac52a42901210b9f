import { describe, expect, it } from 'vitest';
import { createFakeApi, makeLogEntry } from '../lib/__test__/fake-api';
import { createLogsStore } from './logs-store';

function manualScheduler() {
  const queue: (() => void)[] = [];
  return { schedule: (fn: () => void) => void queue.push(fn), flush: () => queue.splice(0).forEach((fn) => fn()) };
}

describe('logs store', () => {
  it('loads newest-first entries and keeps them oldest-first', async () => {
    const api = createFakeApi();
    api.logs.query = async () => [makeLogEntry({ id: 'new', time: 2 }), makeLogEntry({ id: 'old', time: 1 })];
    const store = createLogsStore(api);
    await store.getState().load();
    expect(store.getState().entries.map((e) => e.id)).toEqual(['old', 'new']);
  });

  it('batches pushed entries and updates an entry in place when it changes', () => {
    const api = createFakeApi();
    const clock = manualScheduler();
    const store = createLogsStore(api, { schedule: clock.schedule });
    store.getState().init();
    api.emit('logs:entry', makeLogEntry({ id: 'r1', status: 'pending' }));
    api.emit('logs:entry', makeLogEntry({ id: 'r2', status: 'pending' }));
    expect(store.getState().entries).toHaveLength(0);
    clock.flush();
    expect(store.getState().entries.map((e) => e.id)).toEqual(['r1', 'r2']);
    api.emit('logs:entry', makeLogEntry({ id: 'r1', status: 'success' }));
    clock.flush();
    expect(store.getState().entries.map((e) => [e.id, e.status])).toEqual([
      ['r1', 'success'],
      ['r2', 'pending'],
    ]);
  });

  it('shows the full entry of the selection and keeps it current as updates arrive', async () => {
    const api = createFakeApi();
    const entry = makeLogEntry({ id: 'r1', status: 'streaming' });
    api.logs.get = async () => ({ ...entry, requestBody: '{"model":"x"}' });
    const store = createLogsStore(api, { schedule: (fn) => fn() });
    store.getState().init();
    store.getState().ingest([entry]);
    await store.getState().select('r1');
    expect(store.getState().detail?.requestBody).toBe('{"model":"x"}');
    api.emit('logs:entry', { ...entry, status: 'success' });
    expect(store.getState().detail).toMatchObject({ status: 'success', requestBody: '{"model":"x"}' });
  });

  it('exports with the active filters and reports failures with their code', async () => {
    const api = createFakeApi();
    const queries: unknown[] = [];
    api.logs.export = async (query) => {
      queries.push(query);
      return '{"id":"a"}\n';
    };
    const store = createLogsStore(api);
    store.getState().setFilters({ status: 'error', dialect: 'gemini', text: ' busy ' });
    await expect(store.getState().exportJsonl()).resolves.toBe('{"id":"a"}\n');
    expect(queries).toEqual([{ status: 'error', dialect: 'gemini', text: 'busy' }]);
    api.logs.export = async () => {
      throw Object.assign(new Error('x'), { code: 'internal' });
    };
    await expect(store.getState().exportJsonl()).resolves.toBeNull();
    expect(store.getState().error?.code).toBe('internal');
  });
});
