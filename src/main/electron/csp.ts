/**
 * The Content-Security-Policy of the app's own pages, sent as a response header by the session
 * (so it also covers the dev server) and only for app URLs, never for the login window's site.
 * No remote scripts, no eval, no plugins, no framing; `connect-src` stays on self because the
 * renderer talks to main over IPC, not HTTP. Inline styles are allowed because the chart library
 * sets style attributes.
 */
export function toContentSecurityPolicy(options: { dev: boolean; devServerOrigin?: string | null }): string {
  const devConnect = options.dev && options.devServerOrigin ? ` ${options.devServerOrigin} ${options.devServerOrigin.replace(/^http/, 'ws')}` : '';
  return [
    "default-src 'self'",
    // Dev only: the React refresh preamble is an inline script injected by the dev server.
    `script-src 'self'${options.dev ? " 'unsafe-inline'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // The Connect page plays the speech test from a blob: URL.
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self'${devConnect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
