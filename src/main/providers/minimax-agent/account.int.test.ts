import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../../tools/minimax-sim';
import { callSim } from '../../../../tools/minimax-sim/test-client';
import { parseCredential } from './credentials';
import { PATHS } from './protocol';
import { chatOptions, collectReply, createSimProvider, toProviderAccount, userRequest } from './__test__/sim-harness';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ signatureMode: 'strict', tickMs: 10 });
});
afterAll(async () => {
  await sim.close();
});

describe('account checks against the simulator', () => {
  it('validates a pasted credential and says who it is', async () => {
    const simAccount = sim.admin.createAccount({ name: 'bob', email: 'bob@example.com', expiresInSec: 3600 });
    const parsed = parseCredential(simAccount.credential);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.credential.realUserId).toBe(simAccount.realUserId);
    const { provider } = createSimProvider();
    const identity = await provider.validate(toProviderAccount(sim, simAccount));
    expect(identity).toMatchObject({ realUserId: simAccount.realUserId, userName: 'bob', email: 'bob@example.com' });
    expect(identity.tokenExpiresAt).toBeGreaterThan(Date.now());
    const [info] = sim.admin.requests({ path: PATHS.userInfo, realUserId: simAccount.realUserId });
    expect(info?.signature).toEqual({ yyValid: true, xSignature: 'secret' });
  });

  it('rejects an expired token with upstream_auth_expired', async () => {
    const simAccount = sim.admin.createAccount({ name: 'carol' });
    sim.admin.expireToken(simAccount.realUserId);
    const { provider } = createSimProvider();
    await expect(provider.validate(toProviderAccount(sim, simAccount))).rejects.toMatchObject({ code: 'upstream_auth_expired' });
  });

  it('reads remaining credits and the daily reset time', async () => {
    const simAccount = sim.admin.createAccount({ name: 'dave', credits: 123 });
    const { provider } = createSimProvider();
    const credits = await provider.credits(toProviderAccount(sim, simAccount));
    expect(credits).toMatchObject({ remaining: 123 });
    expect(credits?.resetAt).toBeGreaterThan(Date.now());
  });

  it('registers a device once and reuses it for later calls', async () => {
    const simAccount = sim.admin.createAccount({ name: 'erin' });
    const account = toProviderAccount(sim, simAccount);
    const { provider } = createSimProvider();
    await provider.credits(account);
    await provider.credits(account);
    expect(sim.admin.requests({ path: PATHS.deviceRegister, realUserId: simAccount.realUserId })).toHaveLength(1);
    const [membership] = sim.admin.requests({ path: PATHS.membership, realUserId: simAccount.realUserId });
    expect(membership?.query.device_id).toMatch(/^\d+$/);
  });
});

describe('side endpoint faults against the simulator', () => {
  it('still chats with the token device id when device registration fails', async () => {
    const simAccount = sim.admin.createAccount({ name: 'gina' });
    sim.admin.injectFault({ endpoint: 'device_register', kind: 'http500', realUserId: simAccount.realUserId });
    const { provider } = createSimProvider();
    const out = await collectReply(provider.chat(userRequest('hi'), chatOptions(toProviderAccount(sim, simAccount))));
    expect(out.error).toBeNull();
    const [send] = sim.admin.requests({ path: PATHS.sendMsg, realUserId: simAccount.realUserId });
    expect(send?.query.device_id).toBe(simAccount.deviceId);
  });

  it.each([
    ['user_info', 'html403', 'upstream_blocked'],
    ['user_info', 'nonJson', 'upstream_unavailable'],
    ['membership', 'http503', 'upstream_unavailable'],
    ['membership', 'baseResp', 'upstream_unavailable'],
  ] as const)('reports a %s %s as %s', async (endpoint, kind, code) => {
    const simAccount = sim.admin.createAccount({ name: `${endpoint}-${kind}` });
    sim.admin.injectFault({ endpoint, kind, realUserId: simAccount.realUserId });
    const { provider } = createSimProvider();
    const account = toProviderAccount(sim, simAccount);
    const call = endpoint === 'user_info' ? provider.validate(account) : provider.credits(account);
    await expect(call).rejects.toMatchObject({ code });
  });

  it('keeps a chat in the ledger when its deletion fails, for the next bulk cleanup', async () => {
    const simAccount = sim.admin.createAccount({ name: 'hank' });
    sim.admin.injectFault({ endpoint: 'delete_chat', kind: 'http500', realUserId: simAccount.realUserId });
    const { provider, ledger } = createSimProvider();
    const account = toProviderAccount(sim, simAccount);
    const out = await collectReply(provider.chat(userRequest('hi'), chatOptions(account)));
    expect(out.error).toBeNull();
    expect(ledger.list(account.id)).toHaveLength(1);
    expect(await provider.cleanupChats(account)).toEqual({ deleted: 1, failed: 0, skipped: 0 });
    expect(ledger.list(account.id)).toEqual([]);
  });
});

describe('bulk cleanup against the simulator', () => {
  it("deletes the relay's chats and leaves the user's own chats alone", async () => {
    const simAccount = sim.admin.createAccount({ name: 'frank' });
    const account = toProviderAccount(sim, simAccount);
    const { provider, ledger } = createSimProvider();
    const userChats: number[] = [];
    for (const text of ['my own chat 1', 'my own chat 2']) {
      const sent = await callSim(sim.url, simAccount, PATHS.sendMsg, {
        body: { msg_type: 1, text, chat_type: 1, attachments: [], selected_mcp_tools: [], backend_config: {}, sub_agent_ids: [] },
      });
      userChats.push((sent.json as { chat_id: number }).chat_id);
      await sim.admin.waitFor(() => sim.admin.running(simAccount.realUserId) === 0, 10_000);
    }
    for (let i = 0; i < 3; i += 1) {
      const out = await collectReply(provider.chat(userRequest(`relay ${i}`), chatOptions(account, { cleanup: false })));
      expect(out.error).toBeNull();
    }
    expect(ledger.list(account.id)).toHaveLength(3);

    const progress: { done: number; total: number }[] = [];
    const result = await provider.cleanupChats(account, (p) => progress.push(p));
    expect(result).toEqual({ deleted: 3, failed: 0, skipped: 2 });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 });
    const chats = sim.admin.chats(simAccount.realUserId);
    expect(chats.filter((c) => !c.deleted).map((c) => c.chatId).sort()).toEqual(userChats.sort());
    expect(ledger.list(account.id)).toEqual([]);
  });
});
