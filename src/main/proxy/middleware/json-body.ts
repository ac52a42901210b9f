/**
 * JSON bodies with the size limit from settings (read per request so a change applies at once).
 * Parser failures become RelayErrors here so the error handler never has to know body-parser's
 * error shapes.
 */
import express from 'express';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Settings } from '../../../shared/domain/settings';
import { RelayError } from '../../../shared/errors';

function isJsonish(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  const type = req.headers['content-type'];
  // Accept a missing or plain-text type too: curl users often forget the header.
  if (typeof type !== 'string') return true;
  return /json|text\/plain/i.test(type);
}

export function jsonBody(getSettings: () => Settings): RequestHandler {
  const parsers = new Map<number, RequestHandler>();
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      next();
      return;
    }
    const limitMb = getSettings().server.bodyLimitMb;
    let parser = parsers.get(limitMb);
    if (!parser) {
      parser = express.json({ limit: Math.round(limitMb * 1024 * 1024), type: isJsonish, strict: false });
      parsers.set(limitMb, parser);
    }
    parser(req, res, next);
  };
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Turns body-parser errors into RelayErrors; passes anything else on. */
export function translateBodyErrors(): ErrorRequestHandler {
  return (error: unknown, _req, _res, next) => {
    const e = (typeof error === 'object' && error !== null ? error : {}) as BodyParserError;
    if (e.type === 'entity.too.large') {
      const mb = typeof e.limit === 'number' ? Math.round(e.limit / 1024 / 1024) : null;
      next(new RelayError('payload_too_large', `The request body is larger than the limit${mb ? ` of ${mb} MB` : ''}.`));
    } else if (e.type === 'entity.parse.failed') {
      next(new RelayError('invalid_json', 'The request body is not valid JSON.'));
    } else if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
      next(new RelayError('invalid_request', 'The request body uses an unsupported encoding or charset.'));
    } else if (e.type === 'request.aborted' || e.type === 'request.size.invalid' || e.type === 'stream.encoding.set') {
      next(new RelayError('invalid_request', 'The request body could not be read.'));
    } else {
      next(error);
    }
  };
}
