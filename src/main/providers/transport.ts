/**
 * How upstream HTTP calls leave the relay. The host chooses the transport: the headless server and
 * the tests use Node's fetch (cookies travel as a `Cookie` header built from the stored credential);
 * the desktop app sends through Chromium's network stack with the account's own session partition
 * (a real browser's TLS handshake, cookie jar and Cloudflare clearance). The core never imports
 * Electron: the desktop host passes its transport in.
 */
import type { ProviderAccount } from './types';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface UpstreamTransport {
  readonly kind: 'node' | 'chromium';
  /** The fetch to use for calls made as this account. */
  fetchFor(account: ProviderAccount): FetchLike;
}

export function createNodeTransport(fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init)): UpstreamTransport {
  return { kind: 'node', fetchFor: () => fetchImpl };
}
