import { createProxyApp } from '../app';
import { startRelayServer } from '../server';
import type { RelayServer } from '../server';
import type { ProxyDeps } from '../types';

/** The app on 127.0.0.1:0; the caller closes it. */
export async function serveApp(deps: ProxyDeps): Promise<RelayServer> {
  return startRelayServer(createProxyApp(deps), { host: '127.0.0.1', port: 0, apiKeysConfigured: false });
}

/** Parses `data:` frames of an SSE body (comments dropped). */
export function parseSseData(body: string): string[] {
  return body
    .split('\n\n')
    .map((frame) => frame.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n'))
    .filter((data) => data !== '');
}

/** Resolves when `condition` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
