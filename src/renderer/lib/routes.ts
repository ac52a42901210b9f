export const PAGES = ['dashboard', 'accounts', 'models', 'logs', 'settings', 'connect'] as const;
export type PageId = (typeof PAGES)[number];

export interface Route {
  page: PageId;
  params: URLSearchParams;
}

/** `#/logs?id=abc` → logs page with params. Unknown or empty hashes land on the dashboard. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = (PAGES as readonly string[]).includes(path) ? (path as PageId) : 'dashboard';
  return { page, params: new URLSearchParams(query) };
}

export function toHash(page: PageId): string {
  return `#/${page}`;
}
