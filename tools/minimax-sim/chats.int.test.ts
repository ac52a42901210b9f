import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { callSim, type CallResult } from './test-client';
import type { SimAccount, Simulator } from './types';

interface WireMessage { msg_id: number; msg_type: number; msg_content: string; timestamp: number; extra_info: { thinking_content?: string }; tool_call?: { tool_call_name: string } }
interface Detail { chat: { chat_status: number }; messages: WireMessage[]; base_resp: { status_code: number; status_msg: string } }

let sim: Simulator;
let alice: SimAccount;

beforeEach(async () => {
  sim = await startSimulator({ tickMs: 5, charsPerTick: 3 });
  alice = sim.admin.createAccount({ name: 'alice' });
});
afterEach(() => sim.close());

const sendBody = (text: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  msg_type: 1, text, chat_type: 1, attachments: [], selected_mcp_tools: [], backend_config: {}, sub_agent_ids: [], ...extra,
});

async function send(account: SimAccount, text: string, extra: Record<string, unknown> = {}): Promise<CallResult> {
  return callSim(sim.url, account, '/matrix/api/v1/chat/send_msg', { body: sendBody(text, extra) });
}

async function detail(chatId: number, account = alice): Promise<Detail> {
  return (await callSim(sim.url, account, '/matrix/api/v1/chat/get_chat_detail', { body: { chat_id: chatId } })).json as Detail;
}

/**
 * Polls like a client until chat_status 2, returning every AI state seen. Bounded by time, not by
 * a poll count: on a fast machine back-to-back polls can outrun the reply's own timers.
 */
async function pollToEnd(chatId: number, timeoutMs = 15_000): Promise<Detail[]> {
  const seen: Detail[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const d = await detail(chatId);
    seen.push(d);
    if (d.chat.chat_status === 2) return seen;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`chat never finished within ${timeoutMs} ms`);
}

const chatIdOf = (r: CallResult): number => (r.json as { chat_id: number }).chat_id;
const lastAi = (d: Detail): WireMessage | undefined => d.messages.filter((m) => m.msg_type === 2).at(-1);

describe('send_msg and generation', () => {
  it('returns integer ids, then grows thinking and text cumulatively until chat_status 2', async () => {
    sim.admin.scriptReply({ text: 'The answer is 42, of course.', thinking: 'Let me think.' });
    const sent = await send(alice, 'user:question\n');
    expect(sent.json).toMatchObject({ base_resp: { status_code: 0 }, agent_pod_ip: expect.any(String), chat_language: 2 });
    const { chat_id, msg_id } = sent.json as { chat_id: number; msg_id: number };
    expect(Number.isSafeInteger(chat_id) && Number.isSafeInteger(msg_id) && chat_id !== msg_id).toBe(true);
    const seen = await pollToEnd(chat_id);
    const contents = seen.map((d) => lastAi(d)?.msg_content ?? '');
    for (let i = 1; i < contents.length; i++) expect(contents[i]?.startsWith(contents[i - 1] ?? '')).toBe(true);
    expect(new Set(contents).size).toBeGreaterThan(2);
    const final = seen.at(-1) as Detail;
    expect(lastAi(final)).toMatchObject({ msg_content: 'The answer is 42, of course.', extra_info: { thinking_content: 'Let me think.' } });
    expect(final.messages[0]).toMatchObject({ msg_id, msg_type: 1, msg_content: 'user:question\n' });
    expect(seen.slice(0, -1).every((d) => d.chat.chat_status === 1)).toBe(true);
    const chat = sim.admin.chats(alice.realUserId)[0];
    expect(chat).toMatchObject({ chatId: chat_id, status: 2, polls: seen.length, text: 'user:question\n' });
    expect(chat?.growth.at(-1)).toMatchObject({ textLength: 28, thinkingLength: 13 });
    expect(sim.admin.requests({ path: '/matrix/api/v1/chat/send_msg' })[0]).toMatchObject({ text: 'user:question\n', chatId: chat_id });
  });

  it('uses an echo of the prompt when nothing is scripted, or the default factory', async () => {
    sim.admin.setOptions({ charsPerTick: 60 });
    const echo = await pollToEnd(chatIdOf(await send(alice, 'user:ping\nassistant:')));
    expect(lastAi(echo.at(-1) as Detail)?.msg_content).toMatch(/^Echo: ping/);
    sim.admin.setDefaultReply((text) => ({ text: `len=${text.length}` }));
    const custom = await pollToEnd(chatIdOf(await send(alice, 'abc')));
    expect(lastAi(custom.at(-1) as Detail)?.msg_content).toBe('len=3');
  });

  it('validates required fields', async () => {
    for (const field of ['msg_type', 'text', 'chat_type', 'attachments', 'selected_mcp_tools']) {
      const body = sendBody('x');
      delete body[field];
      const res = await callSim(sim.url, alice, '/matrix/api/v1/chat/send_msg', { body });
      expect(res.json).toMatchObject({ base_resp: { status_code: 1400010001, status_msg: `invalid params: ${field}` } });
    }
    expect(sim.admin.chats()).toHaveLength(0);
  });

  it('continues a chat by chat_id, keeping earlier AI messages', async () => {
    sim.admin.scriptReply({ text: 'first' });
    sim.admin.scriptReply({ text: 'second' });
    const chatId = chatIdOf(await send(alice, 'one'));
    await pollToEnd(chatId);
    const again = await send(alice, 'two', { chat_id: chatId });
    expect(again.json).toMatchObject({ chat_id: chatId, base_resp: { status_code: 0 } });
    const final = (await pollToEnd(chatId)).at(-1) as Detail;
    expect(final.messages.map((m) => [m.msg_type, m.msg_content])).toEqual([[1, 'one'], [2, 'first'], [1, 'two'], [2, 'second']]);
    expect(new Set(final.messages.map((m) => m.msg_id)).size).toBe(4);
    expect((await send(alice, 'x', { chat_id: 12345 })).json).toMatchObject({ base_resp: { status_code: 1400010002 } });
  });

  it('shows agent steps as msg_type 2 tool messages before the final message', async () => {
    sim.admin.scriptReply({ text: 'found it', agentSteps: [{ toolCallName: 'Web Search', content: 'query' }] });
    const final = (await pollToEnd(chatIdOf(await send(alice, 'q')))).at(-1) as Detail;
    const ai = final.messages.filter((m) => m.msg_type === 2);
    expect(ai).toHaveLength(2);
    expect(ai[0]?.tool_call).toEqual({ tool_call_name: 'Web Search' });
    expect(ai[1]).toMatchObject({ msg_content: 'found it' });
    expect(ai[1]?.tool_call).toBeUndefined();
  });

  it('shrinkOnce swaps the AI message for a new msg_id with shorter text', async () => {
    sim.admin.scriptReply({ text: 'abcdefghijklmnopqrstuvwxyz', shrinkOnce: true, tickMs: 40 });
    const seen = await pollToEnd(chatIdOf(await send(alice, 'q')));
    expect(new Set(seen.map((d) => lastAi(d)?.msg_id).filter((id) => id !== undefined)).size).toBe(2);
    expect(lastAi(seen.at(-1) as Detail)?.msg_content).toBe('abcdefghijklmnopqrstuvwxyz');
  });

  it('neverFinish keeps chat_status 1', async () => {
    sim.admin.scriptReply({ text: 'abc', neverFinish: true });
    const chatId = chatIdOf(await send(alice, 'q'));
    await sim.admin.waitFor(() => (sim.admin.chats()[0]?.growth.at(-1)?.textLength ?? 0) === 3);
    expect((await detail(chatId)).chat.chat_status).toBe(1);
    expect(sim.admin.running(alice.realUserId)).toBe(1);
  });

  it('stop_run_agent ends a running reply', async () => {
    sim.admin.scriptReply({ text: 'abc', neverFinish: true });
    const chatId = chatIdOf(await send(alice, 'q'));
    await callSim(sim.url, alice, '/matrix/api/v1/chat/stop_run_agent', { body: { chat_id: chatId } });
    expect((await detail(chatId)).chat.chat_status).toBe(2);
  });
});

describe('account limits', () => {
  it('refuses a second reply while one runs, per account', async () => {
    sim.admin.scriptReply({ text: 'slow', tickMs: 10_000 });
    await send(alice, 'one');
    expect((await send(alice, 'two')).json).toMatchObject({ base_resp: { status_code: 1400010171, status_msg: 'a reply is already running' } });
    const bob = sim.admin.createAccount({ name: 'bob' });
    expect((await send(bob, 'three')).json).toMatchObject({ base_resp: { status_code: 0 } });
    sim.admin.setOptions({ oneReplyPerAccount: false });
    expect((await send(alice, 'four')).json).toMatchObject({ base_resp: { status_code: 0 } });
    expect(sim.admin.running(alice.realUserId)).toBe(2);
    expect(sim.admin.running()).toBe(3);
  });

  it('decrements credits per message and refuses when exhausted', async () => {
    sim.admin.setCredits(alice.realUserId, 1);
    sim.admin.scriptReply({ text: 'ok' });
    await pollToEnd(chatIdOf(await send(alice, 'one')));
    const refused = await send(alice, 'two');
    expect(refused.json).toMatchObject({ base_resp: { status_code: 1400010161, status_msg: 'not enough credits' } });
    const membership = await callSim(sim.url, alice, '/matrix/api/v1/commerce/get_membership_info', { body: {} });
    expect(membership.json).toMatchObject({ total_remains_credit: 0, daily_login_gift_credit_remaining: 0 });
    expect(sim.admin.chats(alice.realUserId)).toHaveLength(1);
  });
});

describe('chat lifecycle', () => {
  it('refuses delete while running, deletes after completion, then the chat is gone', async () => {
    sim.admin.scriptReply({ text: 'abcdefghijkl', tickMs: 30 });
    const chatId = chatIdOf(await send(alice, 'q'));
    const early = await callSim(sim.url, alice, '/matrix/api/v1/chat/delete_chat', { body: { chat_id: chatId } });
    expect(early.json).toMatchObject({ base_resp: { status_code: 1400010180, status_msg: 'chat is running' } });
    await pollToEnd(chatId);
    const late = await callSim(sim.url, alice, '/matrix/api/v1/chat/delete_chat', { body: { chat_id: chatId } });
    expect(late.json).toMatchObject({ base_resp: { status_code: 0 } });
    expect((await detail(chatId)).base_resp.status_code).toBe(1400010002);
    const list = await callSim(sim.url, alice, '/matrix/api/v1/chat/list_chat', { body: { page_size: 10 } });
    expect((list.json as { chats: unknown[] }).chats).toHaveLength(0);
    expect(sim.admin.chats()[0]).toMatchObject({ deleted: true, polls: expect.any(Number) });
    const pollsAfterDelete = sim.admin.chats()[0]?.polls ?? 0;
    await detail(chatId);
    expect(sim.admin.chats()[0]?.polls).toBe(pollsAfterDelete + 1);
  });

  it('pages list_chat with page_size and next_page_index_id', async () => {
    sim.admin.setOptions({ oneReplyPerAccount: false });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(chatIdOf(await send(alice, `chat ${i}`)));
    const page = async (extra: Record<string, unknown>): Promise<{ chats: { chat_id: number; chat_title: string }[]; has_more: boolean }> =>
      (await callSim(sim.url, alice, '/matrix/api/v1/chat/list_chat', { body: { page_size: 2, workspace_storage_mode: 0, ...extra } })).json as never;
    const first = await page({});
    expect(first.chats.map((c) => c.chat_id)).toEqual([ids[4], ids[3]]);
    expect(first.has_more).toBe(true);
    expect(first.chats[0]).toMatchObject({ chat_title: 'chat 4', chat_type: 1, create_timestamp: expect.any(Number) });
    const second = await page({ next_page_index_id: ids[3] });
    expect(second.chats.map((c) => c.chat_id)).toEqual([ids[2], ids[1]]);
    const third = await page({ next_page_index_id: ids[1] });
    expect(third.chats.map((c) => c.chat_id)).toEqual([ids[0]]);
    expect(third.has_more).toBe(false);
    const bob = sim.admin.createAccount({ name: 'bob' });
    expect(((await callSim(sim.url, bob, '/matrix/api/v1/chat/list_chat', { body: {} })).json as { chats: unknown[] }).chats).toHaveLength(0);
  });

  it('hides other accounts\' chats and counts polls', async () => {
    const chatId = chatIdOf(await send(alice, 'q'));
    const bob = sim.admin.createAccount({ name: 'bob' });
    expect((await detail(chatId, bob)).base_resp.status_code).toBe(1400010002);
    await detail(chatId);
    await detail(chatId);
    const chat = sim.admin.chats(alice.realUserId)[0];
    expect(chat?.polls).toBe(2);
    expect(chat?.lastPollAt).toEqual(expect.any(Number));
  });
});
