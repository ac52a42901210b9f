/**
 * The HTTP transport of BridgeApi for the web UI (headless host), mounted on the relay's own
 * listener: `POST /api/<domain>/<method>` → BridgeResult JSON, `GET /api/events` → SSE. Guards, in
 * order: loopback peer only, loopback Host header (DNS rebinding), same-site only, a token present
 * (401 otherwise, not counted), the admin token: right passes at once, wrong ones go through the
 * global attempt gate (401, later 429 after a backoff).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { BridgeApi } from '../../shared/contract';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import type { RelayCoreEvents } from '../core/types';
import type { Logger } from '../logs/types';
import { isLoopbackHost, parseHostHeader } from '../proxy';
import { createAttemptGate, readBearer, verifyAdminToken, type AttemptGateOptions } from './admin-auth';
import { callBridgeMethod } from './call-method';
import { streamEvents } from './events-stream';
import { isLoopbackAddress, socketPeer } from './peer';
import { sameSiteGuard } from './same-site';

export interface ManagementDeps {
  services: BridgeApi;
  events: RelayCoreEvents;
  /** SHA-256 hex of the admin token; read per request so a rotation applies at once. */
  adminTokenHash(): string | null;
  logger: Logger;
  now?: () => number;
  /** The TCP peer of a request (tests inject a remote address). */
  peerAddress?: (req: Request) => string | undefined;
  /** Wrong tokens (from all peers together) answered 401 at once before the backoff starts (default 10). */
  failureLimit?: number;
  /** Backoff timing of wrong tokens (tests shorten it). */
  attemptBackoff?: Pick<AttemptGateOptions, 'baseDelayMs' | 'maxDelayMs' | 'maxWaiting' | 'sleep'>;
  heartbeatMs?: number;
  /** Body limit of a call (a backup restore carries a whole file). */
  bodyLimit?: string;
}

function reject(res: Response, status: number, error: ErrorInfo): void {
  res.status(status).json({ ok: false, error });
}

/** Refuses non-loopback peers and non-loopback Host headers; shared with the static UI. */
export function loopbackGuard(peerAddress: (req: Request) => string | undefined = socketPeer) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isLoopbackAddress(peerAddress(req))) {
      reject(res, 403, { code: 'forbidden', message: 'The management API answers only on this computer (loopback).' });
      return;
    }
    const host = parseHostHeader(req.headers.host ?? '');
    if (!host || !isLoopbackHost(host.name)) {
      reject(res, 403, { code: 'forbidden', message: 'Host header not allowed: use 127.0.0.1 or localhost (DNS-rebinding protection).' });
      return;
    }
    next();
  };
}

export function createManagementRouter(deps: ManagementDeps): Router {
  const now = deps.now ?? Date.now;
  const peerAddress = deps.peerAddress ?? socketPeer;
  const gate = createAttemptGate({ freeFailures: deps.failureLimit ?? 10, now, ...deps.attemptBackoff });
  const router = express.Router();

  router.use(loopbackGuard(peerAddress));
  router.use(sameSiteGuard());
  router.use((req, res, next) => {
    const token = readBearer(req.headers.authorization);
    const hash = deps.adminTokenHash();
    if (!token || !hash) {
      reject(res, 401, { code: 'unauthorized', message: 'Missing admin token (Authorization: Bearer <token>).' });
      return;
    }
    gate.attempt(() => verifyAdminToken(token, hash)).then(
      (result) => {
        if (result === 'ok') {
          next();
          return;
        }
        if (result === 'wrong') {
          reject(res, 401, { code: 'unauthorized', message: 'Wrong admin token (Authorization: Bearer <token>).' });
          return;
        }
        res.setHeader('Retry-After', String(gate.retryAfterSec()));
        reject(res, 429, { code: 'rate_limited', message: 'Too many wrong admin tokens: wrong ones are now answered slowly. Use the admin token the relay printed (the right one is never held back).' });
      },
      (error: unknown) => next(error),
    );
  });

  router.get('/events', (req, res) => streamEvents(req, res, deps.events, deps.heartbeatMs ?? 15_000));
  router.post('/:domain/:method', express.json({ limit: deps.bodyLimit ?? '50mb', strict: false }), async (req, res) => {
    const { domain, method } = req.params as { domain: string; method: string };
    const outcome = await callBridgeMethod(deps.services, domain, method, req.body, deps.logger);
    res.status(outcome.status).json(outcome.body);
  });
  router.use((_req: Request, res: Response) => reject(res, 404, { code: 'not_found', message: 'Unknown management endpoint.' }));
  // Body parser failures (bad JSON, too large) still answer with a BridgeResult.
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') reject(res, 413, { code: 'payload_too_large', message: 'The request body is too large.' });
    else if (type === 'entity.parse.failed') reject(res, 400, { code: 'invalid_json', message: 'The request body is not valid JSON.' });
    else {
      const info = toErrorInfo(error);
      if (info.code === 'internal') deps.logger.error({ err: error }, 'management request failed');
      reject(res, info.code === 'internal' ? 500 : info.code === 'payload_too_large' ? 413 : 400, info);
    }
  });
  return router;
}
