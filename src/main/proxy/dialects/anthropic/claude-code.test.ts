/** Claude Code's request shapes (test/fixtures/clients) are accepted, declared upstream and answered. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../logs/types';
import type { CanonicalEvent } from '../../../relay/canonical';
import { hashApiKey } from '../../middleware/api-key-auth';
import type { RelayServer } from '../../server';
import { createFakeDeps } from '../../__test__/fakes';
import { serveApp } from '../../__test__/serve';
import { createToolEmulation } from '../../../relay/tools';
import { anthropicDialect } from './index';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../../../../test/fixtures/clients/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

let server: RelayServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(reply: string) {
  const deps = createFakeDeps(['a1'], { dialects: [anthropicDialect], tools: createToolEmulation({ logger: silentLogger }) });
  deps.settings.apiKeys = [{ id: 'k1', name: 'cc', prefix: 'sk-', hash: hashApiKey('sk-claude'), createdAt: 0, lastUsedAt: null }];
  deps.provider.scripts.set('*', async function* () {
    yield { type: 'reasoning', text: 'Count with find.' } satisfies CanonicalEvent;
    for (let i = 0; i < reply.length; i += 6) yield { type: 'text', text: reply.slice(i, i + 6) } satisfies CanonicalEvent;
    yield { type: 'finish', reason: 'stop' } satisfies CanonicalEvent;
  });
  server = await serveApp(deps);
  return { deps, url: server.url };
}

function post(url: string, body: unknown, key = 'sk-claude'): Promise<Response> {
  return fetch(`${url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key, 'anthropic-version': '2023-06-01' }, body: JSON.stringify(body) });
}

function sseEvents(body: string): { event: string; data: Record<string, unknown> }[] {
  return body
    .split('\n\n')
    .filter((frame) => frame.includes('event: '))
    .map((frame) => ({
      event: /^event: (.*)$/m.exec(frame)?.[1] ?? '',
      data: JSON.parse(frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n')) as Record<string, unknown>,
    }));
}

const bashCall = 'I will count them.\n<minimax:tool_call>\n<invoke name="Bash">\n<parameter name="command">find src -name \'*.ts\' | wc -l</parameter>\n<parameter name="description">Count TypeScript files</parameter>\n</invoke>\n</minimax:tool_call>';

describe('Claude Code requests', () => {
  it('streams thinking, text and a Bash tool_use for the first turn', async () => {
    const { url, deps } = await start(bashCall);
    const res = await post(url, fixture('claude-code-messages.json'));
    expect(res.status).toBe(200);
    const events = sseEvents(await res.text());
    const starts = events.filter((e) => e.event === 'content_block_start').map((e) => (e.data.content_block as { type: string }).type);
    expect(starts).toEqual(['thinking', 'text', 'tool_use']);
    const json = events
      .filter((e) => e.event === 'content_block_delta' && (e.data.delta as { type: string }).type === 'input_json_delta')
      .map((e) => (e.data.delta as { partial_json: string }).partial_json)
      .join('');
    expect(JSON.parse(json)).toEqual({ command: "find src -name '*.ts' | wc -l", description: 'Count TypeScript files' });
    expect(events.find((e) => e.event === 'message_delta')?.data.delta).toEqual({ stop_reason: 'tool_use', stop_sequence: null });
    const call = deps.provider.calls[0];
    expect(call?.options.model.capabilities.thinking).toBe(true);
    const declared = JSON.stringify(call?.request.messages.filter((m) => m.role === 'system'));
    for (const name of ['Task', 'Bash', 'TodoWrite', 'ExitPlanMode']) expect(declared).toContain(`\\"name\\":\\"${name}\\"`);
  });

  it('accepts the follow-up turn with thinking, tool_use and tool_result blocks', async () => {
    const { url, deps } = await start('There are 42 TypeScript files.');
    const res = await post(url, fixture('claude-code-tool-result.json'));
    expect(res.status).toBe(200);
    const events = sseEvents(await res.text());
    expect(events.at(-1)?.event).toBe('message_stop');
    const messages = deps.provider.calls[0]?.request.messages ?? [];
    expect(messages.find((m) => m.role === 'assistant')?.toolCalls).toEqual([
      { id: 'toolu_01A09q90qw90lq917835lq9', name: 'Bash', arguments: { command: "find src -name '*.ts' | wc -l", description: 'Count TypeScript files in src' } },
    ]);
    expect(messages.find((m) => m.role === 'tool')).toMatchObject({ toolCallId: 'toolu_01A09q90qw90lq917835lq9', toolName: 'Bash', content: [{ type: 'text', text: '42' }] });
  });

  it('refuses a wrong key with an Anthropic authentication_error', async () => {
    const { url } = await start('x');
    const res = await post(url, fixture('claude-code-messages.json'), 'sk-wrong');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'The API key is not valid.' } });
  });
});
