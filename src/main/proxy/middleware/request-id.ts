import type { RequestHandler, Response } from 'express';

/** Gives every request an id (also the request-log id and the response id) and echoes it. */
export function requestId(): RequestHandler {
  return (_req, res, next) => {
    const id = crypto.randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}

/** The id `requestId()` gave this request (a fresh one if the middleware did not run). */
export function getRequestId(res: Response): string {
  const id: unknown = res.locals.requestId;
  return typeof id === 'string' ? id : crypto.randomUUID();
}
