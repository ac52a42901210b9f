/**
 * Where the login window goes. The login page is the upstream web app itself, so it follows the
 * region's base URL setting (or the environment override): in tests and the demo that is the
 * simulator, whose login page lives at `/` like the real site's.
 */
import type { Region } from '../../shared/domain/account';
import { RelayError } from '../../shared/errors';

export interface UpstreamBaseUrls {
  region: Region;
  cnBaseUrl: string;
  intlBaseUrl: string;
}

/** The base URL of a region: the override (e.g. `MINIMAX_RELAY_AGENT_URL`) wins over the settings. */
export function toRegionBaseUrl(upstream: UpstreamBaseUrls, region: Region = upstream.region, override?: string | null): string {
  const base = override?.trim() || (region === 'intl' ? upstream.intlBaseUrl : upstream.cnBaseUrl);
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new RelayError('invalid_request', `The upstream base URL "${base}" is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RelayError('invalid_request', `The upstream base URL must be http(s), got "${url.protocol}".`);
  }
  return url.origin;
}

/** The page the login window opens. */
export function toLoginUrl(upstream: UpstreamBaseUrls, region?: Region, override?: string | null): string {
  return `${toRegionBaseUrl(upstream, region, override)}/`;
}
