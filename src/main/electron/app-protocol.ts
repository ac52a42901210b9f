/**
 * Serves the packaged renderer over `app://relay/` with our CSP on every response (see
 * renderer-files.ts for why not file://). `registerAppScheme` must run before the app is ready.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { toContentSecurityPolicy } from './csp';
import { APP_SCHEME, toContentType, toRendererFile } from './renderer-files';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  const csp = toContentSecurityPolicy({ dev: false });
  protocol.handle(APP_SCHEME, async (request) => {
    const file = toRendererFile(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': toContentType(file), 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
