import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_METHODS, type BridgeApi } from '../../shared/contract';
import type { AccountSummary } from '../../shared/domain/account';
import { RelayError } from '../../shared/errors';
import { silentLogger } from '../logs/types';
import { createEventBus, type EventBus } from '../services/event-bus';
import { hashAdminToken } from './admin-auth';
import { mountManagement } from './index';

const TOKEN = 'adm-test-token';

function fakeServices(bus: EventBus): BridgeApi {
  const services: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const [domain, methods] of Object.entries(BRIDGE_METHODS)) {
    services[domain] = Object.fromEntries(
      methods.map((method) => [method, async () => Promise.reject(new RelayError('internal', `${domain}.${method} not faked`))]),
    );
  }
  const accounts: AccountSummary[] = [];
  const api = services as unknown as BridgeApi;
  api.accounts.list = async () => accounts;
  api.accounts.import = async ({ text }) => {
    accounts.push({ id: 'a1', label: text.slice(0, 5), maskedUserId: '123…789' } as AccountSummary);
    bus.emit('accounts:changed', accounts);
    return { results: [], created: 1, updated: 0, failed: 0 };
  };
  api.accounts.remove = async ({ id }) => {
    throw new RelayError('account_not_found', `No account ${id}.`);
  };
  return api;
}

let server: Server | null = null;
const slept: number[] = [];
/** While set, a wrong token in backoff stays pending until the test releases it. */
let holding = false;
const held: Array<() => void> = [];
const heldWaiters: Array<{ count: number; resolve: () => void }> = [];

function backoffSleep(ms: number): Promise<void> {
  slept.push(ms);
  if (!holding) return Promise.resolve();
  return new Promise<void>((resolve) => {
    held.push(resolve);
    for (const waiter of heldWaiters.filter((w) => held.length >= w.count)) waiter.resolve();
  });
}

/** Resolves once `count` wrong answers are held in the backoff (an event, not a clock). */
function untilHeld(count: number): Promise<void> {
  if (held.length >= count) return Promise.resolve();
  return new Promise<void>((resolve) => heldWaiters.push({ count, resolve }));
}

function releaseHeld(): void {
  for (const resolve of held.splice(0)) resolve();
}

afterEach(async () => {
  holding = false;
  releaseHeld();
  heldWaiters.length = 0;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null));
  server = null;
  slept.length = 0;
});

async function start(options: { remote?: string; failureLimit?: number; peer?: () => string } = {}): Promise<string> {
  const bus = createEventBus();
  const app = express();
  mountManagement(app, {
    services: fakeServices(bus),
    events: bus,
    adminTokenHash: () => hashAdminToken(TOKEN),
    logger: silentLogger,
    rendererDir: null,
    failureLimit: options.failureLimit ?? 3,
    // The backoff's waits are recorded, not slept, so no assertion depends on the clock.
    attemptBackoff: { sleep: backoffSleep, maxWaiting: 2 },
    ...(options.remote ? { peerAddress: () => options.remote } : {}),
    ...(options.peer ? { peerAddress: options.peer } : {}),
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function call(base: string, path: string, body: unknown, token: string | null = TOKEN, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('management API over HTTP', () => {
  it('answers a call with a BridgeResult when the token is right', async () => {
    const base = await start();
    const res = await call(base, 'accounts/list', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: [] });
  });

  it('refuses a missing or wrong token with 401 and the unauthorized code', async () => {
    const base = await start();
    for (const token of [null, 'adm-wrong']) {
      const res = await call(base, 'accounts/list', {}, token);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('slows wrong tokens from every loopback address together, and never holds back the right one', async () => {
    let n = 0;
    // Each request from another 127/8 address: rotating them must not reset the count.
    const base = await start({ failureLimit: 3, peer: () => `127.0.0.${(n++ % 250) + 1}` });
    for (let i = 0; i < 3; i += 1) expect((await call(base, 'accounts/list', {}, 'adm-wrong')).status).toBe(401);
    holding = true;
    let answered = 0;
    const tarpitted = [1, 2].map((i) => call(base, 'accounts/list', {}, `adm-wrong-${i}`).then((res) => (answered++, res)));
    await untilHeld(2);
    // Two guesses wait in the tarpit; a third wrong one is refused at once, the right token passes at once.
    const overflow = await call(base, 'accounts/list', {}, 'adm-wrong-3');
    expect(overflow.status).toBe(429);
    expect(overflow.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect((await call(base, 'accounts/list', {})).status).toBe(200);
    expect(answered).toBe(0);
    releaseHeld();
    for (const res of await Promise.all(tarpitted)) {
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(await res.json()).toMatchObject({ error: { code: 'rate_limited' } });
    }
    // The owner's success gave the guesser no fresh allowance.
    holding = false;
    expect((await call(base, 'accounts/list', {}, 'adm-wrong-4')).status).toBe(429);
    // Three tarpit waits (the overflow did not wait), each longer than the one before.
    expect(slept).toHaveLength(3);
    expect(slept[0]).toBe(1_000);
    expect(slept[2]).toBeGreaterThan(slept[1] ?? Infinity);
    expect(slept[1]).toBeGreaterThan(1_000);
  });

  it('does not count requests without a token, and refuses cross-site requests before the token', async () => {
    const base = await start({ failureLimit: 1 });
    for (let i = 0; i < 20; i += 1) expect((await call(base, 'accounts/list', {}, null)).status).toBe(401);
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }];
    for (const headers of foreign) {
      const res = await call(base, 'accounts/list', {}, 'adm-wrong', headers);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect(slept).toEqual([]);
    const own = await call(base, 'accounts/list', {}, TOKEN, { origin: base, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect((await fetch(`${base}/ui/`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('refuses a non-loopback peer before looking at the token', async () => {
    const base = await start({ remote: '203.0.113.7' });
    const res = await call(base, 'accounts/list', {});
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const base = await start();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/api/accounts/list`, { method: 'POST', headers: { host: 'evil.example', authorization: `Bearer ${TOKEN}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('answers invalid input with 400 and the ErrorInfo naming the field', async () => {
    const base = await start();
    const res = await call(base, 'accounts/import', { text: 42 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string; detail: { field: string } } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.detail.field).toBe('text');
  });

  it('answers bad JSON with 400 invalid_json and an unknown method with 404', async () => {
    const base = await start();
    const bad = await call(base, 'accounts/import', '{"text":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_json' } });
    const unknown = await call(base, 'accounts/constructor', {});
    expect(unknown.status).toBe(404);
    const escaped = await call(base, '%ZZ/x', {});
    expect(escaped.status).toBe(400);
    expect(await escaped.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('maps a service RelayError to its HTTP status', async () => {
    const base = await start();
    const res = await call(base, 'accounts/remove', { id: 'nope' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'account_not_found', message: 'No account nope.' } });
  });

  it('streams accounts:changed to an events subscriber after an import', async () => {
    const base = await start();
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read();
    await call(base, 'accounts/import', { text: '123456789+token' });
    let text = '';
    while (!text.includes('\n\n') || !text.includes('accounts:changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    controller.abort();
    expect(text).toContain('event: accounts:changed');
    const data = /data: (.*)\n/.exec(text)?.[1];
    expect(JSON.parse(data ?? 'null')).toEqual([expect.objectContaining({ id: 'a1', maskedUserId: '123…789' })]);
  });

  it('redirects / to /ui/ and explains a missing UI build with a CSP header', async () => {
    const base = await start();
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/ui/');
    const ui = await fetch(`${base}/ui/`);
    expect(ui.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await ui.text()).toContain('npm run build');
  });
});
