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
}

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
  const server = createServer(fastLane ? (req, res) => fastLane(req, res) || app(req, res) : app);
  // Long replies stream for minutes; Node's default request timeout would cut them off.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
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
