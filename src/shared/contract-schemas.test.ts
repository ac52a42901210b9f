import { describe, expect, it } from 'vitest';
import { BRIDGE_METHODS } from './contract';
import { CONTRACT_SCHEMAS, getInputSchema } from './contract-schemas';

describe('contract schemas', () => {
  it('has a schema for every listed method and nothing else', () => {
    for (const [domain, methods] of Object.entries(BRIDGE_METHODS)) {
      for (const method of methods) expect(getInputSchema(domain, method), `${domain}.${method}`).not.toBeNull();
      expect(Object.keys(CONTRACT_SCHEMAS[domain as keyof typeof CONTRACT_SCHEMAS]).sort()).toEqual([...methods].sort());
    }
    expect(Object.keys(CONTRACT_SCHEMAS).sort()).toEqual(Object.keys(BRIDGE_METHODS).sort());
  });

  it('knows no method outside the contract, including prototype names', () => {
    expect(getInputSchema('accounts', 'drop')).toBeNull();
    expect(getInputSchema('accounts', 'constructor')).toBeNull();
    expect(getInputSchema('__proto__', 'toString')).toBeNull();
  });

  it('accepts a valid import and rejects an empty or unknown-field one', () => {
    const schema = CONTRACT_SCHEMAS.accounts.import;
    expect(schema.parse({ text: ' 123+abc ', region: 'intl' })).toEqual({ text: '123+abc', region: 'intl' });
    expect(schema.safeParse({ text: '   ' }).success).toBe(false);
    expect(schema.safeParse({ text: 'x', extra: 1 }).success).toBe(false);
    expect(schema.safeParse({ text: 'x', region: 'mars' }).success).toBe(false);
  });

  it('treats methods without input as taking undefined only', () => {
    expect(CONTRACT_SCHEMAS.accounts.list.safeParse(undefined).success).toBe(true);
    expect(CONTRACT_SCHEMAS.accounts.list.safeParse({ a: 1 }).success).toBe(false);
  });

  it('parses a settings patch without filling in defaults for fields not given', () => {
    const patch = CONTRACT_SCHEMAS.settings.update.parse({ server: { port: 9000 } });
    expect(patch).toEqual({ server: { port: 9000 } });
    expect(CONTRACT_SCHEMAS.settings.update.safeParse({ server: { port: 70_000 } }).success).toBe(false);
    expect(CONTRACT_SCHEMAS.settings.update.safeParse({ apiKeys: [] }).success).toBe(false);
    expect(CONTRACT_SCHEMAS.settings.update.safeParse({ upstream: { cnBaseUrl: 'not a url' } }).success).toBe(false);
  });

  it('validates mapping input and log queries', () => {
    expect(CONTRACT_SCHEMAS.models.addMapping.safeParse({ pattern: 'gpt-*', target: 'MiniMax-M2.7', accountId: null }).success).toBe(true);
    expect(CONTRACT_SCHEMAS.models.addMapping.safeParse({ pattern: '', target: 'MiniMax-M2.7', accountId: null }).success).toBe(false);
    expect(CONTRACT_SCHEMAS.logs.query.safeParse({ status: 'error', limit: 50 }).success).toBe(true);
    expect(CONTRACT_SCHEMAS.logs.query.safeParse({ limit: 0 }).success).toBe(false);
  });
});
