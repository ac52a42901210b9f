/**
 * The headless host: the relay, its management API and the web UI on one loopback listener,
 * configured by flags and environment variables (see --help). Output on stdout is for people
 * (where it listens, the UI link); logs go through the redacting logger on stderr.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRelayCore, type RelayCore } from './core';
import { formatBanner, formatImport } from './headless/banner';
import { resolveAdminToken } from './headless/admin-token';
import { HELP, parseHeadlessOptions, type HeadlessOptions } from './headless/cli-options';
import { readTokensFile, type TokensFile } from './headless/tokens-file';
import { runDoctor } from './headless/doctor';
import { exitOnSignals } from './headless/shutdown';
import { createLogger } from './logs/logger';
import type { Logger } from './logs/types';
import { mountManagement } from './management';
import { isRelayError, RelayError, toErrorInfo } from '../shared/errors';

const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;

/** src/main and out/main are both two levels below the project root. */
const ROOT = join(import.meta.dirname, '..', '..');

function readVersion(): string {
  try {
    return String((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: unknown }).version ?? '0.0.0');
  } catch {
    return '0.0.0';
  }
}

export interface HeadlessHandle {
  core: RelayCore;
  /** The UI link with the admin token, when the token is known to this run. */
  uiLink: string | null;
  close(): Promise<void>;
}

/**
 * Starts the headless host. With `handleSignals` (the CLI), SIGINT/SIGTERM close it and exit;
 * embedders (the demo) pass false and call close() themselves.
 */
export async function runHeadless(argv: readonly string[], env: NodeJS.ProcessEnv, handleSignals = true): Promise<HeadlessHandle | null> {
  if (argv[0] === 'doctor') {
    const logger = createLogger({ level: 'warn', destination: process.stderr, base: { host: 'doctor' } });
    await runDoctor(argv.slice(1), env, process.stdout, logger);
    return null;
  }
  const options = parseHeadlessOptions(argv, env);
  if (options.help) {
    process.stdout.write(HELP);
    return null;
  }
  const level = LOG_LEVELS.find((name) => name === env.MINIMAX_RELAY_LOG_LEVEL) ?? 'info';
  const logger = createLogger({ level, destination: process.stderr, base: { host: 'headless' } });
  // Read before anything starts: a missing file stops the start with its path named.
  const tokensFile = options.tokensFile ? readTokensFile(options.tokensFile) : null;
  const core = await createRelayCore({
    dataDir: options.dataDir,
    host: 'web',
    logger,
    version: readVersion(),
    env: {
      ...(options.agentBaseUrl ? { agentBaseUrl: options.agentBaseUrl } : {}),
      ...(options.openBaseUrl ? { openBaseUrl: options.openBaseUrl } : {}),
      extraApiKeys: options.apiKeys,
      ...(options.host !== undefined ? { serverHost: options.host } : {}),
      ...(options.port !== undefined ? { serverPort: options.port } : {}),
    },
    mountExtra(app, relay) {
      mountManagement(app, {
        services: relay.services,
        events: relay.events,
        adminTokenHash: () => relay.admin.tokenHash(),
        logger,
        rendererDir: join(ROOT, 'out', 'renderer'),
      });
    },
  });

  if (handleSignals) {
    exitOnSignals(
      () => {
        logger.info('shutting down');
        return core.close();
      },
      (error) => logger.error({ err: error }, 'shutdown failed'),
    );
  }

  const status = core.relay.status();
  if (status.error && !status.uiUrl) {
    await core.close();
    throw new RelayError(status.error.code, status.error.message, status.error.detail);
  }
  const adminToken = resolveAdminToken(core.admin, { envToken: options.adminToken, rotate: options.newAdminToken });
  await importStartTokens(core, options, tokensFile, logger);
  if (options.openKeys.length > 0) {
    const result = await core.services.accounts.import({ text: options.openKeys.join('\n'), provider: 'minimax-open' });
    process.stdout.write(formatImport(result, 'MINIMAX_RELAY_OPEN_KEYS'));
  }
  const finalStatus = core.relay.status();
  process.stdout.write(formatBanner(finalStatus, adminToken));
  const uiLink = adminToken.token && finalStatus.uiUrl ? `${finalStatus.uiUrl}#token=${encodeURIComponent(adminToken.token)}` : null;
  return { core, uiLink, close: () => core.close() };
}

/** MINIMAX_RELAY_TOKENS and MINIMAX_RELAY_TOKENS_FILE, checked with the upstream and imported in one go. */
async function importStartTokens(core: RelayCore, options: HeadlessOptions, file: TokensFile | null, logger: Logger): Promise<void> {
  if (file?.readableByOthers) logger.warn({ path: options.tokensFile }, 'MINIMAX_RELAY_TOKENS_FILE can be read by other users; chmod 600 it');
  const text = [...options.tokens, ...(file && file.text ? [file.text] : [])].join('\n');
  if (text === '') return;
  const sources = [options.tokens.length > 0 ? 'MINIMAX_RELAY_TOKENS' : null, file ? 'MINIMAX_RELAY_TOKENS_FILE' : null].filter(Boolean).join(' and ');
  process.stdout.write(formatImport(await core.services.accounts.import({ text }), sources));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runHeadless(process.argv.slice(2), process.env).catch((error: unknown) => {
    const message = isRelayError(error) || error instanceof Error ? error.message : toErrorInfo(error).message;
    process.stderr.write(`minimax-relay: ${message}\n`);
    process.exit(1);
  });
}
