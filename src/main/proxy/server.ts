/** Listening: loopback unless client API keys protect the relay, and a close() that does not hang. */
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestListener } from 'node:http';
import { RelayError } from '../../shared/errors';
import type { FastLane } from './fast-lane';
import { isLoopbackHost } from './middleware/host-check';

export interface RelayServerOptions {
  host: string;
  port: number;
  apiKeysConfigured: boolean;
  /** Socket deadlines (tests shorten them); see REQUEST_TIMEOUTS. */
  timeouts?: Partial<typeof REQUEST_TIMEOUTS>;
}

/**
 * A client must send its headers within 30 s and its whole request (headers and body) within
 * 2 minutes, or it gets 408 and the socket is closed: a socket that never finishes its body would
 * otherwise stay open and hold its buffers. These deadlines end when the request is complete, so
 * a reply may stream for as long as it takes. Node checks them every `checkIntervalMs`.
 */
export const REQUEST_TIMEOUTS = { headersMs: 30_000, requestMs: 120_000, checkIntervalMs: 5_000 };

export interface RelayServer {
  url: string;
  port: number;
  /** Stops accepting, ends keep-alive and streaming connections, resolves when all are gone. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** A request handler, optionally with a shortcut tried first (ProxyApp.fastLane). */
export type RelayHandler = RequestListener & { flushPending?: () => void; fastLane?: FastLane };

export async function startRelayServer(app: RelayHandler, options: RelayServerOptions): Promise<RelayServer> {
  if (!isLoopbackHost(options.host) && !options.apiKeysConfigured) {
    throw new RelayError('forbidden', `Refusing to listen on ${options.host}: anyone on the network could use your accounts. Create a client API key first, or listen on 127.0.0.1.`);
  }
  const { fastLane } = app;
  const timeouts = { ...REQUEST_TIMEOUTS, ...options.timeouts };
  const server = createServer(
    { requestTimeout: timeouts.requestMs, headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
    fastLane ? (req, res) => fastLane(req, res) || app(req, res) : app,
  );
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const message = error.code === 'EADDRINUSE' ? `Port ${options.port} is already in use.` : `Cannot listen on ${options.host}:${options.port}: ${error.message}`;
      reject(new RelayError('forbidden', message, { errno: error.code ?? null }));
    };
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost(options.host)}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        app.flushPending?.();
        server.close(() => resolve());
        // Streams and keep-alive sockets would hold close() open until the client gives up.
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
