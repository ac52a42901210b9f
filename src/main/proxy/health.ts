import type { RequestHandler } from 'express';
import type { AccountPool } from '../accounts/types';

/** `GET /health`: liveness plus pool counts (no account ids, labels or credentials). */
export function healthRoute(deps: { pool: AccountPool; version: string; now: () => number; startedAt: number }): RequestHandler {
  return (_req, res) => {
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
