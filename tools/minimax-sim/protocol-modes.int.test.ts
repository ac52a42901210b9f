import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { callSim } from './test-client';
import type { Simulator } from './types';

const SEND = '/matrix/api/v1/chat/send_msg';
const SEND_BODY = { msg_type: 1, text: 'hi', chat_type: 2, attachments: [], selected_mcp_tools: [] };

describe('simulator protocol 2026-05', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ protocol: '2026-05', signatureMode: 'strict', tickMs: 5 });
  });
  afterAll(() => sim.close());

  it('answers the token-signed send_msg with an empty-body 401, but user/info still works', async () => {
    const account = sim.admin.createAccount();
    const send = await callSim(sim.url, account, SEND, { body: SEND_BODY });
    expect(send.status).toBe(401);
    expect(send.text).toBe('');
    expect((await callSim(sim.url, account, '/v1/api/user/info')).status).toBe(200);
  });

  it('accepts send_msg with the session cookie and the token in the query only, unsigned', async () => {
    const account = sim.admin.createAccount();
    const cookie = sim.admin.cookieHeader(account.realUserId);
    const send = await callSim(sim.url, account, SEND, { body: SEND_BODY, token: null, xSignature: 'none', corruptYy: true, headers: { cookie } });
    expect(send.status).toBe(200);
    expect(send.json).toMatchObject({ base_resp: { status_code: 0 } });
  });

  it("refuses another account's session cookie", async () => {
    const alice = sim.admin.createAccount();
    const bob = sim.admin.createAccount();
    const send = await callSim(sim.url, alice, SEND, { body: SEND_BODY, headers: { cookie: sim.admin.cookieHeader(bob.realUserId) } });
    expect(send.status).toBe(401);
  });

  it('marks guests with user.isAnonymous in the token', () => {
    const guest = sim.admin.createAccount({ guest: true });
    const payload = JSON.parse(Buffer.from(guest.token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { user: { isAnonymous: boolean } };
    expect(payload.user.isAnonymous).toBe(true);
  });
});

describe('simulator behind Cloudflare', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ cloudflare: true });
  });
  afterAll(() => sim.close());

  it('blocks an API call without the clearance cookie with the HTML 403 page', async () => {
    const account = sim.admin.createAccount();
    const info = await callSim(sim.url, account, '/v1/api/user/info');
    expect(info.status).toBe(403);
    expect(info.text).toContain('Cloudflare');
    const cleared = await callSim(sim.url, account, '/v1/api/user/info', { headers: { cookie: sim.admin.cookieHeader(account.realUserId, true) } });
    expect(cleared.status).toBe(200);
  });

  it('switches modes through the admin API', async () => {
    const response = await fetch(`${sim.url}/__admin/setOptions`, { method: 'POST', body: JSON.stringify({ cloudflare: false, protocol: '2026-05' }) });
    expect(response.status).toBe(200);
    const account = sim.admin.createAccount();
    expect((await callSim(sim.url, account, '/v1/api/user/info')).status).toBe(200);
    const cookie = (await (await fetch(`${sim.url}/__admin/cookieHeader`, { method: 'POST', body: JSON.stringify({ realUserId: account.realUserId }) })).json()) as { cookie: string };
    expect(cookie.cookie).toBe(sim.admin.cookieHeader(account.realUserId));
  });
});
