import { describe, expect, it } from 'vitest';
import { reasonDetail, reasonFromDetail } from './upstream-reason';

describe('upstream reason codes', () => {
  it('travel in a flat error detail and come back with their parameters', () => {
    const detail = { endpoint: '/p', ...reasonDetail('agent_token_refused', { status: 401, body: 'empty' }) };
    expect(Object.values(detail).every((value) => typeof value === 'string')).toBe(true);
    expect(reasonFromDetail(detail)).toEqual({ code: 'agent_token_refused', params: { status: 401, body: 'empty' } });
  });

  it('reads parameters given as an object, and ignores damaged ones', () => {
    expect(reasonFromDetail({ reasonCode: 'open_wrong_region', reasonParams: { region: 'intl' } })).toEqual({ code: 'open_wrong_region', params: { region: 'intl' } });
    expect(reasonFromDetail({ reasonCode: 'agent_busy', reasonParams: '{not json' })).toEqual({ code: 'agent_busy', params: {} });
    expect(reasonFromDetail({ reasonCode: 'agent_busy', reasonParams: '{"x":{"nested":1}}' })).toEqual({ code: 'agent_busy', params: {} });
  });

  it('is null without a code, and keeps a code it does not know as text', () => {
    expect(reasonFromDetail(undefined)).toBeNull();
    expect(reasonFromDetail({ endpoint: '/p' })).toBeNull();
    expect(reasonFromDetail({ reasonCode: 'from_a_newer_version' })).toEqual({ code: 'from_a_newer_version', params: {} });
  });
});
