import { describe, expect, it } from 'vitest';
import { DIALECT_IDS } from '../../../shared/domain/dialects';
import { DIALECT_MODULES, dialectModule } from './registry';

describe('dialect registry', () => {
  it('has one module per declared id, registered under its own id', () => {
    expect(DIALECT_MODULES.map((module) => module.id)).toEqual([...DIALECT_IDS]);
    for (const id of DIALECT_IDS) expect(dialectModule(id).id).toBe(id);
  });

  it('declares routes, path prefixes and a test request for every dialect', () => {
    for (const module of DIALECT_MODULES) {
      expect(module.routes.length).toBeGreaterThan(0);
      expect(module.pathPrefixes.length).toBeGreaterThan(0);
      const request = module.testRequest.build({ model: 'm', key: 'k', prompt: 'ping' });
      expect(module.routes.some((route) => request.path.startsWith(route.split(' ')[1]!.split('{')[0]!))).toBe(true);
      expect(JSON.stringify(request.headers)).toContain('k');
    }
  });

  it('claims no path prefix twice', () => {
    const prefixes = DIALECT_MODULES.flatMap((module) => module.pathPrefixes);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
