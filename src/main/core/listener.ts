/**
 * The relay's listener and its state (RelayStatus). Desktop: stop() closes the socket. Web host:
 * the management API and the UI live on the same listener, so stop() only pauses the proxy routes
 * (they answer 503) and start() resumes them. A host/port change starts the new listener before the
 * old one goes, so a failure leaves the relay where it was.
 */
import type { RelayStatus } from '../../shared/contract';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import type { AccountPool } from '../accounts/types';
import type { Logger } from '../logs/types';
import { startRelayServer, type RelayHandler, type RelayServer } from '../proxy';
import type { EventBus } from '../services/event-bus';
import type { RelayController } from '../services/types';

export interface ListenerDeps {
  handler: RelayHandler;
  /** Where to listen now (settings, or the command line's override). */
  address(): { host: string; port: number };
  apiKeysConfigured(): boolean;
  host: 'desktop' | 'web';
  pool: Pick<AccountPool, 'health'>;
  events: EventBus;
  logger: Logger;
  now(): number;
  /** The old listener keeps serving the request that moved it for this long (its reply). */
  retireGraceMs?: number;
}

export interface RelayListener extends RelayController {
  /** True while the proxy routes should refuse requests (web host, stopped). */
  isPaused(): boolean;
  close(): Promise<void>;
}

export function createRelayListener(deps: ListenerDeps): RelayListener {
  let server: RelayServer | null = null;
  let paused = false;
  let startedAt: number | null = null;
  let error: ErrorInfo | null = null;
  const retiring = new Set<Promise<void>>();

  function status(): RelayStatus {
    const address = deps.address();
    const running = server !== null && !paused;
    return {
      running,
      host: address.host,
      port: server?.port ?? address.port,
      baseUrl: running && server ? server.url : null,
      uiUrl: deps.host === 'web' && server ? `${server.url}/ui/` : null,
      startedAt: running ? startedAt : null,
      pool: deps.pool.health(),
      error,
    };
  }

  function changed(): RelayStatus {
    const current = status();
    deps.events.emit('relay:status', current);
    return current;
  }

  async function listen(): Promise<RelayServer | null> {
    const address = deps.address();
    try {
      const next = await startRelayServer(deps.handler, { ...address, apiKeysConfigured: deps.apiKeysConfigured() });
      error = null;
      deps.logger.info({ url: next.url }, 'relay listening');
      return next;
    } catch (caught) {
      error = toErrorInfo(caught);
      deps.logger.warn({ err: caught, ...address }, 'relay could not listen');
      return null;
    }
  }

  function retire(old: RelayServer): void {
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => void old.close().then(resolve), deps.retireGraceMs ?? 1_000);
      timer.unref();
    });
    retiring.add(done);
    void done.then(() => retiring.delete(done));
  }

  return {
    status,
    isPaused: () => paused,
    async start() {
      paused = false;
      if (!server) {
        server = await listen();
        if (server) startedAt = deps.now();
      } else if (startedAt === null) {
        startedAt = deps.now();
      }
      return changed();
    },
    async stop() {
      if (deps.host === 'web') {
        paused = true;
        startedAt = null;
        return changed();
      }
      const old = server;
      server = null;
      startedAt = null;
      await old?.close();
      return changed();
    },
    async restart() {
      if (!server) return changed();
      const next = await listen();
      if (!next) return changed();
      const old = server;
      server = next;
      startedAt = deps.now();
      retire(old);
      return changed();
    },
    async close() {
      const old = server;
      server = null;
      await old?.close();
      await Promise.all([...retiring]);
    },
  };
}
