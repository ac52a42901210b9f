import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseHeadlessOptions } from './cli-options';

describe('headless options', () => {
  it('lets flags win over environment variables', () => {
    const options = parseHeadlessOptions(['--port', '9000', '--data-dir', '/data'], {
      MINIMAX_RELAY_PORT: '8001',
      MINIMAX_RELAY_HOST: '127.0.0.2',
      MINIMAX_RELAY_DATA_DIR: '/env-data',
    });
    expect(options).toMatchObject({ port: 9000, host: '127.0.0.2', dataDir: '/data', help: false });
  });

  it('leaves host and port to the stored settings when neither flag nor variable is given', () => {
    const options = parseHeadlessOptions([], { HOME: '/home/u' });
    expect(options.host).toBeUndefined();
    expect(options.port).toBeUndefined();
  });

  it('splits token and key lists on commas and newlines, ignoring blanks', () => {
    const options = parseHeadlessOptions([], { MINIMAX_RELAY_TOKENS: '1+a, 2+b,\n3+c,,', MINIMAX_RELAY_API_KEYS: 'k1,k2', MINIMAX_RELAY_ADMIN_TOKEN: 'adm-x' });
    expect(options.tokens).toEqual(['1+a', '2+b', '3+c']);
    expect(options.apiKeys).toEqual(['k1', 'k2']);
    expect(options.adminToken).toBe('adm-x');
    expect(options.tokensFile).toBeUndefined();
    const json = '{"realUserID":"1","token":"a.b.c","cookies":"x=1, 2; y=3"}';
    expect(parseHeadlessOptions([], { MINIMAX_RELAY_TOKENS: `2+d.e.f,3+g.h.i\n${json}` }).tokens).toEqual(['2+d.e.f', '3+g.h.i', json]);
    expect(parseHeadlessOptions([], { MINIMAX_RELAY_TOKENS_FILE: ' /run/secrets/tokens ' }).tokensFile).toBe('/run/secrets/tokens');
  });

  it('reads Open Platform keys (region prefixes kept for the import) and the Open Platform URL', () => {
    const options = parseHeadlessOptions([], { MINIMAX_RELAY_OPEN_KEYS: 'cn:sk-a, intl:sk-b\nsk-c', MINIMAX_RELAY_OPEN_URL: 'http://127.0.0.1:9' });
    expect(options.openKeys).toEqual(['cn:sk-a', 'intl:sk-b', 'sk-c']);
    expect(options.openBaseUrl).toBe('http://127.0.0.1:9');
  });

  it('rejects a bad port and an unknown flag with a message that points to --help', () => {
    expect(() => parseHeadlessOptions(['--port', 'eighty'], {})).toThrow(/not a port/);
    expect(() => parseHeadlessOptions([], { MINIMAX_RELAY_PORT: '70000' })).toThrow(/MINIMAX_RELAY_PORT/);
    expect(() => parseHeadlessOptions(['--bogus'], {})).toThrow(/--help/);
  });

  it('puts the data dir where each OS keeps app data', () => {
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/minimax-relay');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/minimax-relay');
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/minimax-relay');
    expect(defaultDataDir({ APPDATA: 'C:/Users/u/AppData/Roaming' }, 'win32', 'C:/Users/u')).toMatch(/Roaming[\\/]minimax-relay$/);
  });
});
