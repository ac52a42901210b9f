/**
 * CORS is off unless an origin is allow-listed in settings. A browser request from any other
 * origin is refused outright (403) rather than answered without CORS headers, so a page cannot
 * trigger side effects (chats that cost credits) even though it could not read the answer.
 */
import type { RequestHandler } from 'express';
import type { Settings } from '../../../shared/domain/settings';
import { RelayError } from '../../../shared/errors';

const ALLOWED_HEADERS = [
  'authorization', 'content-type', 'x-api-key', 'x-goog-api-key', 'anthropic-version', 'anthropic-beta',
  'openai-organization', 'openai-project',
].join(', ');

function isSameOrigin(origin: string, host: string | undefined): boolean {
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

export function cors(getSettings: () => Settings): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined) {
      next();
      return;
    }
    const allowed = getSettings().server.corsOrigins;
    const isAllowed = allowed.includes(origin) || allowed.includes('*');
    if (!isAllowed) {
      if (isSameOrigin(origin, req.headers.host)) {
        next();
        return;
      }
      next(new RelayError('forbidden', `Origin ${origin} is not allowed. Add it to the CORS origins in the relay settings.`));
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After, X-MiniMax-Model');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      const requested = req.headers['access-control-request-headers'];
      res.setHeader('Access-Control-Allow-Headers', typeof requested === 'string' ? requested : ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
