import type { Request, RequestHandler } from 'express';
import type { AccountPool } from '../accounts/types';
import { isLoopbackAddress } from '../management/peer';

/**
 * `GET /health`: liveness plus pool counts (no account ids, labels or credentials) for callers on
 * this computer. A caller from the network (the relay listens beyond loopback only with client
 * API keys) learns only that the relay is alive: version and pool counts would help it pick an
 * attack or a moment.
 */
export function healthRoute(deps: {
  pool: AccountPool;
  version: string;
  now: () => number;
  startedAt: number;
  peerAddress?: (req: Request) => string | undefined;
}): RequestHandler {
  const peerAddress = deps.peerAddress ?? ((req: Request) => req.socket.remoteAddress);
  return (req, res) => {
    if (!isLoopbackAddress(peerAddress(req))) {
      res.json({ status: 'ok' });
      return;
    }
    const pool = deps.pool.health();
    const usable = pool.byStatus.active ?? 0;
    res.json({
      status: usable > 0 ? 'ok' : 'degraded',
      version: deps.version,
      uptimeSec: Math.floor((deps.now() - deps.startedAt) / 1000),
      pool,
    });
  };
}
