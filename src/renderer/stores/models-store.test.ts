import { describe, expect, it } from 'vitest';
import type { ModelResolution } from '../../shared/domain/model-mapping';
import { ApiError } from '../lib/api-error';
import { createFakeApi } from '../lib/__test__/fake-api';
import { createModelsStore } from './models-store';

const resolution = (requested: string): ModelResolution => ({ requested, model: 'MiniMax-M2.7', thinking: false, webSearch: false, via: 'wildcard', mappingId: 'm1', accountId: null, explanation: 'gpt-* → MiniMax-M2.7' });

describe('models store', () => {
  it('adds and updates aliases in the cached list', async () => {
    const api = createFakeApi();
    api.models.addMapping = async (input) => ({ ...input, id: 'm1', createdAt: 0 });
    api.models.updateMapping = async (input) => ({ ...input, createdAt: 0 });
    const store = createModelsStore(api);
    await store.getState().saveMapping({ pattern: 'gpt-*', target: 'MiniMax-M2.7', accountId: null });
    await store.getState().saveMapping({ pattern: 'gpt-*', target: 'MiniMax-M2.5', accountId: null }, 'm1');
    expect(store.getState().mappings).toEqual([{ id: 'm1', pattern: 'gpt-*', target: 'MiniMax-M2.5', accountId: null, createdAt: 0 }]);
  });

  it('keeps the editor error apart from load errors', async () => {
    const api = createFakeApi();
    api.models.addMapping = async () => {
      throw new ApiError({ code: 'invalid_request', message: 'target is not in the catalog' });
    };
    const store = createModelsStore(api);
    await expect(store.getState().saveMapping({ pattern: 'x', target: 'y', accountId: null })).resolves.toBe(false);
    expect(store.getState().editError?.code).toBe('invalid_request');
    expect(store.getState().error).toBeNull();
  });

  it('shows only the latest explanation when answers arrive out of order', async () => {
    const api = createFakeApi();
    const pending: ((r: ModelResolution) => void)[] = [];
    api.models.explain = ({ name }) => new Promise((resolve) => pending.push(() => resolve(resolution(name))));
    const store = createModelsStore(api);
    const first = store.getState().explain('gp');
    const second = store.getState().explain('gpt-4o');
    pending[1]?.(resolution('gpt-4o'));
    await second;
    pending[0]?.(resolution('gp'));
    await first;
    expect(store.getState().explanation?.requested).toBe('gpt-4o');
  });
});
