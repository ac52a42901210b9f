import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender-check';

const trusted = { webContentsIds: new Set([1]), app: { entryUrl: 'file:///app/out/renderer/index.html' } };
const ok = { webContentsId: 1, frameUrl: 'file:///app/out/renderer/index.html#/', isMainFrame: true };

describe('isTrustedSender', () => {
  it('accepts the main frame of our own window showing our page', () => {
    expect(isTrustedSender(ok, trusted)).toBe(true);
  });

  it('rejects other webContents (e.g. the login window), iframes, foreign pages and gone frames', () => {
    expect(isTrustedSender({ ...ok, webContentsId: 2 }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ok, isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://agent.minimaxi.com/' }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, trusted)).toBe(false);
  });
});
