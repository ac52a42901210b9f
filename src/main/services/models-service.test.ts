import { describe, expect, it } from 'vitest';
import { createModelResolver } from '../models/model-resolver';
import { createModelsService } from './models-service';
import { createServiceFixture } from './__test__/test-support';

function setup() {
  const fixture = createServiceFixture();
  const resolver = createModelResolver({ getMappings: () => fixture.store.listMappings(), getSettings: () => fixture.store.getSettings() });
  return { ...fixture, service: createModelsService({ resolver, store: fixture.store, now: fixture.now }) };
}

describe('models service', () => {
  it('adds a wildcard alias that explain() then uses', async () => {
    const { service } = setup();
    const mapping = await service.addMapping({ pattern: 'gpt-*', target: 'MiniMax-M2.5', accountId: null });
    expect(await service.listMappings()).toEqual([mapping]);
    const resolution = await service.explain({ name: 'gpt-4o' });
    expect(resolution).toMatchObject({ model: 'MiniMax-M2.5', via: 'wildcard', mappingId: mapping.id });
  });

  it('refuses a target outside the catalog, a duplicate pattern, a catalog name and a missing pinned account', async () => {
    const { service } = setup();
    await expect(service.addMapping({ pattern: 'gpt-4', target: 'gpt-5', accountId: null })).rejects.toMatchObject({ code: 'invalid_request', detail: { field: 'target' } });
    await service.addMapping({ pattern: 'claude-*', target: 'MiniMax-M2.7', accountId: null });
    await expect(service.addMapping({ pattern: 'CLAUDE-*', target: 'MiniMax-M2.5', accountId: null })).rejects.toMatchObject({ detail: { field: 'pattern' } });
    await expect(service.addMapping({ pattern: 'MiniMax-M2.7', target: 'MiniMax-M2.5', accountId: null })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(service.addMapping({ pattern: 'x', target: 'MiniMax-M2.5', accountId: 'nobody' })).rejects.toMatchObject({ code: 'account_not_found' });
    await expect(service.addMapping({ pattern: 'bad name', target: 'MiniMax-M2.5', accountId: null })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('updates and removes an alias, and says not_found for an unknown one', async () => {
    const { service } = setup();
    const mapping = await service.addMapping({ pattern: 'my-model', target: 'MiniMax-M2.7', accountId: null });
    const updated = await service.updateMapping({ id: mapping.id, pattern: 'my-model', target: 'MiniMax-M2.5-Think', accountId: null });
    expect(updated).toMatchObject({ id: mapping.id, target: 'MiniMax-M2.5-Think', createdAt: mapping.createdAt });
    expect(await service.explain({ name: 'my-model' })).toMatchObject({ model: 'MiniMax-M2.5-Think', thinking: true, via: 'alias' });
    await service.removeMapping({ id: mapping.id });
    expect(await service.listMappings()).toEqual([]);
    await expect(service.removeMapping({ id: mapping.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.updateMapping({ id: 'nope', pattern: 'a', target: 'MiniMax-M2.7', accountId: null })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists the catalog with its variants', async () => {
    const { service } = setup();
    const ids = (await service.catalog()).map((model) => model.id);
    expect(ids).toContain('MiniMax-M2.7');
    expect(ids).toContain('MiniMax-M2.7-Think-Search');
  });
});
