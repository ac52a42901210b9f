/**
 * The socket handler's shortcut for the read-only GETs (the model lists): a plain, authorized call
 * on the exact path is answered here, without the Express stack. Anything else (a query string, an
 * Origin header, a foreign Host, a missing or wrong key, another method) goes on to the router,
 * which runs the same checks and answers a refusal in the dialect's error shape. So the shortcut
 * adds no second way to refuse, and it only says yes where the router would say yes too.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Settings } from '../../shared/domain/settings';
import { checkApiKey, type ApiKeyUseTracker } from './middleware/api-key-auth';
import { isHostAllowed } from './middleware/host-check';

/** Answers the request and returns true, or leaves it untouched and returns false. */
export type FastLane = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface FastLaneDeps {
  /** Exact path → JSON body (DialectModule.readOnlyGets). */
  routes: ReadonlyMap<string, () => string>;
  getSettings(): Settings;
  tracker: ApiKeyUseTracker | null;
  now(): number;
}

export function createFastLane(deps: FastLaneDeps): FastLane {
  return (req, res) => {
    if (req.method !== 'GET' || req.headers.origin !== undefined) return false;
    const body = deps.routes.get(req.url ?? '');
    if (!body) return false;
    const settings = deps.getSettings();
    if (!isHostAllowed(req, settings) || checkApiKey(req, settings.apiKeys, deps) !== null) return false;
    const text = body();
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'X-Request-Id': randomUUID(),
    });
    res.end(text);
    return true;
  };
}
