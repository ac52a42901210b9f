import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler, startSimulator } from './index';
import { callSim } from './test-client';
import type { SimAccount, Simulator } from './types';

let sim: Simulator;
let alice: SimAccount;
const LIST = '/matrix/api/v1/chat/list_chat';
const SEND = '/matrix/api/v1/chat/send_msg';
const sendBody = { msg_type: 1, text: 'hi', chat_type: 1, attachments: [], selected_mcp_tools: [] };

beforeEach(async () => {
  sim = await startSimulator({ tickMs: 5 });
  alice = sim.admin.createAccount({ name: 'alice' });
});
afterEach(() => sim.close());

describe('injected faults', () => {
  it('http500 and http503 affect `count` requests, then normal answers resume', async () => {
    sim.admin.injectFault({ endpoint: 'list_chat', kind: 'http500', count: 2 });
    sim.admin.injectFault({ endpoint: 'user_info', kind: 'http503' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await callSim(sim.url, alice, LIST, { body: {} })).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect((await callSim(sim.url, alice, '/v1/api/user/info')).status).toBe(503);
    expect((await callSim(sim.url, alice, '/v1/api/user/info')).status).toBe(200);
  });

  it('nonJson answers HTTP 200 with a body that is not JSON', async () => {
    sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'nonJson' });
    const res = await callSim(sim.url, alice, '/matrix/api/v1/chat/get_chat_detail', { body: { chat_id: 1 } });
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.text) as unknown).toThrow();
  });

  it('html403 answers a Cloudflare-like HTML challenge', async () => {
    sim.admin.injectFault({ endpoint: 'any', kind: 'html403' });
    const res = await fetch(`${sim.url}/v1/api/user/info?token=${alice.token}`, { headers: { token: alice.token } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('Just a moment...');
  });

  it('baseResp uses the envelope of the endpoint family', async () => {
    sim.admin.injectFault({ endpoint: 'send_msg', kind: 'baseResp', code: 1400010161, message: 'not enough credits' });
    sim.admin.injectFault({ endpoint: 'user_info', kind: 'baseResp' });
    const send = await callSim(sim.url, alice, SEND, { body: sendBody });
    expect(send.json).toEqual({ base_resp: { status_code: 1400010161, status_msg: 'not enough credits' } });
    expect(sim.admin.chats()).toHaveLength(0);
    const info = await callSim(sim.url, alice, '/v1/api/user/info');
    expect(info.json).toMatchObject({ statusInfo: { code: -1, message: 'server busy' } });
    const membership = await callSim(sim.url, alice, '/matrix/api/v1/commerce/get_membership_info', { body: {} });
    expect(membership.json).toMatchObject({ total_remains_credit: 200 });
  });

  it('slow delays the answer until delayMs has passed', async () => {
    sim.admin.injectFault({ endpoint: 'list_chat', kind: 'slow', delayMs: 300 });
    const pending = callSim(sim.url, alice, LIST, { body: {} });
    await sim.admin.waitFor(() => sim.admin.requests({ path: LIST }).length === 1);
    expect(sim.admin.requests({ path: LIST })[0]?.status).toBe(0);
    const res = await pending;
    expect(res.json).toMatchObject({ base_resp: { status_code: 0 } });
    expect(sim.admin.requests({ path: LIST })[0]?.status).toBe(200);
  });

  it('a client abort cancels the timer of a slow answer', async () => {
    const scheduler = createScheduler();
    const own = await startSimulator({}, { scheduler });
    try {
      const bob = own.admin.createAccount();
      own.admin.injectFault({ endpoint: 'list_chat', kind: 'slow', delayMs: 60_000 });
      const controller = new AbortController();
      const pending = fetch(`${own.url}${LIST}?token=${bob.token}`, { method: 'POST', headers: { token: bob.token }, body: '{}', signal: controller.signal });
      await own.admin.waitFor(() => own.admin.requests({ path: LIST }).length === 1);
      expect(scheduler.pending()).toBe(1);
      controller.abort();
      await expect(pending).rejects.toThrow();
      // waitFor's own re-check timer has already fired when the predicate runs, so 0 means none left.
      await own.admin.waitFor(() => scheduler.pending() === 0);
      expect(own.admin.requests({ path: LIST })[0]?.status).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('drop destroys the socket without an answer', async () => {
    sim.admin.injectFault({ endpoint: 'send_msg', kind: 'drop' });
    await expect(callSim(sim.url, alice, SEND, { body: sendBody })).rejects.toThrow();
    expect(sim.admin.requests({ path: SEND })[0]?.status).toBe(0);
    expect((await callSim(sim.url, alice, SEND, { body: sendBody })).json).toMatchObject({ base_resp: { status_code: 0 } });
  });

  it('targets one account when realUserId is given, and clearFaults removes pending faults', async () => {
    const bob = sim.admin.createAccount({ name: 'bob' });
    sim.admin.injectFault({ endpoint: 'list_chat', kind: 'http500', realUserId: bob.realUserId, count: 5 });
    expect((await callSim(sim.url, alice, LIST, { body: {} })).status).toBe(200);
    expect((await callSim(sim.url, bob, LIST, { body: {} })).status).toBe(500);
    sim.admin.clearFaults();
    expect((await callSim(sim.url, bob, LIST, { body: {} })).status).toBe(200);
  });

  it('a failed poll still counts as a poll of its chat', async () => {
    const chatId = ((await callSim(sim.url, alice, SEND, { body: sendBody })).json as { chat_id: number }).chat_id;
    sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'http503' });
    expect((await callSim(sim.url, alice, '/matrix/api/v1/chat/get_chat_detail', { body: { chat_id: chatId } })).status).toBe(503);
    expect(sim.admin.chats()[0]?.polls).toBe(1);
  });
});
