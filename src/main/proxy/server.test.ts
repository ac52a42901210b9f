import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hashApiKey } from './middleware/api-key-auth';
import { createProxyApp } from './app';
import { startRelayServer } from './server';
import { abortableDelay, createFakeDeps } from './__test__/fakes';
import { waitUntil } from './__test__/serve';

describe('startRelayServer', () => {
  it('refuses a non-loopback host unless client API keys are configured', async () => {
    const app = createProxyApp(createFakeDeps());
    await expect(startRelayServer(app, { host: '0.0.0.0', port: 0, apiKeysConfigured: false })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/API key/) });
    const open = await startRelayServer(app, { host: '0.0.0.0', port: 0, apiKeysConfigured: true });
    expect(open.port).toBeGreaterThan(0);
    await open.close();
  });

  it('listens on port 0 and reports the chosen port in its URL', async () => {
    const server = await startRelayServer(createProxyApp(createFakeDeps()), { host: '127.0.0.1', port: 0, apiKeysConfigured: false });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await server.close();
  });

  it('tries the handler\'s fast lane first and hands the router whatever it leaves', async () => {
    const routed: string[] = [];
    const handler = Object.assign(
      (req: IncomingMessage, res: ServerResponse) => {
        routed.push(req.url ?? '');
        res.end('router');
      },
      { fastLane: (req: IncomingMessage, res: ServerResponse) => req.url === '/fast' && (res.end('lane'), true) },
    );
    const server = await startRelayServer(handler, { host: '127.0.0.1', port: 0, apiKeysConfigured: false });
    try {
      expect(await (await fetch(`${server.url}/fast`)).text()).toBe('lane');
      expect(await (await fetch(`${server.url}/other`)).text()).toBe('router');
      expect(routed).toEqual(['/other']);
    } finally {
      await server.close();
    }
  });

  it('close() ends open streams and keep-alive connections, and stops the upstream call', async () => {
    const deps = createFakeDeps(['a1']);
    let upstreamAborted = false;
    deps.provider.scripts.set('*', async function* (_req, options) {
      yield { type: 'text', text: 'start' };
      options.signal.addEventListener('abort', () => (upstreamAborted = true));
      await abortableDelay(60_000, options.signal);
    });
    const server = await startRelayServer(createProxyApp(deps), { host: '127.0.0.1', port: 0, apiKeysConfigured: false });
    await fetch(`${server.url}/health`, { keepalive: true });
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    const reader = res.body!.getReader();
    await reader.read();
    await server.close();
    await expect((async () => {
      for (;;) if ((await reader.read()).done) return 'ended';
    })()).rejects.toThrow();
    await waitUntil(() => deps.pool.busy.size === 0);
    expect(upstreamAborted).toBe(true);
    expect(deps.provider.cleanups).toBe(1);
  });

  const lanAddress = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address;

  it.skipIf(!lanAddress)('bound to every interface, accepts the LAN address it was reached on and still refuses DNS names', async () => {
    const deps = createFakeDeps();
    deps.settings.server.host = '0.0.0.0';
    deps.settings.apiKeys = [{ id: 'k', name: 'k', prefix: 'sk', hash: hashApiKey('sk-lan'), createdAt: 0, lastUsedAt: null }];
    const server = await startRelayServer(createProxyApp(deps), { host: '0.0.0.0', port: 0, apiKeysConfigured: true });
    try {
      const status = (host: string): Promise<number> =>
        new Promise((resolve, reject) => {
          const req = request({ host: lanAddress, port: server.port, path: '/v1/models', headers: { host, authorization: 'Bearer sk-lan' } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      expect(await status(`${lanAddress}:${server.port}`)).toBe(200);
      expect(await status(`rebind.example:${server.port}`)).toBe(403);
      expect(await status(`10.254.254.254:${server.port}`)).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('closes a socket that never finishes its body (408), while a reply may stream past the deadline', async () => {
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      req.resume();
      req.on('end', () => {
        let n = 0;
        const timer = setInterval(() => {
          res.write('x');
          if (++n === 12) {
            clearInterval(timer);
            res.end();
          }
        }, 100);
      });
    };
    const server = await startRelayServer(handler, { host: '127.0.0.1', port: 0, apiKeysConfigured: false, timeouts: { headersMs: 300, requestMs: 500, checkIntervalMs: 50 } });
    try {
      const slow = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.write('POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{"model":'));
        let got = '';
        socket.on('data', (chunk: Buffer) => (got += chunk.toString('latin1')));
        socket.on('close', () => resolve(got));
        socket.on('error', reject);
      });
      expect(slow).toMatch(/^HTTP\/1\.1 408/);
      // The stream outlives requestMs (12 × 100 ms > 500 ms): the deadline ended with the request.
      const streamed = await new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/' }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(body));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end('{}');
      });
      expect(streamed).toBe('x'.repeat(12));
    } finally {
      await server.close();
    }
  });
});
