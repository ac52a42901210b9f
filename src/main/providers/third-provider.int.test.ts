/**
 * A third provider is one module: the test-only echo provider, registered next to the shipped
 * ones through the core's module list (as production passes PROVIDER_MODULES), has its accounts
 * imported, checked, listed with what its module declares, serves a chat over HTTP through the
 * relay, and shows in the request log and the stats under its own id — with no id list to edit.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayCore, type RelayCore } from '../core';
import { createFileDocumentStore, createFileSecretBox, createRelayStore } from '../store';
import { ECHO_PROVIDER_ID, echoProviderModule } from './__test__/echo-provider';
import { PROVIDER_MODULES } from './modules';

let dataDir: string;
let core: RelayCore;
let baseUrl: string;
let accountId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'relay-third-provider-'));
  core = await createRelayCore({ dataDir, host: 'web', modules: [...PROVIDER_MODULES, echoProviderModule], env: { serverPort: 0 } });
  const url = core.relay.status().baseUrl;
  if (!url) throw new Error('relay not listening');
  baseUrl = url;
});
afterAll(async () => {
  await core?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a third provider registered as a module', () => {
  it('imports its accounts through the accounts service: parsed, validated, keyed and defaulted by its module', async () => {
    const result = await core.services.accounts.import({ text: 'echo-alice\necho-bad\nnot-echo', provider: ECHO_PROVIDER_ID });
    expect(result.results.map((line) => [line.ok, line.action, line.error?.code ?? null])).toEqual([
      [true, 'created', null],
      [false, null, 'invalid_credential'],
      [false, null, 'invalid_credential'],
    ]);
    const account = result.results[0]!.account!;
    accountId = account.id;
    expect(account).toMatchObject({
      provider: ECHO_PROVIDER_ID,
      userName: 'alice',
      maxConcurrency: 3,
      credits: { remaining: 42, planName: 'Echo' },
      providerLabel: 'Echo (test provider)',
      access: 'api-key',
      features: { cookies: false, diagnosis: false, loginWindow: false, chatCleanup: false },
    });

    const again = await core.services.accounts.import({ text: 'echo-alice', provider: ECHO_PROVIDER_ID });
    expect(again.results[0]).toMatchObject({ ok: true, action: 'updated', account: { id: accountId } });
  });

  it('lists and validates the account with its features; the web-only actions refuse it', async () => {
    const listed = (await core.services.accounts.list()).filter((account) => account.provider === ECHO_PROVIDER_ID);
    expect(listed.map((account) => [account.id, account.access, account.features?.cookies])).toEqual([[accountId, 'api-key', false]]);
    expect(await core.services.accounts.validate({ id: accountId })).toMatchObject({ status: 'active', credits: { remaining: 42 } });
    await expect(core.services.accounts.setCookies({ id: accountId, cookies: 'a=b' })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(core.services.accounts.diagnose({ id: accountId })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('serves an OpenAI chat over HTTP through the relay, logged and counted under its provider id', async () => {
    const client = new OpenAI({ apiKey: 'local', baseURL: `${baseUrl}/v1` });
    const reply = await client.chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'Hi there' }] });
    expect(reply.choices[0]?.message.content).toBe('echo: Hi there');

    const stream = await client.chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'Once more' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('echo: Once more');

    const entries = await core.services.logs.query({ accountId });
    expect(entries.map((entry) => [entry.status, entry.provider])).toEqual([
      ['success', ECHO_PROVIDER_ID],
      ['success', ECHO_PROVIDER_ID],
    ]);
    const stats = await core.services.logs.stats();
    expect(stats.byProvider?.[ECHO_PROVIDER_ID]).toMatchObject({ requests: 2, errors: 0 });
  });

  it('keeps the account in the store as a registered kind, and a store without the module refuses it', async () => {
    // Closing writes the store; the core stays closed (afterAll's close is then a no-op).
    await core.close();
    const secretBox = createFileSecretBox(dataDir);
    const documentStore = createFileDocumentStore({ dir: dataDir, fileName: 'relay.json' });
    const withEcho = createRelayStore(documentStore, { secretBox, providerKinds: [...PROVIDER_MODULES, echoProviderModule].map((module) => module.id) });
    expect(withEcho.listAccounts().map((account) => account.provider)).toContain(ECHO_PROVIDER_ID);
    withEcho.close();
    expect(() => createRelayStore(documentStore, { secretBox, providerKinds: PROVIDER_MODULES.map((module) => module.id) })).toThrow(/provider echo, which this relay does not have/);
  });
});
