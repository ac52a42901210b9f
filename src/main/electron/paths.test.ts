import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDesktopOverrides, resolveDesktopPaths } from './paths';

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

describe('readDesktopOverrides', () => {
  it('reads the upstream URL and the port for this run', () => {
    expect(readDesktopOverrides({ MINIMAX_RELAY_AGENT_URL: ' http://127.0.0.1:8787 ', MINIMAX_RELAY_PORT: '0', MINIMAX_RELAY_LOG_LEVEL: 'warn' })).toEqual({
      agentBaseUrl: 'http://127.0.0.1:8787',
      serverPort: 0,
      logLevel: 'warn',
    });
  });

  it('ignores absent and invalid values', () => {
    expect(readDesktopOverrides({})).toEqual({ agentBaseUrl: null, serverPort: null, logLevel: 'info' });
    expect(readDesktopOverrides({ MINIMAX_RELAY_LOG_LEVEL: 'loud' }).logLevel).toBe('info');
    for (const port of ['-1', '70000', 'abc', '80.5']) expect(readDesktopOverrides({ MINIMAX_RELAY_PORT: port }).serverPort).toBeNull();
  });
});
