import { describe, expect, it } from 'vitest';
import { createScheduler, startSimulator } from './index';
import { callSim } from './test-client';

const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('close()', () => {
  it('stops generation timers, rejects pending waits and frees the port', async () => {
    const baseline = timers();
    const scheduler = createScheduler();
    const sim = await startSimulator({ tickMs: 20, charsPerTick: 1 }, { scheduler });
    const account = sim.admin.createAccount();
    sim.admin.setOptions({ oneReplyPerAccount: false });
    sim.admin.injectFault({ endpoint: 'list_chat', kind: 'slow', delayMs: 60_000 });
    const body = { msg_type: 1, text: 'x', chat_type: 1, attachments: [], selected_mcp_tools: [] };
    await callSim(sim.url, account, '/matrix/api/v1/chat/send_msg', { body });
    await callSim(sim.url, account, '/matrix/api/v1/chat/send_msg', { body });
    const slow = callSim(sim.url, account, '/matrix/api/v1/chat/list_chat', { body: {} });
    await sim.admin.waitFor(() => (sim.admin.chats()[0]?.growth.length ?? 0) > 1);
    const waiting = sim.admin.waitFor(() => false, 60_000);
    expect(timers()).toBeGreaterThan(baseline);

    expect(scheduler.pending()).toBeGreaterThanOrEqual(4);
    await sim.close();
    expect(scheduler.pending()).toBe(0);
    await expect(waiting).rejects.toThrow(/closed/);
    await expect(slow).rejects.toThrow();
    expect(timers()).toBeLessThanOrEqual(baseline);
    const growth = sim.admin.chats().map((c) => c.growth.length);
    expect(growth).toHaveLength(2);
    expect(sim.admin.running()).toBe(2);
    // A negative check needs some elapsed time: several generation ticks (20 ms) would have fired.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.admin.chats().map((c) => c.growth.length)).toEqual(growth);
    await expect(fetch(`${sim.url}/`)).rejects.toThrow();
    await expect(sim.close()).resolves.toBeUndefined();
  });

  it('deleting a finished chat leaves no timer behind', async () => {
    const baseline = timers();
    const sim = await startSimulator({ tickMs: 5 });
    try {
      const account = sim.admin.createAccount();
      sim.admin.scriptReply({ text: 'abc' });
      const sent = await callSim(sim.url, account, '/matrix/api/v1/chat/send_msg', {
        body: { msg_type: 1, text: 'x', chat_type: 1, attachments: [], selected_mcp_tools: [] },
      });
      await sim.admin.waitFor(() => sim.admin.running() === 0);
      const chatId = (sent.json as { chat_id: number }).chat_id;
      await callSim(sim.url, account, '/matrix/api/v1/chat/delete_chat', { body: { chat_id: chatId } });
      expect(timers()).toBeLessThanOrEqual(baseline);
    } finally {
      await sim.close();
    }
  });
});
