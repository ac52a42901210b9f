import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, toContentType, toRendererFile } from './renderer-files';

const dir = path.resolve('/app/out/renderer');

describe('toRendererFile', () => {
  it('maps app:// URLs to files inside the renderer directory', () => {
    expect(toRendererFile(APP_ENTRY_URL, dir)).toBe(path.join(dir, 'index.html'));
    expect(toRendererFile('app://relay/', dir)).toBe(path.join(dir, 'index.html'));
    expect(toRendererFile('app://relay/assets/index-abc.js?v=1#x', dir)).toBe(path.join(dir, 'assets/index-abc.js'));
  });

  it('refuses traversal, other hosts and other schemes', () => {
    // The URL parser already folds literal dot segments, so they stay inside the directory.
    expect(toRendererFile('app://relay/../../etc/passwd', dir)).toBe(path.join(dir, 'etc/passwd'));
    expect(toRendererFile('app://relay/..%2f..%2fsecret.key', dir)).toBeNull();
    expect(toRendererFile('app://relay/assets/%00x.js', dir)).toBeNull();
    expect(toRendererFile('app://other/index.html', dir)).toBeNull();
    expect(toRendererFile('file:///app/out/renderer/index.html', dir)).toBeNull();
  });

  it('names the content type by extension', () => {
    expect(toContentType('a/index.html')).toBe('text/html; charset=utf-8');
    expect(toContentType('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(toContentType('a/blob')).toBe('application/octet-stream');
  });
});
