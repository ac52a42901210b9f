import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalLink, isPermissionAllowed } from './url-policy';

describe('isExternalLink', () => {
  it('opens only http(s) links in the system browser', () => {
    expect(isExternalLink('https://example.com/docs')).toBe(true);
    expect(isExternalLink('http://127.0.0.1:8000/v1/models')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-settings:', 'not a url', 'https://user:pw@example.com']) {
      expect(isExternalLink(url)).toBe(false);
    }
  });
});

describe('isAppUrl', () => {
  const packaged = { entryUrl: 'file:///opt/MiniMax%20Relay/resources/app.asar/out/renderer/index.html' };
  const dev = { entryUrl: 'http://localhost:5173/' };

  it('accepts the renderer and its hash routes', () => {
    expect(isAppUrl('file:///opt/MiniMax%20Relay/resources/app.asar/out/renderer/index.html#/logs', packaged)).toBe(true);
    expect(isAppUrl('http://localhost:5173/#/accounts', dev)).toBe(true);
  });

  it('trusts app://relay and nothing else on a custom scheme', () => {
    const app = { entryUrl: 'app://relay/index.html' };
    expect(isAppUrl('app://relay/index.html#/settings', app)).toBe(true);
    expect(isAppUrl('app://other/index.html', app)).toBe(false);
    expect(isAppUrl('evil://relay/index.html', app)).toBe(false);
    expect(isAppUrl('https://relay/index.html', app)).toBe(false);
  });

  it('refuses other files, other origins and remote pages', () => {
    expect(isAppUrl('file:///home/user/evil.html', packaged)).toBe(false);
    expect(isAppUrl('file:///opt/MiniMax%20Relay/resources/app.asar/out/renderer/../../x.html', packaged)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://agent.minimaxi.com/', dev)).toBe(false);
    expect(isAppUrl('garbage', dev)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  const app = { entryUrl: 'app://relay/index.html' };

  it('lets our own page write to the clipboard and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://relay/index.html#/accounts', app)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://relay', app)).toBe(true);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(isPermissionAllowed(permission, 'app://relay/index.html', app)).toBe(false);
    }
  });

  it('gives remote pages nothing', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://agent.minimaxi.com/', app)).toBe(false);
  });
});
