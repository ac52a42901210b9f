import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { RealStack } from './__test__/real-stack';
import { startRealStack } from './__test__/real-stack';

const SEND = '/matrix/api/v1/chat/send_msg';
const POLL = '/matrix/api/v1/chat/get_chat_detail';
const user = [{ role: 'user' as const, content: 'hello there' }];

let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

/** Two accounts; the first is preferred (more credits), so it is always tried first. */
async function twoAccounts(): Promise<{ s: RealStack; openai: OpenAI; first: string; second: string }> {
  const s = await startRealStack({ accounts: 2 });
  const now = Date.now();
  s.repository.setCredits(s.accountIds[0]!, { remaining: 200, resetAt: null, planName: null, checkedAt: now });
  s.repository.setCredits(s.accountIds[1]!, { remaining: 100, resetAt: null, planName: null, checkedAt: now });
  stack = s;
  return { s, openai: new OpenAI({ baseURL: s.baseURL, apiKey: 'k', maxRetries: 0 }), first: s.accountIds[0]!, second: s.accountIds[1]! };
}

async function logOf(s: RealStack, id: string | null | undefined): Promise<ReturnType<RealStack['requestLog']['get']>> {
  await s.sim.admin.waitFor(() => s.requestLog.get(id ?? '')?.status !== 'streaming', 5_000);
  return s.requestLog.get(id ?? '');
}

describe('failover before the first byte', () => {
  it.each([
    ['an expired token', 'upstream_auth_expired', 'expired'],
    ['exhausted credits', 'upstream_credits_exhausted', 'exhausted'],
    ['an upstream HTTP 500', 'upstream_unavailable', 'cooling'],
  ] as const)('moves on after %s and parks the account', async (_name, code, status) => {
    const { s, openai, first, second } = await twoAccounts();
    const bad = s.simAccounts[0]!.realUserId;
    if (code === 'upstream_auth_expired') s.sim.admin.expireToken(bad);
    else if (code === 'upstream_credits_exhausted') s.sim.admin.setCredits(bad, 0);
    else s.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'http500', realUserId: bad, count: 10 });
    s.sim.admin.scriptReply({ text: 'served by the second account' }, s.simAccounts[1]!.realUserId);

    const answer = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: user });
    expect(answer.choices[0]?.message.content).toBe('served by the second account');
    expect(s.repository.get(first).status).toBe(status);
    expect(s.repository.get(second).status).toBe('active');

    const entry = await logOf(s, answer.id.replace(/^chatcmpl-/, ''));
    expect(entry?.status).toBe('success');
    expect(entry?.accountId).toBe(second);
    expect(entry?.attempts.map((a) => [a.accountId, a.outcome, a.errorCode])).toEqual([
      [first, 'failover', code],
      [second, 'success', null],
    ]);
  });

  it('stops after every account failed, with the upstream error', async () => {
    const { s, openai, first, second } = await twoAccounts();
    s.sim.admin.injectFault({ endpoint: 'send_msg', kind: 'http503', count: 10 });
    await expect(openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: user })).rejects.toMatchObject({ status: 502 });
    expect(s.sim.admin.requests({ path: SEND }).map((r) => r.realUserId).sort()).toEqual([s.simAccounts[0]!.realUserId, s.simAccounts[1]!.realUserId].sort());
    expect([s.repository.get(first).status, s.repository.get(second).status]).toEqual(['cooling', 'cooling']);
  });
});

describe('queueing', () => {
  it('serves 6 concurrent requests over 2 accounts, one running chat per account', async () => {
    stack = await startRealStack({ accounts: 2 });
    const s = stack;
    s.sim.admin.setDefaultReply((text) => ({ text: `reply to ${text.length} chars`, tickMs: 30, charsPerTick: 4 }));
    const openai = new OpenAI({ baseURL: s.baseURL, apiKey: 'k', maxRetries: 0 });
    let peak = 0;
    const watch = setInterval(() => {
      for (const account of s.simAccounts) peak = Math.max(peak, s.sim.admin.running(account.realUserId));
    }, 5);
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: `question ${i}` }] })),
      );
      expect(answers.every((a) => a.choices[0]?.message.content?.startsWith('reply to'))).toBe(true);
    } finally {
      clearInterval(watch);
    }
    const sends = s.sim.admin.requests({ path: SEND });
    expect(sends).toHaveLength(6);
    // The simulator refuses a second send while a chat of the account runs: all 200 means none overlapped.
    expect(sends.every((r) => r.status === 200)).toBe(true);
    expect(peak).toBeLessThanOrEqual(1);
    const entries = s.requestLog.query({ limit: 10 });
    expect(entries.filter((e) => (e.queueWaitMs ?? 0) > 0).length).toBeGreaterThan(0);
  });
});

describe('client disconnect', () => {
  it('stops polling, deletes the chat and frees the account when the client aborts mid-stream', async () => {
    stack = await startRealStack({ accounts: 1 });
    const s = stack;
    // Long enough to abort in the middle, short enough that the upstream chat ends (and can be deleted) soon after.
    s.sim.admin.scriptReply({ text: 'x'.repeat(200), tickMs: 50, charsPerTick: 5 });
    const openai = new OpenAI({ baseURL: s.baseURL, apiKey: 'k', maxRetries: 0 });
    const stream = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: user, stream: true });
    let received = '';
    for await (const chunk of stream) {
      received += chunk.choices[0]?.delta.content ?? '';
      if (received.length > 0) break; // leaving the loop aborts the SDK's request
    }
    const abortedAt = Date.now();
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThan(200);
    await s.sim.admin.waitFor(() => s.requestLog.query({ status: 'aborted' }).length === 1, 5_000);
    expect(s.pool.busyCount(s.accountIds[0]!)).toBe(0);
    await s.sim.admin.waitFor(() => s.sim.admin.chats().length === 1 && s.sim.admin.chats().every((chat) => chat.deleted), 10_000);
    const lastPoll = Math.max(...s.sim.admin.requests({ path: POLL }).map((r) => r.time));
    expect(lastPoll).toBeLessThan(abortedAt + 1_000);

    s.sim.admin.scriptReply({ text: 'next one' });
    const next = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: user });
    expect(next.choices[0]?.message.content).toBe('next one');
  });
});
