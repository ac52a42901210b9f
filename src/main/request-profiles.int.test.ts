/**
 * Request-profile negotiation through the whole relay with its file store: a simulator speaking the
 * May-2026 protocol refuses the April request, the relay moves on to the cookie profile, remembers
 * it with the account, and starts from it after a restart. Accounts are never marked expired when
 * only send_msg is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimAccount, type Simulator } from '../../tools/minimax-sim/index';
import { dataUrl, PNG_BYTES } from './attachments/__test__/test-files';
import { createRelayCore, type RelayCore } from './core';
import { createRelayState } from './core/relay-state';

const SEND = '/matrix/api/v1/chat/send_msg';
let sim: Simulator;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  sim = await startSimulator({ protocol: '2026-05', tickMs: 10, charsPerTick: 200 });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => sim.close());

function newDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-profiles-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));
  return dataDir;
}

/** Stores a web account the way a login that captured cookies would (the import of cookies is the login window's). */
async function seedAccount(dataDir: string, account: SimAccount, cookies: string | undefined): Promise<string> {
  const state = await createRelayState({ dataDir, host: 'web', env: { agentBaseUrl: sim.url } });
  const { record } = state.repository.upsert({
    region: 'cn',
    credential: { kind: 'minimax-agent', token: account.token, realUserId: account.realUserId, ...(cookies ? { cookies } : {}) },
    identity: { realUserId: account.realUserId, userName: account.name, email: null, tokenExpiresAt: null },
  });
  state.pool.dispose();
  await state.requestLog.close();
  state.store.close();
  return record.id;
}

async function startCore(dataDir: string): Promise<RelayCore> {
  const core = await createRelayCore({ dataDir, host: 'web', env: { agentBaseUrl: sim.url, serverPort: 0 } });
  cleanups.push(() => core.close());
  return core;
}

async function chat(core: RelayCore): Promise<{ status: number; body: string }> {
  const res = await fetch(`${core.relay.status().baseUrl ?? ''}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'hello profiles' }] }),
  });
  return { status: res.status, body: await res.text() };
}

describe('request profiles through the relay', () => {
  it('negotiates from signed-2026-04 to web-cookie-2026-05 and starts from it after a restart', async () => {
    const dataDir = newDataDir();
    const account = sim.admin.createAccount({ name: 'negotiated' });
    const id = await seedAccount(dataDir, account, sim.admin.cookieHeader(account.realUserId));
    const first = await startCore(dataDir);
    const reply = await chat(first);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('hello profiles');
    const sends = sim.admin.requests({ path: SEND, realUserId: account.realUserId });
    expect(sends.map((r) => r.status)).toEqual([401, 200]);
    expect(sends[0]?.headers.token).toBe(account.token);
    expect(sends[1]?.headers.token).toBeUndefined();
    expect(sends[1]?.headers.cookie).toBe(sim.admin.cookieHeader(account.realUserId));
    const [entry] = await first.services.logs.query({ limit: 1 });
    expect(entry?.attempts[0]?.profiles).toEqual([
      {
        profile: 'signed-2026-04',
        outcome: 'refused',
        httpStatus: 401,
        reason: 'HTTP 401, empty body',
        reasonCode: 'http_refused_body',
        reasonParams: { status: 401, body: 'empty' },
      },
      { profile: 'web-cookie-2026-05', outcome: 'accepted', httpStatus: 200, reason: 'send_msg accepted' },
    ]);
    expect((await first.services.accounts.list()).find((a) => a.id === id)?.status).toBe('active');
    await first.close();

    const second = await startCore(dataDir);
    expect((await chat(second)).status).toBe(200);
    const after = sim.admin.requests({ path: SEND, realUserId: account.realUserId });
    expect(after).toHaveLength(3);
    expect(after[2]?.status).toBe(200);
    expect(after[2]?.headers.cookie).toBeDefined();
  });

  it('sends an image under the cookie profile in its attachment shape, re-shaping the upload without sending it again', async () => {
    const dataDir = newDataDir();
    const account = sim.admin.createAccount({ name: 'image-sender' });
    await seedAccount(dataDir, account, sim.admin.cookieHeader(account.realUserId));
    const core = await startCore(dataDir);
    const res = await fetch(`${core.relay.status().baseUrl ?? ''}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'MiniMax-M2.7',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this' }, { type: 'image_url', image_url: { url: dataUrl('image/png', PNG_BYTES) } }] }],
      }),
    });
    expect(res.status).toBe(200);
    const uploads = sim.admin.uploads().filter((u) => u.realUserId === account.realUserId);
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    const sends = sim.admin.requests({ path: SEND, realUserId: account.realUserId });
    expect(sends.map((r) => r.status)).toEqual([401, 200]);
    const attachmentsOf = (i: number): unknown => (sends[i]?.body as { attachments?: unknown } | undefined)?.attachments;
    // The refused April request referenced the file by id; the accepted cookie request, by its URL.
    expect(attachmentsOf(0)).toEqual([{ file_type: 2, file_id: upload?.fileId, file_name: expect.stringMatching(/\.png$/) }]);
    expect(attachmentsOf(1)).toEqual([{ file: { file_name: expect.stringMatching(/\.png$/), file_url: upload?.ossPath }, attachment_type: 1 }]);
    const [entry] = await core.services.logs.query({ limit: 1 });
    expect(entry?.attachments).toMatchObject([{ mimeType: 'image/png', size: PNG_BYTES.length, cached: false }]);
  });

  it('answers upstream_protocol_rejected and cools the account (not expired) when only send_msg is refused', async () => {
    const dataDir = newDataDir();
    const account = sim.admin.createAccount({ name: 'no-cookies' });
    const id = await seedAccount(dataDir, account, undefined);
    const core = await startCore(dataDir);
    const reply = await chat(core);
    expect(reply.status).toBe(502);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'upstream_protocol_rejected' } });
    expect(reply.body).toContain('cookies');
    const summary = (await core.services.accounts.list()).find((a) => a.id === id);
    expect(summary?.status).toBe('cooling');
    expect(summary?.statusReason).toContain('diagnosis');
  });

  it('fails over from an account every profile refuses to one that works', async () => {
    const dataDir = newDataDir();
    const bare = sim.admin.createAccount({ name: 'bare' });
    const good = sim.admin.createAccount({ name: 'good' });
    const bareId = await seedAccount(dataDir, bare, undefined);
    await seedAccount(dataDir, good, sim.admin.cookieHeader(good.realUserId));
    const core = await startCore(dataDir);
    // Two replies: whichever account the pool picks first, the bare one is tried once.
    expect((await chat(core)).status).toBe(200);
    expect((await chat(core)).status).toBe(200);
    expect((await core.services.accounts.list()).find((a) => a.id === bareId)?.status).toBe('cooling');
    const entries = await core.services.logs.query({ limit: 2 });
    const failover = entries.flatMap((e) => e.attempts).find((a) => a.accountId === bareId);
    expect(failover).toMatchObject({ outcome: 'failover', errorCode: 'upstream_protocol_rejected' });
  });

  it('diagnoses an account through the accounts service (the Diagnose button)', async () => {
    const dataDir = newDataDir();
    const account = sim.admin.createAccount({ name: 'diagnosed' });
    const id = await seedAccount(dataDir, account, sim.admin.cookieHeader(account.realUserId));
    const core = await startCore(dataDir);
    const report = await core.services.accounts.diagnose({ id });
    expect(report.workingProfiles).toEqual(['web-cookie-2026-05']);
    expect(report.text).not.toContain(account.token);
    expect(report.text).not.toContain(account.realUserId);
    await expect(core.services.accounts.diagnose({ id: 'missing' })).rejects.toMatchObject({ code: 'account_not_found' });
  });

  it('marks the account expired only when user/info rejects the token too', async () => {
    const dataDir = newDataDir();
    const account = sim.admin.createAccount({ name: 'expired' });
    const id = await seedAccount(dataDir, account, sim.admin.cookieHeader(account.realUserId));
    sim.admin.expireToken(account.realUserId);
    const core = await startCore(dataDir);
    const reply = await chat(core);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'upstream_auth_expired' } });
    expect((await core.services.accounts.list()).find((a) => a.id === id)?.status).toBe('expired');
  });
});
