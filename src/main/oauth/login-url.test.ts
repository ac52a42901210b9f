import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/domain/settings';
import { toLoginUrl, toRegionBaseUrl } from './login-url';

const upstream = defaultSettings().upstream;

describe('toLoginUrl', () => {
  it('follows the region base URL settings', () => {
    expect(toLoginUrl(upstream, 'cn')).toBe('https://agent.minimaxi.com/');
    expect(toLoginUrl(upstream, 'intl')).toBe('https://agent.minimax.io/');
    expect(toLoginUrl({ ...upstream, region: 'intl' })).toBe('https://agent.minimax.io/');
  });

  it('uses an overridden base URL (the simulator in tests)', () => {
    expect(toLoginUrl({ ...upstream, cnBaseUrl: 'http://127.0.0.1:8787/some/path' }, 'cn')).toBe('http://127.0.0.1:8787/');
    expect(toLoginUrl(upstream, 'intl', 'http://127.0.0.1:9999')).toBe('http://127.0.0.1:9999/');
  });

  it('refuses non-http base URLs', () => {
    expect(() => toRegionBaseUrl({ ...upstream, cnBaseUrl: 'file:///etc' }, 'cn')).toThrow(/http/);
    expect(() => toRegionBaseUrl(upstream, 'cn', 'not a url')).toThrow(/not a valid URL/);
  });
});
