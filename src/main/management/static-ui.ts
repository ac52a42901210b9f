/**
 * Serves the built renderer at `/ui/` on the headless host. The CSP allows only our own scripts and
 * same-origin calls (the UI talks to `/api` on the same listener).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MISSING_UI = `<!doctype html><meta charset="utf-8"><title>MiniMax Relay</title>
<p>The web UI is not built yet. Run <code>npm run build</code> and restart the relay.
The API is running; see the README's "Management API" section.</p>`;

export function createStaticUiRouter(rendererDir: string | null): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', UI_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    router.use(express.static(rendererDir, { index: 'index.html', fallthrough: true, redirect: false }));
  } else {
    router.get('/', (_req, res) => {
      res.status(503).type('html').send(MISSING_UI);
    });
  }
  return router;
}
