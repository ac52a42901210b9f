/**
 * Mounts the web host's extra routes on the relay app: the management API at `/api`, the built UI
 * at `/ui/`, and `/` → `/ui/`. Mounted before the proxy's routes, which never use these paths.
 */
import type { Express } from 'express';
import { createManagementRouter, loopbackGuard, type ManagementDeps } from './router';
import { sameSiteGuard } from './same-site';
import { createStaticUiRouter } from './static-ui';

export interface MountManagementOptions extends ManagementDeps {
  /** `out/renderer` when built; null serves a page that says how to build it. */
  rendererDir: string | null;
}

export function mountManagement(app: Express, options: MountManagementOptions): void {
  const guard = loopbackGuard(options.peerAddress);
  const sameSite = sameSiteGuard();
  app.use('/api', createManagementRouter(options));
  // Without the slash the page's relative asset URLs would resolve against `/`.
  app.get('/ui', guard, sameSite, (req, res, next) => (req.path === '/ui' ? res.redirect(301, '/ui/') : next()));
  app.use('/ui', guard, sameSite, createStaticUiRouter(options.rendererDir));
  app.get('/', guard, sameSite, (_req, res) => res.redirect(302, '/ui/'));
  // Browsers ask for it on every UI load; without this it would be a proxy 404 in the console.
  app.get('/favicon.ico', guard, sameSite, (_req, res) => res.status(204).end());
}

export { createManagementRouter, loopbackGuard, type ManagementDeps } from './router';
export { generateAdminToken, hashAdminToken, verifyAdminToken } from './admin-auth';
export { UI_CSP } from './static-ui';
