/**
 * Refuses cross-site requests to the management API and the web UI. The admin token never travels
 * in a cookie, so a foreign page cannot act as the owner; but it can still make the browser send
 * requests (an `<img>`, a form), and those must not reach the token check or cost anything.
 * `Sec-Fetch-Site` (sent by current browsers) must be `same-origin` or `none` (typed address,
 * bookmark, the printed link); an `Origin`, when present, must be this listener's own.
 */
import type { NextFunction, Request, Response } from 'express';

const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/** True when the request comes from this listener's own pages or from outside any browser page. */
export function isSameSiteRequest(req: Request): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && !ALLOWED_FETCH_SITES.has(site.toLowerCase())) return false;
  const origin = req.headers.origin;
  return typeof origin !== 'string' || sameOrigin(origin, req.headers.host);
}

export function sameSiteGuard() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isSameSiteRequest(req)) {
      next();
      return;
    }
    res.status(403).json({
      ok: false,
      error: { code: 'forbidden', message: 'Requests from other sites are refused: open the web UI from the link the relay prints at start.' },
    });
  };
}
