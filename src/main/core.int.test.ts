import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../tools/minimax-sim/index';
import type { AccountSummary } from '../shared/domain/account';
import { createRelayCore, type RelayCore, type RelayCoreOptions } from './core';
import { silentLogger } from './logs/types';
import { hashAdminToken, mountManagement } from './management';

let sim: Simulator;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  sim = await startSimulator({ tickMs: 10, charsPerTick: 200 });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await sim.close();
});

async function startCore(options: Partial<RelayCoreOptions> = {}): Promise<RelayCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-core-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));
  const core = await createRelayCore({ dataDir, host: 'web', ...options, env: { agentBaseUrl: sim.url, serverPort: 0, ...options.env } });
  cleanups.push(() => core.close());
  return core;
}

function chat(base: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'hello core' }] }),
  });
}

describe('relay core', () => {
  it('imports an account, emits accounts:changed, and serves a chat through it', async () => {
    const core = await startCore();
    const changes: AccountSummary[][] = [];
    core.events.on('accounts:changed', (accounts) => changes.push(accounts));
    const result = await core.services.accounts.import({ text: sim.admin.createAccount({ name: 'core' }).credential });
    expect(result.created).toBe(1);
    await expect.poll(() => changes.at(-1)?.length, { timeout: 5_000 }).toBe(1);
    const res = await chat(core.relay.status().baseUrl ?? '');
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('hello core');
  });

  it('asks the upstream who a token belongs to (the login window\'s last fallback)', async () => {
    const core = await startCore();
    const account = sim.admin.createAccount({ name: 'who' });
    sim.admin.setOptions({ checkRealUserId: false });
    try {
      await expect(core.identifyToken(account.token)).resolves.toEqual({ realUserId: account.realUserId, userName: 'who' });
    } finally {
      sim.admin.setOptions({ checkRealUserId: true });
    }
    sim.admin.expireToken(account.realUserId);
    await expect(core.identifyToken(account.token)).rejects.toMatchObject({ code: 'upstream_auth_expired' });
  });

  it('on the web host, stop pauses the proxy (503) but keeps the listener, and start resumes', async () => {
    const core = await startCore({
      mountExtra: (app, relay) =>
        mountManagement(app, { services: relay.services, events: relay.events, adminTokenHash: () => hashAdminToken('adm-t'), logger: silentLogger, rendererDir: null }),
    });
    await core.services.accounts.import({ text: sim.admin.createAccount().credential });
    const running = core.relay.status();
    const stopped = await core.services.relay.stop();
    expect(stopped).toMatchObject({ running: false, baseUrl: null });
    const base = running.baseUrl ?? '';
    const refused = await chat(base);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'relay_stopped' } });
    await expect(core.services.relay.testRequest({ dialect: 'openai' })).rejects.toMatchObject({ code: 'relay_stopped' });
    // The model lists' shortcut past the router is closed while paused too.
    expect((await fetch(`${base}/v1/models`)).status).toBe(503);
    expect((await fetch(`${base}/v1beta/models`)).status).toBe(503);
    const status = await fetch(`${base}/api/relay/status`, { method: 'POST', headers: { authorization: 'Bearer adm-t' } });
    expect(await status.json()).toMatchObject({ ok: true, value: { running: false } });
    await core.services.relay.start();
    expect((await chat(base)).status).toBe(200);
    expect((await fetch(`${base}/v1/models`)).status).toBe(200);
  });

  it('on the desktop host, stop closes the listener and start opens it again', async () => {
    const core = await startCore({ host: 'desktop' });
    const base = core.relay.status().baseUrl ?? '';
    expect(core.relay.status().uiUrl).toBeNull();
    await core.relay.stop();
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    const again = await core.relay.start();
    expect(again.running).toBe(true);
  });

  it('moves the listener when settings change the port', async () => {
    const core = await startCore({ host: 'desktop' });
    const before = core.relay.status().port;
    const view = await core.services.settings.update({ server: { port: 0 } });
    expect(view.server.port).toBe(0);
    const after = core.relay.status();
    expect(after.running).toBe(true);
    expect(after.port).not.toBe(before);
    expect((await fetch(`${after.baseUrl}/health`)).status).toBe(200);
  });

  it('answers a port change made over the management API, then serves on the new port', async () => {
    const core = await startCore({
      mountExtra: (app, relay) =>
        mountManagement(app, { services: relay.services, events: relay.events, adminTokenHash: () => hashAdminToken('adm-t'), logger: silentLogger, rendererDir: null }),
    });
    const before = core.relay.status();
    const res = await fetch(`${before.baseUrl}/api/settings/update`, {
      method: 'POST',
      headers: { authorization: 'Bearer adm-t', 'content-type': 'application/json' },
      body: JSON.stringify({ server: { port: 0 } }),
    });
    expect(res.status).toBe(200);
    const after = core.relay.status();
    expect(after.port).not.toBe(before.port);
    const status = await fetch(`${after.baseUrl}/api/relay/status`, { method: 'POST', headers: { authorization: 'Bearer adm-t' } });
    expect(await status.json()).toMatchObject({ ok: true, value: { running: true, port: after.port } });
  });

  it('accepts keys from the environment and the stored ones, refuses others, and still runs test requests', async () => {
    const core = await startCore({ env: { extraApiKeys: ['sk-env-key-1'] } });
    await core.services.accounts.import({ text: sim.admin.createAccount().credential });
    const base = core.relay.status().baseUrl ?? '';
    expect((await chat(base)).status).toBe(401);
    expect((await chat(base, { authorization: 'Bearer sk-env-key-1' })).status).toBe(200);
    const { key } = await core.services.settings.createApiKey({ name: 'client' });
    expect((await chat(base, { authorization: `Bearer ${key}` })).status).toBe(200);
    const test = await core.services.relay.testRequest({ dialect: 'gemini' });
    expect(test).toMatchObject({ ok: true, status: 200 });
    expect(test.text).toContain('pong');
    expect(JSON.stringify(await core.services.settings.get())).not.toContain('sk-env-key-1');
  });

  it('uses the region URL from settings for new requests when no override is set', async () => {
    const core = await startCore({ env: { agentBaseUrl: undefined } });
    const credential = sim.admin.createAccount().credential;
    const refused = await core.services.accounts.import({ text: credential });
    expect(refused.failed).toBe(1);
    await core.services.settings.update({ upstream: { cnBaseUrl: sim.url } });
    const accepted = await core.services.accounts.import({ text: credential });
    expect(accepted.created).toBe(1);
  });
});
