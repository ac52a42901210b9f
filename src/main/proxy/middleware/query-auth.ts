import type { RequestHandler } from 'express';
import { RelayError } from '../../../shared/errors';

/**
 * Keys in URLs end up in proxy logs, browser history and Referer headers, so `?key=` and
 * `?api_key=` are refused even when the key would be right.
 */
export function rejectQueryAuth(): RequestHandler {
  return (req, _res, next) => {
    const query = req.url.includes('?') ? new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1)) : null;
    if (query && (query.has('key') || query.has('api_key'))) {
      next(new RelayError('unauthorized', 'API keys in the URL (?key= / ?api_key=) are not accepted. Send the key in the Authorization: Bearer, x-api-key or x-goog-api-key header.'));
      return;
    }
    next();
  };
}
