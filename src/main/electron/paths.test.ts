import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDesktopPaths } from './paths';

const defaults = { userData: '/home/u/.config/MiniMax Relay', mainDir: '/app/out/main' };

describe('resolveDesktopPaths', () => {
  it('uses userData unless MINIMAX_RELAY_DATA_DIR overrides it', () => {
    expect(resolveDesktopPaths({}, defaults)).toMatchObject({ dataDir: defaults.userData, overridden: false, devServerUrl: null });
    expect(resolveDesktopPaths({ MINIMAX_RELAY_DATA_DIR: 'tmp/run-1' }, defaults)).toMatchObject({ dataDir: path.resolve('tmp/run-1'), overridden: true });
  });

  it('finds the single-file preload and the renderer beside the main bundle', () => {
    const paths = resolveDesktopPaths({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, defaults);
    expect(paths.preloadPath).toBe(path.join('/app/out/preload/index.cjs'));
    expect(paths.rendererDir).toBe(path.join('/app/out/renderer'));
    expect(paths.devServerUrl).toBe('http://localhost:5173');
  });
});
