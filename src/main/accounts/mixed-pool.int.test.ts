/**
 * One pool of web accounts and API keys: the routing policy decides who serves, failover crosses
 * providers before the first byte, and the request log and stats say which provider served.
 */
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startMixedStack, type MixedStack } from '../../../test/support/mixed-stack';

let stack: MixedStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const ask = (s: MixedStack, content = 'hello there') =>
  new OpenAI({ apiKey: 'local', baseURL: `${s.baseUrl}/v1`, maxRetries: 0 }).chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content }] });

/** The newest request-log entry once it has ended (a reply ends its entry just after the answer). */
async function newestEntry(s: MixedStack) {
  for (let tries = 0; tries < 1000; tries++) {
    const [entry] = await s.core.services.logs.query({ limit: 1 });
    if (entry && entry.status !== 'pending' && entry.status !== 'streaming') return entry;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('no finished log entry');
}

describe('routing policy', () => {
  it('serves from the web account first by default and names the provider in the log', async () => {
    stack = await startMixedStack();
    const { id: webId } = await stack.addWebAccount('alice');
    await stack.addKey();
    const chatsBefore = stack.open.admin.requests().filter((r) => r.path === '/v1/chat/completions').length;
    const reply = await ask(stack);
    expect(reply.choices[0]?.message.content).not.toContain('Open Platform simulator');
    const entry = await newestEntry(stack);
    expect(entry).toMatchObject({ accountId: webId, provider: 'minimax-agent' });
    expect(stack.open.admin.requests().filter((r) => r.path === '/v1/chat/completions')).toHaveLength(chatsBefore);
  });

  it('uses only API keys under api-key-only, and refuses with a clear message under web-only when only keys exist', async () => {
    stack = await startMixedStack({ settings: { routing: { policy: 'api-key-only' } } });
    await stack.addWebAccount('alice');
    const { id: keyId } = await stack.addKey();
    await ask(stack);
    expect(await newestEntry(stack)).toMatchObject({ accountId: keyId, provider: 'minimax-open' });

    await stack.core.services.settings.update({ routing: { policy: 'web-only' } });
    await stack.core.services.accounts.update({ id: (await stack.core.services.accounts.list()).find((a) => a.provider === 'minimax-agent')!.id, enabled: false });
    await expect(ask(stack)).rejects.toMatchObject({ status: 503 });
    expect(await newestEntry(stack)).toMatchObject({ errorCode: 'no_account' });
    expect((await newestEntry(stack)).errorMessage).toContain('routing policy allows only minimax-agent');
  });

  it('sends the API-key-only highspeed models to the key even when a web account is free, and refuses them under web-only', async () => {
    stack = await startMixedStack();
    await stack.addWebAccount('alice');
    const { id: keyId } = await stack.addKey();
    const client = new OpenAI({ apiKey: 'local', baseURL: `${stack.baseUrl}/v1`, maxRetries: 0 });
    await client.chat.completions.create({ model: 'MiniMax-M2.7-highspeed', messages: [{ role: 'user', content: 'fast' }] });
    expect(await newestEntry(stack)).toMatchObject({ accountId: keyId, provider: 'minimax-open', resolvedModel: 'MiniMax-M2.7-highspeed' });
    const chats = stack.open.admin.requests().filter((r) => r.path === '/v1/chat/completions');
    expect((chats[chats.length - 1]?.body as { model?: string }).model).toBe('MiniMax-M2.7-highspeed');

    await stack.core.services.settings.update({ routing: { policy: 'web-only' } });
    await expect(client.chat.completions.create({ model: 'MiniMax-M2.7-highspeed', messages: [{ role: 'user', content: 'fast' }] })).rejects.toMatchObject({ status: 503 });
    expect((await newestEntry(stack)).errorMessage).toContain('minimax-open accounts only');
  });

  it('lets an alias override the global policy', async () => {
    stack = await startMixedStack();
    await stack.addWebAccount('alice');
    const { id: keyId } = await stack.addKey();
    await stack.core.services.models.addMapping({ pattern: 'paid-model', target: 'MiniMax-M2.7', accountId: null, routing: 'api-key-only' });
    await new OpenAI({ apiKey: 'local', baseURL: `${stack.baseUrl}/v1` }).chat.completions.create({ model: 'paid-model', messages: [{ role: 'user', content: 'hi' }] });
    expect(await newestEntry(stack)).toMatchObject({ accountId: keyId, provider: 'minimax-open' });
  });
});

describe('failover between providers', () => {
  it('web account refused → the API key serves, and the attempt says it was a fallback', async () => {
    stack = await startMixedStack();
    const web = await stack.addWebAccount('alice');
    const webId = web.id;
    const { id: keyId } = await stack.addKey();
    stack.web.admin.expireToken(web.realUserId);
    const reply = await ask(stack, 'who serves?');
    expect(reply.choices[0]?.message.content).toBe('Hello from the MiniMax Open Platform simulator. You said: who serves?');
    const entry = await newestEntry(stack);
    expect(entry.provider).toBe('minimax-open');
    expect(entry.attempts.map((a) => [a.accountId, a.outcome])).toEqual([
      [webId, 'failover'],
      [keyId, 'success'],
    ]);
    expect(entry.attempts[1]?.reason).toContain('fallback to minimax-open');
    const stats = await stack.core.services.logs.stats();
    expect(stats.byProvider?.['minimax-open']).toMatchObject({ requests: 1, errors: 0 });
    expect(stats.byProvider?.['minimax-open']?.outputTokens).toBeGreaterThan(0);
  });

  it('API key out of balance → parked, and the web account serves', async () => {
    stack = await startMixedStack({ settings: { routing: { policy: 'api-key-only' } } });
    const { id: webId } = await stack.addWebAccount('alice');
    const { id: keyId, key } = await stack.addKey();
    stack.open.admin.setBalance(key, 0);
    await expect(ask(stack)).rejects.toMatchObject({ status: 502 });
    const refused = await newestEntry(stack);
    expect(refused.errorCode).toBe('upstream_credits_exhausted');
    expect((await stack.core.services.accounts.list()).find((a) => a.id === keyId)?.status).toBe('exhausted');

    await stack.core.services.settings.update({ routing: { policy: 'web-first' } });
    await ask(stack);
    expect(await newestEntry(stack)).toMatchObject({ accountId: webId, provider: 'minimax-agent' });
  });

  it('API key out of balance while the web account is busy → fails over and waits for the web account', async () => {
    stack = await startMixedStack();
    const { id: webId } = await stack.addWebAccount('alice');
    const { id: keyId, key } = await stack.addKey();
    stack.open.admin.setBalance(key, 0);
    stack.web.admin.injectFault({ endpoint: 'send_msg', kind: 'slow', delayMs: 400 });
    const s = stack;
    const first = ask(s, 'first');
    await s.web.admin.waitFor(() => s.web.admin.requests().some((r) => r.path.endsWith('/send_msg')));
    const second = await ask(s, 'second');
    await first;
    expect(second.choices[0]?.message.content).toBeTruthy();
    const entry = await newestEntry(s);
    expect(entry.provider).toBe('minimax-agent');
    expect(entry.attempts.map((a) => [a.accountId, a.outcome, a.errorCode])).toEqual([
      [keyId, 'failover', 'upstream_credits_exhausted'],
      [webId, 'success', null],
    ]);
  });
});
