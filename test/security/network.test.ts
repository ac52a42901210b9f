/**
 * The network-facing defaults of the relay as the headless host builds it: where it listens, which
 * Host and Origin headers it answers, client API keys on all three dialects, the management API's
 * token and its failed-attempt limit, and keys in the query string.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayCore } from '../../src/main/core';
import { startCoreStack, type CoreStack } from '../support/core-stack';
import { parseJson, rawRequest } from '../support/http';
import { checkErrorShape, surfaceOf } from '../fuzz/shapes';

const KEY = 'sk-security-suite-key-0123456789';

const CHATS = [
  { path: '/v1/chat/completions', header: (key: string) => ({ authorization: `Bearer ${key}` }), body: { model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'hi' }] } },
  { path: '/v1/messages', header: (key: string) => ({ 'x-api-key': key, 'anthropic-version': '2023-06-01' }), body: { model: 'claude-x', max_tokens: 32, messages: [{ role: 'user', content: 'hi' }] } },
  { path: '/v1beta/models/MiniMax-M2.7:generateContent', header: (key: string) => ({ 'x-goog-api-key': key }), body: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] } },
  { path: '/v1/responses', header: (key: string) => ({ authorization: `Bearer ${key}` }), body: { model: 'MiniMax-M2.7', input: 'hi' } },
] as const;

function post(stack: CoreStack, path: string, headers: Record<string, string>, body: unknown = {}) {
  return rawRequest(stack.port, { path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function expectRejected(answer: { status: number; text: string }, path: string, status: number): void {
  expect(answer.status, answer.text).toBe(status);
  expect(checkErrorShape(surfaceOf(path), parseJson(answer.text)), answer.text).toBeNull();
}

describe('listening address', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function core(env: { serverHost?: string; extraApiKeys?: string[] }) {
    const dataDir = await mkdtemp(join(tmpdir(), 'relay-security-'));
    dirs.push(dataDir);
    return createRelayCore({ dataDir, host: 'desktop', env: { serverPort: 0, ...env } });
  }

  it('listens on 127.0.0.1 by default and is not reachable on another interface', async () => {
    const relay = await core({});
    try {
      const status = relay.relay.status();
      expect(status).toMatchObject({ running: true, host: '127.0.0.1' });
      const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
      if (lan) await expect(fetch(`http://${lan.address}:${status.port}/health`)).rejects.toThrow();
    } finally {
      await relay.close();
    }
  });

  it('refuses a non-loopback bind without client API keys, and allows it with one', async () => {
    const open = await core({ serverHost: '0.0.0.0' });
    try {
      expect(open.relay.status()).toMatchObject({ running: false, error: { code: 'forbidden' } });
    } finally {
      await open.close();
    }
    const keyed = await core({ serverHost: '0.0.0.0', extraApiKeys: [KEY] });
    try {
      expect(keyed.relay.status()).toMatchObject({ running: true, host: '0.0.0.0' });
    } finally {
      await keyed.close();
    }
  });
});

describe('requests', () => {
  let stack: CoreStack;
  beforeAll(async () => {
    stack = await startCoreStack({ accounts: 1, apiKeys: [KEY] });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('rejects a foreign Host header on every dialect and the management API (DNS rebinding)', async () => {
    for (const chat of CHATS) expectRejected(await post(stack, chat.path, { ...chat.header(KEY), host: 'evil.example' }, chat.body), chat.path, 403);
    expectRejected(await post(stack, '/api/app/info', { authorization: `Bearer ${stack.adminToken}`, host: `evil.example:${stack.port}` }), '/api/app/info', 403);
    expect((await post(stack, CHATS[0].path, { ...CHATS[0].header(KEY), host: `localhost:${stack.port}` }, CHATS[0].body)).status).toBe(200);
  });

  it('refuses cross-origin requests unless the origin is allow-listed', async () => {
    for (const chat of CHATS) expectRejected(await post(stack, chat.path, { ...chat.header(KEY), origin: 'https://evil.example' }, chat.body), chat.path, 403);
    const preflight = await rawRequest(stack.port, { method: 'OPTIONS', path: CHATS[0].path, headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    await stack.core.services.settings.update({ server: { corsOrigins: ['https://app.example'] } });
    try {
      const allowed = await post(stack, CHATS[0].path, { ...CHATS[0].header(KEY), origin: 'https://app.example' }, CHATS[0].body);
      expect(allowed.status).toBe(200);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    } finally {
      await stack.core.services.settings.update({ server: { corsOrigins: [] } });
    }
  });

  it('checks the client API key on all three dialects', async () => {
    for (const chat of CHATS) {
      expectRejected(await post(stack, chat.path, {}, chat.body), chat.path, 401);
      expectRejected(await post(stack, chat.path, chat.header(`${KEY}x`), chat.body), chat.path, 401);
      const ok = await post(stack, chat.path, chat.header(KEY), chat.body);
      expect(ok.status, ok.text).toBe(200);
    }
  });

  it('refuses keys in the query string (?key=, ?api_key=) even when they are right', async () => {
    for (const chat of CHATS) {
      for (const name of ['key', 'api_key']) {
        const path = `${chat.path}?${name}=${KEY}`;
        expectRejected(await post(stack, path, chat.header(KEY), chat.body), chat.path, 401);
        expectRejected(await post(stack, path, {}, chat.body), chat.path, 401);
      }
    }
  });

  it('checks the admin token on the management API; requests without one cost nothing', async () => {
    const path = '/api/app/info';
    expect((await post(stack, path, { authorization: `Bearer ${stack.adminToken}` })).status).toBe(200);
    // A client API key is not an admin token.
    expectRejected(await post(stack, path, { authorization: `Bearer ${KEY}` }), path, 401);
    // Eleven <img> tags on any page: no token, so 401 each and not an attempt.
    for (let i = 0; i < 20; i++) expectRejected(await post(stack, path, {}), path, 401);
    expect((await post(stack, path, { authorization: `Bearer ${stack.adminToken}` })).status).toBe(200);
  });

  it('refuses cross-site requests to /api and /ui with 403 before the token, counting nothing', async () => {
    const path = '/api/app/info';
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }];
    for (const headers of foreign) {
      for (let i = 0; i < 4; i++) expectRejected(await post(stack, path, { ...headers, authorization: `Bearer wrong-${i}` }), path, 403);
      const page = await rawRequest(stack.port, { method: 'GET', path: '/ui/', headers });
      expect(page.status).toBe(403);
    }
    // The UI's own calls carry its origin and same-origin.
    const own = await post(stack, path, { authorization: `Bearer ${stack.adminToken}`, origin: stack.baseUrl, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect((await rawRequest(stack.port, { method: 'GET', path: '/ui/', headers: { 'sec-fetch-site': 'none' } })).status).not.toBe(403);
  });
});

describe('admin token limiter under a guesser', () => {
  let stack: CoreStack;
  const path = '/api/app/info';
  // The backoff's waits are held until the test releases them, so "still waiting" is a fact, not a timing.
  const slept: number[] = [];
  const held: Array<() => void> = [];
  const heldWaiters: Array<{ count: number; resolve: () => void }> = [];
  let holding = true;
  const sleep = (ms: number): Promise<void> => {
    slept.push(ms);
    if (!holding) return Promise.resolve();
    return new Promise<void>((resolve) => {
      held.push(resolve);
      for (const waiter of heldWaiters.filter((w) => held.length >= w.count)) waiter.resolve();
    });
  };
  const untilHeld = (count: number): Promise<void> =>
    held.length >= count ? Promise.resolve() : new Promise<void>((resolve) => heldWaiters.push({ count, resolve }));
  const release = (): void => {
    for (const resolve of held.splice(0)) resolve();
  };
  // Every request from another 127/8 source address, as a guesser rotating them would send it.
  let next = 0;
  const send = (token: string | null) =>
    rawRequest(stack.port, {
      path,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: '{}',
      localAddress: `127.0.0.${(next++ % 200) + 2}`,
    });

  beforeAll(async () => {
    stack = await startCoreStack({ accounts: 1, apiKeys: [KEY], adminBackoff: { sleep } });
  });
  afterAll(async () => {
    holding = false;
    release();
    await stack?.close();
  });

  it('limits wrong tokens globally (rotating 127/8 addresses does not help) and answers the right one at once', async () => {
    for (let i = 0; i < 10; i++) expectRejected(await send(`wrong-${i}`), path, 401);
    // The guesser keeps eight wrong checks open (the most that may wait); none is answered yet.
    let answered = 0;
    const tarpitted = Array.from({ length: 8 }, (_, i) => send(`wrong-held-${i}`).then((answer) => (answered++, answer)));
    await untilHeld(8);
    // Further wrong tokens get 429 at once; a request without a token is still a plain 401.
    for (let i = 0; i < 5; i++) {
      const refused = await send(`wrong-more-${i}`);
      expectRejected(refused, path, 429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    expectRejected(await send(null), path, 401);
    // The right token is not queued behind the guesser: 200 while all eight wrong checks still wait.
    expect((await send(stack.adminToken)).status).toBe(200);
    expect((await post(stack, CHATS[0].path, CHATS[0].header(KEY), CHATS[0].body)).status).toBe(200);
    expect(answered).toBe(0);
    expect(held).toHaveLength(8);
    release();
    for (const answer of await Promise.all(tarpitted)) {
      expectRejected(answer, path, 429);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The gap grows with each wrong token, from 1 s for the first one past the ten free.
    expect(slept[0]).toBe(1_000);
    expect(slept.every((ms, i) => i === 0 || ms > (slept[i - 1] ?? Infinity))).toBe(true);
    // The owner's success does not hand the guesser a fresh allowance.
    holding = false;
    expectRejected(await send('wrong-after'), path, 429);
    expect((await send(stack.adminToken)).status).toBe(200);
  });
});
