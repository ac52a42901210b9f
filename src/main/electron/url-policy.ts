/**
 * What our windows may open or navigate to. Electron-free and unit-tested: the window code only
 * asks these questions.
 */

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Links the app hands to the system browser: http(s) only, never file:, javascript:, custom schemes. */
export function isExternalLink(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '';
}

/**
 * The identity of the app's own pages: `app://relay` in the packaged app, the dev server's origin in
 * development, or (should the renderer ever be loaded from file://) its directory, because every
 * file: URL has the opaque origin `null` and the origin alone would trust any local file.
 */
export interface AppLocation {
  /** The URL the main window loads (app://relay/index.html or the dev server URL). */
  entryUrl: string;
}

export function isAppUrl(url: string, app: AppLocation): boolean {
  const target = parse(url);
  const entry = parse(app.entryUrl);
  if (!target || !entry) return false;
  if (entry.protocol === 'file:') {
    const dir = entry.pathname.slice(0, entry.pathname.lastIndexOf('/') + 1);
    return target.protocol === 'file:' && target.host === entry.host && target.pathname.startsWith(dir) && !target.pathname.includes('..');
  }
  // Not `origin`: for custom schemes such as app:// the WHATWG origin is the opaque "null", which
  // would make every custom-scheme URL look like ours.
  return target.protocol === entry.protocol && target.host === entry.host;
}

/**
 * Permissions our own pages get: writing to the clipboard (the UI's copy buttons). Everything else
 * (camera, notifications, geolocation…) is denied, and remote pages get nothing at all.
 */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string, app: AppLocation): boolean {
  return APP_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, app);
}
