import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { RelayError } from '../../../../shared/errors';
import { silentLogger } from '../../../logs/types';
import type { CanonicalEvent } from '../../../relay/canonical';
import type { RelayServer } from '../../server';
import { abortableDelay, createFakeDeps } from '../../__test__/fakes';
import type { FakeDeps } from '../../__test__/fakes';
import { serveApp } from '../../__test__/serve';
import { createToolEmulation } from '../../../relay/tools';
import { openaiDialect } from '../openai';
import { anthropicDialect } from './index';

let server: RelayServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const readTool = { name: 'Read', description: 'Reads a file', input_schema: { type: 'object' as const, properties: { file_path: { type: 'string' }, limit: { type: 'integer' } }, required: ['file_path'] } };

function chunked(text: string, size: number): CanonicalEvent[] {
  const out: CanonicalEvent[] = [];
  for (let i = 0; i < text.length; i += size) out.push({ type: 'text', text: text.slice(i, i + size) });
  return out;
}

async function start(events: CanonicalEvent[]): Promise<{ deps: FakeDeps; client: Anthropic; url: string }> {
  const deps = createFakeDeps(['a1'], { dialects: [openaiDialect, anthropicDialect], tools: createToolEmulation({ logger: silentLogger }), heartbeatMs: 20 });
  deps.provider.scripts.set('*', async function* () {
    yield* events;
    yield { type: 'finish', reason: 'stop' };
  });
  server = await serveApp(deps);
  return { deps, url: server.url, client: new Anthropic({ baseURL: server.url, apiKey: 'local', maxRetries: 0 }) };
}

const reply = 'Let me read it.\n<minimax:tool_call>\n<invoke name="Read">\n<parameter name="file_path">/a.txt</parameter>\n<parameter name="limit">5</parameter>\n</invoke>\n</minimax:tool_call>';

describe('anthropic routes', () => {
  it('answers a non-streaming message with a tool_use block', async () => {
    const { client, deps } = await start([{ type: 'reasoning', text: 'plan' }, ...chunked(reply, 7)]);
    const message = await client.messages.create({ model: 'claude-x', max_tokens: 200, tools: [readTool], messages: [{ role: 'user', content: 'read /a.txt' }] });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.id).toMatch(/^msg_/);
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use']);
    const tool = message.content[2];
    expect(tool?.type === 'tool_use' && tool.input).toEqual({ file_path: '/a.txt', limit: 5 });
    expect(tool?.type === 'tool_use' && tool.id).toMatch(/^toolu_/);
    // The upstream saw the tool declarations in a system turn.
    const sent = deps.provider.calls[0]?.request.messages.find((m) => m.role === 'system');
    expect(JSON.stringify(sent)).toContain('<tools>');
  });

  it('streams the event sequence the SDK assembles into the same message', async () => {
    const { client } = await start(chunked(reply, 3));
    const stream = client.messages.stream({ model: 'claude-x', max_tokens: 200, tools: [readTool], messages: [{ role: 'user', content: 'read' }] });
    const names: string[] = [];
    stream.on('streamEvent', (event) => names.push(event.type));
    const message = await stream.finalMessage();
    expect(names[0]).toBe('message_start');
    expect(names.at(-1)).toBe('message_stop');
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Let me read it.\n' });
    expect(message.content[1]).toMatchObject({ type: 'tool_use', name: 'Read', input: { file_path: '/a.txt', limit: 5 } });
  });

  it('cuts at a stop sequence and reports it', async () => {
    const { client } = await start(chunked('alpha beta STOP gamma', 4));
    const message = await client.messages.create({ model: 'm', max_tokens: 100, stop_sequences: ['STOP'], messages: [{ role: 'user', content: 'x' }] });
    expect(message.content).toEqual([{ type: 'text', text: 'alpha beta ' }]);
    expect(message.stop_reason).toBe('stop_sequence');
    expect(message.stop_sequence).toBe('STOP');
  });

  it('cuts at max_tokens', async () => {
    const { client } = await start(chunked('one two three four five six seven', 5));
    const message = await client.messages.create({ model: 'm', max_tokens: 2, messages: [{ role: 'user', content: 'x' }] });
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.content).toEqual([{ type: 'text', text: 'one two' }]);
    expect(message.usage.output_tokens).toBe(2);
  });

  it('counts tokens', async () => {
    const { client } = await start([]);
    const count = await client.messages.countTokens({ model: 'm', messages: [{ role: 'user', content: 'hello world' }] });
    expect(count.input_tokens).toBeGreaterThan(0);
  });

  it('answers bad requests and upstream failures with Anthropic error envelopes', async () => {
    const { url, deps } = await start([]);
    const bad = await fetch(`${url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', messages: [] }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens') } });
    deps.pool.failWith = new RelayError('no_account', 'No usable account.');
    const busy = await fetch(`${url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }) });
    expect(busy.status).toBe(503);
    expect(await busy.json()).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'No usable account.' } });
  });

  it('sends an error event when the upstream fails mid-stream, and pings while quiet', async () => {
    const { url, deps } = await start([]);
    deps.provider.scripts.set('*', async function* () {
      yield { type: 'text', text: 'partial' };
      await new Promise((resolve) => setTimeout(resolve, 120));
      throw new RelayError('upstream_unavailable', 'Upstream went away.');
    });
    const res = await fetch(`${url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', max_tokens: 50, stream: true, messages: [{ role: 'user', content: 'x' }] }) });
    const body = await res.text();
    const names = [...body.matchAll(/^event: (\S+)$/gm)].map((m) => m[1]);
    expect(names.filter((n) => n === 'ping').length).toBeGreaterThanOrEqual(2);
    expect(names.at(-1)).toBe('error');
    expect(body).toContain('"type":"api_error"');
    expect(body).not.toContain('message_stop');
  });

  it('stops the upstream and frees the account when the client goes away mid-stream', async () => {
    const { url, deps } = await start([]);
    deps.provider.scripts.set('*', async function* (_request, options) {
      yield { type: 'text', text: 'first words' };
      await abortableDelay(30_000, options.signal);
      yield { type: 'finish', reason: 'stop' };
    });
    const controller = new AbortController();
    const res = await fetch(`${url}/v1/messages`, { method: 'POST', signal: controller.signal, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', max_tokens: 50, stream: true, messages: [{ role: 'user', content: 'x' }] }) });
    const reader = res.body!.getReader();
    let seen = '';
    while (!seen.includes('first words')) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await expect.poll(() => deps.pool.releases.length, { timeout: 5000 }).toBe(1);
    expect(deps.provider.cleanups).toBe(1);
    expect(deps.pool.releases[0]?.outcome).not.toEqual({ ok: true });
  });
});
