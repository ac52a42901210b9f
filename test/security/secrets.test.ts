/**
 * After a full run — import accounts, chat on all three dialects, a token that expires, failed
 * keys, management calls, a backup — no secret appears in any log line or in any file of the data
 * dir: not the MiniMax token, its JWT payload, the `realUserID+token` credential, a client API key
 * or the admin token. Secrets at rest are sealed (credentials) or hashed (keys, admin token).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreStack, type CoreStack } from '../support/core-stack';
import { rawRequest } from '../support/http';

const ENV_KEY = 'sk-env-secret-key-0123456789abcdef';

let stack: CoreStack;
let storedKey = '';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

function post(path: string, headers: Record<string, string>, body: unknown) {
  return rawRequest(stack.port, { path, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Every secret of the run, with the forms it could leak in. */
function secrets(): Record<string, string> {
  const found: Record<string, string> = { 'client API key (env)': ENV_KEY, 'client API key (stored)': storedKey, 'admin token': stack.adminToken };
  stack.simAccounts.forEach((account, i) => {
    found[`token ${i}`] = account.token;
    found[`token ${i} payload`] = account.token.split('.')[1] ?? '';
    found[`token ${i} signature`] = account.token.split('.')[2] ?? '';
    found[`credential ${i}`] = account.credential;
  });
  return found;
}

beforeAll(async () => {
  stack = await startCoreStack({ accounts: 2, apiKeys: [ENV_KEY] });
  storedKey = (await stack.core.services.settings.createApiKey({ name: 'client' })).key;
  const chat = { model: 'MiniMax-M2.7', stream: true, messages: [{ role: 'user', content: 'hello' }] };
  for (const key of [ENV_KEY, storedKey]) {
    await post('/v1/chat/completions', { authorization: `Bearer ${key}` }, chat);
    await post('/v1/messages', { 'x-api-key': key, 'anthropic-version': '2023-06-01' }, { ...chat, model: 'claude-x', max_tokens: 32 });
    await post('/v1beta/models/MiniMax-M2.7:streamGenerateContent?alt=sse', { 'x-goog-api-key': key }, { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
  }
  // Failures log more than successes: wrong keys, a key in the URL, an expired token mid-run.
  await post('/v1/chat/completions', { authorization: `Bearer ${ENV_KEY}-wrong` }, chat);
  await post(`/v1/chat/completions?api_key=${ENV_KEY}`, {}, chat);
  stack.sim.admin.expireToken(stack.simAccounts[0]!.realUserId);
  await post('/v1/chat/completions', { authorization: `Bearer ${ENV_KEY}` }, { ...chat, stream: false });
  const admin = { authorization: `Bearer ${stack.adminToken}` };
  await post('/api/accounts/validateAll', admin, {});
  await post('/api/accounts/import', admin, { text: stack.simAccounts[1]!.credential });
  await post('/api/accounts/import', admin, { text: `${stack.simAccounts[0]!.realUserId}+not-a-valid-token` });
  await post('/api/settings/backup', admin, { passphrase: 'correct horse battery staple' });
  await post('/api/app/info', { authorization: `Bearer ${stack.adminToken.slice(0, -2)}xx` }, {});
  await stack.stopRelay();
});

afterAll(async () => {
  await stack?.close();
});

describe('secrets', () => {
  it('never appear in a log line', () => {
    expect(stack.logLines.length).toBeGreaterThan(10);
    const text = stack.logLines.join('');
    const leaked = Object.entries(secrets()).filter(([, value]) => value.length > 0 && text.includes(value)).map(([name]) => name);
    expect(leaked).toEqual([]);
  });

  it('never appear in plain text in any file of the data dir (store, key file, request logs, stats)', async () => {
    const files = await filesUnder(stack.dataDir);
    expect(files.some((file) => file.endsWith('relay.json'))).toBe(true);
    expect(files.some((file) => file.includes(`${join('logs', '')}`))).toBe(true);
    const leaks: string[] = [];
    for (const file of files) {
      const content = await readFile(file, 'utf8');
      for (const [name, value] of Object.entries(secrets())) if (value && content.includes(value)) leaks.push(`${name} in ${file.slice(stack.dataDir.length)}`);
    }
    expect(leaks).toEqual([]);
  });

  it('keeps the credentials sealed in the store while it still routes with them', async () => {
    const store = await readFile(join(stack.dataDir, 'relay.json'), 'utf8');
    // The account is there (its id is not a secret), its token is not.
    expect(store).toContain(stack.simAccounts[1]!.realUserId);
    for (const account of stack.simAccounts) expect(store).not.toContain(account.token.slice(0, 40));
  });
});
