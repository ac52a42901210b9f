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
 * The origin-like identity of the app's own pages: the dev server's origin, or `file://` plus the
 * renderer's directory for the packaged app (every file: URL has the opaque origin `null`, so the
 * origin alone would trust any local file).
 */
export interface AppLocation {
  /** The URL the main window loads (dev server URL or the file: URL of index.html). */
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
  return target.origin === entry.origin;
}
