import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { isLoopback } from './http-util';
import { callSim } from './test-client';
import type { RecordedRequest, SimAccount, SimChat, Simulator } from './types';

let sim: Simulator;

beforeEach(async () => {
  sim = await startSimulator({ tickMs: 5, charsPerTick: 50 });
});
afterEach(() => sim.close());

async function admin<T>(operation: string, body: unknown = {}): Promise<{ status: number; json: T }> {
  const res = await fetch(`${sim.url}/__admin/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as T };
}

describe('admin over HTTP', () => {
  it('creates accounts, scripts replies and reads requests and chats', async () => {
    const { json: account } = await admin<SimAccount>('createAccount', { name: 'demo', credits: 5 });
    expect(account.credential).toBe(`${account.realUserId}+${account.token}`);
    expect((await admin('scriptReply', { reply: { text: 'scripted' }, realUserId: account.realUserId })).json).toEqual({ ok: true });
    const sent = await callSim(sim.url, account, '/matrix/api/v1/chat/send_msg', {
      body: { msg_type: 1, text: 'hello', chat_type: 1, attachments: [], selected_mcp_tools: [] },
    });
    const chatId = (sent.json as { chat_id: number }).chat_id;
    const { json: requests } = await admin<RecordedRequest[]>('requests', { path: '/matrix/api/v1/chat/send_msg' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', realUserId: account.realUserId, text: 'hello', chatId, status: 200 });
    await sim.admin.waitFor(() => sim.admin.running() === 0);
    const { json: chats } = await admin<SimChat[]>('chats', { realUserId: account.realUserId });
    expect(chats[0]).toMatchObject({ chatId, status: 2 });
    const detail = await callSim(sim.url, account, '/matrix/api/v1/chat/get_chat_detail', { body: { chat_id: chatId } });
    expect(JSON.stringify(detail.json)).toContain('scripted');
    expect((await admin<{ running: number }>('running', {})).json).toEqual({ running: 0 });
  });

  it('expires tokens, sets credits, options, faults and a fixed default reply', async () => {
    const account = sim.admin.createAccount();
    await admin('setCredits', { realUserId: account.realUserId, credits: 0 });
    const body = { msg_type: 1, text: 'x', chat_type: 1, attachments: [], selected_mcp_tools: [] };
    expect((await callSim(sim.url, account, '/matrix/api/v1/chat/send_msg', { body })).json).toMatchObject({ base_resp: { status_code: 1400010161 } });
    await admin('setCredits', { realUserId: account.realUserId, credits: 3 });
    await admin('setDefaultReply', { reply: { text: 'fixed' } });
    await admin('injectFault', { endpoint: 'send_msg', kind: 'http500' });
    expect((await callSim(sim.url, account, '/matrix/api/v1/chat/send_msg', { body })).status).toBe(500);
    await admin('setOptions', { signatureMode: 'strict' });
    expect((await callSim(sim.url, account, '/v1/api/user/info', { xSignature: 'none' })).status).toBe(403);
    await admin('setOptions', { signatureMode: 'off' });
    await admin('expireToken', { realUserId: account.realUserId });
    expect((await callSim(sim.url, account, '/v1/api/user/info')).json).toMatchObject({ statusInfo: { code: 1001 } });
  });

  it('reset forgets requests, chats and faults but keeps accounts', async () => {
    const account = sim.admin.createAccount();
    await callSim(sim.url, account, '/v1/api/user/info');
    sim.admin.injectFault({ endpoint: 'user_info', kind: 'http500' });
    expect((await admin('reset')).json).toEqual({ ok: true });
    expect(sim.admin.requests()).toHaveLength(0);
    expect((await callSim(sim.url, account, '/v1/api/user/info')).status).toBe(200);
    expect((await admin<SimAccount[]>('accounts')).json.map((a) => a.realUserId)).toEqual([account.realUserId]);
  });

  it('answers 400 on bad input and 404 on unknown operations', async () => {
    expect((await admin('setCredits', { realUserId: 'nobody', credits: 1 })).status).toBe(400);
    expect((await admin('injectFault', { endpoint: 'nowhere', kind: 'http500' })).status).toBe(400);
    expect((await admin('toString')).status).toBe(404);
    const notJson = await fetch(`${sim.url}/__admin/reset`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('accepts only loopback peers', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('192.168.1.20')).toBe(false);
  });
});

describe('login page', () => {
  it('serves the form with stable element ids', async () => {
    const res = await fetch(`${sim.url}/`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    for (const id of ['name', 'login', 'guest', 'status']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain("localStorage.setItem('_token'");
    expect(html).toContain("localStorage.setItem('user_detail_agent'");
  });

  it('tells the login page to leave out user_detail_agent when the simulator does (since May 2026)', async () => {
    expect((await admin<Record<string, unknown>>('login', { name: 'dora' })).json.omitUserDetail).toBeUndefined();
    await admin('setOptions', { omitUserDetail: true });
    expect((await admin<Record<string, unknown>>('login', { name: 'dora' })).json.omitUserDetail).toBe(true);
  });

  it('login reuses the account of the same name and creates guests', async () => {
    const first = (await admin<SimAccount>('login', { name: 'carol' })).json;
    const second = (await admin<SimAccount>('login', { name: 'carol' })).json;
    expect(second.realUserId).toBe(first.realUserId);
    const guest = (await admin<SimAccount>('login', { guest: true })).json;
    expect(guest.email).toMatch(/@guest\.com$/);
    expect(guest.realUserId).not.toBe(first.realUserId);
  });
});
