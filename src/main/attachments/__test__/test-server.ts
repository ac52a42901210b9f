/** A loopback file server for remote-URL attachment tests (port 0; the test closes it). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestFileServer {
  url: string;
  port: number;
  /** How many requests each path received. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export type Route = { status?: number; type?: string; body?: Buffer; location?: string; declaredLength?: number; chunks?: Buffer[]; hang?: boolean };

export async function startFileServer(routes: Record<string, Route | ((port: number) => Route)>): Promise<TestFileServer> {
  const hits = new Map<string, number>();
  let port = 0;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const entry = routes[path];
    const route = typeof entry === 'function' ? entry(port) : entry;
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    if (route.hang) return;
    const headers: Record<string, string | number> = {};
    if (route.type) headers['content-type'] = route.type;
    if (route.location) headers.location = route.location;
    if (route.declaredLength !== undefined) headers['content-length'] = route.declaredLength;
    res.writeHead(route.status ?? 200, headers);
    if (route.chunks) {
      for (const chunk of route.chunks) res.write(chunk);
      res.end();
    } else res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
