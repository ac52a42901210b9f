/**
 * The headless server's command line and environment. Flags win over environment variables, which
 * win over the stored settings.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RelayError } from '../../shared/errors';

export interface HeadlessOptions {
  help: boolean;
  host: string | undefined;
  port: number | undefined;
  dataDir: string;
  agentBaseUrl: string | undefined;
  tokens: string[];
  /** `MINIMAX_RELAY_TOKENS_FILE`: more credentials, one per line (JSON allowed). */
  tokensFile: string | undefined;
  /** Open Platform API keys (`sk-…`, optionally `cn:` / `intl:` prefixed) imported at start. */
  openKeys: string[];
  openBaseUrl: string | undefined;
  apiKeys: string[];
  adminToken: string | undefined;
  newAdminToken: boolean;
}

export const HELP = `Usage: minimax-relay [options]
       minimax-relay doctor [--account ID] [--data-dir DIR] [--json]

Runs the MiniMax Relay proxy, its management API and the web UI on one local port.
\`doctor\` diagnoses the stored web accounts against MiniMax and saves a report to share.

Options:
  --host <host>         Address to listen on        (env MINIMAX_RELAY_HOST, default 127.0.0.1)
  --port <port>         Port; 0 picks a free one    (env MINIMAX_RELAY_PORT, default 8000)
  --data-dir <dir>      Settings, accounts, logs    (env MINIMAX_RELAY_DATA_DIR, default: the OS data dir)
  --new-admin-token     Replace the management API token and print the new one
  -h, --help            Show this help

Environment:
  MINIMAX_RELAY_AGENT_URL    Upstream base URL for both regions (e.g. a local simulator)
  MINIMAX_RELAY_TOKENS       Comma-separated credentials (realUserID+token) imported at start
  MINIMAX_RELAY_TOKENS_FILE  File of credentials imported at start, one per line
                             (realUserID+token, a token, or {"realUserID","token","cookies"})
  MINIMAX_RELAY_OPEN_KEYS    Comma-separated Open Platform API keys (prefix cn: or intl:) imported at start
  MINIMAX_RELAY_OPEN_URL     Open Platform base URL for both regions (e.g. a local simulator)
  MINIMAX_RELAY_API_KEYS     Comma-separated client API keys accepted besides the stored ones
  MINIMAX_RELAY_ADMIN_TOKEN  Management API token (otherwise generated on first start)
`;

/** `~/.config/minimax-relay`, or the XDG / macOS / Windows equivalent. */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'minimax-relay');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'minimax-relay');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'minimax-relay');
}

function parsePort(value: string | undefined, source: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RelayError('invalid_request', `${source}: ${value} is not a port number (0-65535).`);
  return port;
}

const splitList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Like splitList, but a line holding a JSON credential stays whole (its cookies may contain commas). */
const splitCredentials = (value: string | undefined): string[] =>
  (value ?? '')
    .split('\n')
    .flatMap((line) => (line.trim().startsWith('{') ? [line] : line.split(',')))
    .map((item) => item.trim())
    .filter((item) => item !== '');

const FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'new-admin-token': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new RelayError('invalid_request', `${(error as Error).message} See --help.`);
  }
}

export function parseHeadlessOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HeadlessOptions {
  const values = parseFlags(argv);
  return {
    help: values.help === true,
    host: values.host ?? (env.MINIMAX_RELAY_HOST || undefined),
    port: parsePort(values.port, '--port') ?? parsePort(env.MINIMAX_RELAY_PORT, 'MINIMAX_RELAY_PORT'),
    dataDir: values['data-dir'] ?? (env.MINIMAX_RELAY_DATA_DIR || defaultDataDir(env)),
    agentBaseUrl: env.MINIMAX_RELAY_AGENT_URL || undefined,
    tokens: splitCredentials(env.MINIMAX_RELAY_TOKENS),
    tokensFile: env.MINIMAX_RELAY_TOKENS_FILE?.trim() || undefined,
    openKeys: splitList(env.MINIMAX_RELAY_OPEN_KEYS),
    openBaseUrl: env.MINIMAX_RELAY_OPEN_URL || undefined,
    apiKeys: splitList(env.MINIMAX_RELAY_API_KEYS),
    adminToken: env.MINIMAX_RELAY_ADMIN_TOKEN || undefined,
    newAdminToken: values['new-admin-token'] === true,
  };
}
