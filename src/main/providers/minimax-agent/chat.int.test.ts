import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimAccount, type Simulator } from '../../../../tools/minimax-sim';
import { isAgentCredential, type ProviderAccount } from '../types';
import { flattenConversation } from './flatten';
import { PATHS } from './protocol';
import { chatOptions, collectReply, createSimProvider, toProviderAccount, userRequest } from './__test__/sim-harness';

let sim: Simulator;
let simAccount: SimAccount;
let account: ProviderAccount;
let harness: ReturnType<typeof createSimProvider>;

beforeAll(async () => {
  sim = await startSimulator({ signatureMode: 'strict', tickMs: 20 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  simAccount = sim.admin.createAccount({ name: 'alice' });
  account = toProviderAccount(sim, simAccount);
  harness = createSimProvider();
});
afterEach(() => {
  sim.admin.reset();
});

function chatsOf() {
  return sim.admin.chats(simAccount.realUserId);
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

describe('chat against the simulator (strict signatures)', () => {
  it('delivers thinking and text, sends exactly the flattened conversation, and deletes the chat', async () => {
    sim.admin.scriptReply({ text: 'The answer is 42, as everyone knows.', thinking: 'Let me think about it.', charsPerTick: 7 });
    const request = userRequest('What is the answer?');
    const thinking = { id: 'MiniMax-M2.7-Think', capabilities: { thinking: true, webSearch: false } };
    const out = await collectReply(harness.provider.chat(request, chatOptions(account, { model: thinking })));
    expect(out.error).toBeNull();
    expect(out.reasoning).toBe('Let me think about it.');
    expect(out.text).toBe('The answer is 42, as everyone knows.');
    expect(out.events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    const sends = sim.admin.requests({ path: PATHS.sendMsg });
    expect(sends.map((r) => r.text)).toEqual([flattenConversation(request.messages)]);
    expect(sim.admin.requests().every((r) => r.signature.yyValid && r.signature.xSignature === 'secret')).toBe(true);
    const [chat] = chatsOf();
    expect(chat?.deleted).toBe(true);
    expect(harness.ledger.list(account.id)).toEqual([]);
  });

  it('signs with either x-signature variant as the setting says', async () => {
    for (const variant of ['token', 'secret'] as const) {
      harness.variant.current = variant;
      sim.admin.scriptReply({ text: `variant ${variant}` });
      const out = await collectReply(harness.provider.chat(userRequest('hi'), chatOptions(account)));
      expect(out.text).toBe(`variant ${variant}`);
      const polls = sim.admin.requests({ path: PATHS.chatDetail }).slice(-1);
      expect(polls[0]?.signature).toEqual({ yyValid: true, xSignature: variant });
    }
  });

  it('reports a Cloudflare page on send_msg as upstream_blocked', async () => {
    sim.admin.injectFault({ endpoint: 'send_msg', kind: 'html403' });
    const out = await collectReply(harness.provider.chat(userRequest('hi'), chatOptions(account)));
    expect(errorCode(out.error)).toBe('upstream_blocked');
    expect(chatsOf()).toEqual([]);
  });

  it.each(['http500', 'http503', 'nonJson', 'drop'] as const)(
    'reports a %s answer to send_msg as upstream_unavailable',
    async (kind) => {
      sim.admin.injectFault({ endpoint: 'send_msg', kind });
      const out = await collectReply(harness.provider.chat(userRequest('hi'), chatOptions(account)));
      expect(errorCode(out.error)).toBe('upstream_unavailable');
      expect(chatsOf()).toEqual([]);
    },
  );

  it('rides out failing polls (5xx, non-JSON, business error, dropped socket) and completes', async () => {
    sim.admin.scriptReply({ text: 'survived the storm' });
    for (const kind of ['http500', 'nonJson', 'baseResp', 'drop', 'http503'] as const) {
      sim.admin.injectFault({ endpoint: 'get_chat_detail', kind });
    }
    const out = await collectReply(harness.provider.chat(userRequest('hi'), chatOptions(account)));
    expect(out.error).toBeNull();
    expect(out.text).toBe('survived the storm');
    expect(sim.admin.requests({ path: PATHS.chatDetail }).filter((r) => r.status !== 200).length).toBeGreaterThanOrEqual(3);
  });

  it('gives up with upstream_unavailable when polls keep failing', async () => {
    sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'http500', count: 100 });
    const out = await collectReply(harness.provider.chat(userRequest('hi'), chatOptions(account, { cleanup: false })));
    expect(errorCode(out.error)).toBe('upstream_unavailable');
  });

  it('ends with finish length when the deadline passes mid-reply', async () => {
    sim.admin.scriptReply({ text: 'x'.repeat(400), neverFinish: true, charsPerTick: 10 });
    const out = await collectReply(harness.provider.chat(userRequest('hi'), chatOptions(account, { timeoutMs: 1_000, cleanup: false })));
    expect(out.error).toBeNull();
    expect(out.text.length).toBeGreaterThan(0);
    expect(out.events.at(-1)).toEqual({ type: 'finish', reason: 'length' });
  });

  it('throws timeout when the send is slower than the deadline, and still deletes the chat it created', async () => {
    sim.admin.injectFault({ endpoint: 'send_msg', kind: 'slow', delayMs: 3_000 });
    const started = Date.now();
    const out = await collectReply(harness.provider.chat(userRequest('hi'), chatOptions(account, { timeoutMs: 800 })));
    expect(errorCode(out.error)).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_900);
    // The send was not cut, so the chat it created is known and deleted once it answers.
    await sim.admin.waitFor(() => chatsOf()[0]?.deleted === true, 15_000);
    // The simulator marks the chat deleted just before its answer reaches the client.
    await expect.poll(() => harness.ledger.list(account.id)).toEqual([]);
  }, 20_000);

  it('maps an expired token to upstream_auth_expired (HTTP 401 and base_resp 2)', async () => {
    for (const mode of ['http401', 'code2'] as const) {
      sim.admin.setOptions({ expiredOnMatrix: mode });
      const fresh = toProviderAccount(sim, sim.admin.createAccount({ name: `exp-${mode}` }));
      sim.admin.expireToken(isAgentCredential(fresh.credential) ? fresh.credential.realUserId : '');
      const out = await collectReply(harness.provider.chat(userRequest('hi'), chatOptions(fresh)));
      expect(errorCode(out.error)).toBe('upstream_auth_expired');
    }
    sim.admin.setOptions({ expiredOnMatrix: 'http401' });
  });

  it('maps exhausted credits to upstream_credits_exhausted with the reset time', async () => {
    sim.admin.setCredits(simAccount.realUserId, 0);
    const out = await collectReply(harness.provider.chat(userRequest('hi'), chatOptions(account)));
    expect(errorCode(out.error)).toBe('upstream_credits_exhausted');
    const detail = (out.error as { detail?: Record<string, unknown> }).detail;
    expect(detail?.resetAt).toBeGreaterThan(Date.now());
  });

  it('maps the one-reply-at-a-time refusal to upstream_busy', async () => {
    sim.admin.scriptReply({ text: 'y'.repeat(2_000), charsPerTick: 5 });
    const first = harness.provider.chat(userRequest('one'), chatOptions(account, { cleanup: false }));
    await first.next();
    const out = await collectReply(harness.provider.chat(userRequest('two'), chatOptions(account)));
    expect(errorCode(out.error)).toBe('upstream_busy');
    await first.return(undefined);
  });

  it('skips agent tool steps and returns only the final answer', async () => {
    sim.admin.scriptReply({
      text: 'Final answer after searching.',
      agentSteps: [{ toolCallName: 'Web Search', content: 'searching the web…' }, { toolCallName: 'Browse' }],
    });
    const out = await collectReply(harness.provider.chat(userRequest('search'), chatOptions(account)));
    expect(out.text).toBe('Final answer after searching.');
  });

  it('delivers the text once when the reply restarts shorter under a new msg_id', async () => {
    const text = 'abcdefghijklmnopqrstuvwxyz'.repeat(8);
    sim.admin.scriptReply({ text, shrinkOnce: true, charsPerTick: 16, tickMs: 60 });
    const out = await collectReply(harness.provider.chat(userRequest('shrink'), chatOptions(account)));
    expect(out.text).toBe(text);
  });

  it('stops polling at once on abort and still deletes the chat', async () => {
    sim.admin.scriptReply({ text: 'z'.repeat(600), charsPerTick: 20, tickMs: 100 });
    const controller = new AbortController();
    let abortedAt = 0;
    const out = await collectReply(
      (async function* () {
        for await (const event of harness.provider.chat(userRequest('long'), chatOptions(account, { signal: controller.signal }))) {
          yield event;
          if (event.type === 'text' && abortedAt === 0) {
            abortedAt = Date.now();
            controller.abort();
          }
        }
      })(),
    );
    expect(errorCode(out.error)).toBe('aborted');
    await sim.admin.waitFor(() => chatsOf()[0]?.deleted === true, 15_000);
    const chatId = chatsOf()[0]?.chatId;
    const late = sim.admin
      .requests({ path: PATHS.chatDetail })
      .filter((r) => r.chatId === chatId && r.time > abortedAt + 100);
    expect(late).toEqual([]);
    // The simulator marks the chat deleted just before its answer reaches the client.
    await expect.poll(() => harness.ledger.list(account.id)).toEqual([]);
  }, 20_000);
});
