import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createStaticUiRouter } from './static-ui';

let server: Server | null = null;
let dir: string | null = null;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  server = null;
  dir = null;
});

describe('static UI', () => {
  it('serves the built renderer under /ui/ with the CSP and no-sniff headers', async () => {
    dir = mkdtempSync(join(tmpdir(), 'relay-ui-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>UI</title><script src="./app.js"></script>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    const app = express();
    app.use('/ui', createStaticUiRouter(dir));
    server = createServer(app);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const index = await fetch(`${base}/ui/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>UI</title>');
    expect(index.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const script = await fetch(`${base}/ui/app.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
