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
