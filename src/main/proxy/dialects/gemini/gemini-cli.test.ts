/** gemini-cli's request shapes (test/fixtures/clients) are accepted, declared upstream and answered. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../logs/types';
import type { CanonicalEvent } from '../../../relay/canonical';
import type { RelayServer } from '../../server';
import { createFakeDeps } from '../../__test__/fakes';
import { parseSseData, serveApp } from '../../__test__/serve';
import { createToolEmulation } from '../../../relay/tools';
import { geminiDialect } from './index';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../../../../test/fixtures/clients/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

let server: RelayServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(reply: string) {
  const deps = createFakeDeps(['a1'], { dialects: [geminiDialect], tools: createToolEmulation({ logger: silentLogger }) });
  deps.provider.scripts.set('*', async function* () {
    yield { type: 'reasoning', text: 'Look at the directory.' } satisfies CanonicalEvent;
    for (let i = 0; i < reply.length; i += 5) yield { type: 'text', text: reply.slice(i, i + 5) } satisfies CanonicalEvent;
    yield { type: 'finish', reason: 'stop' } satisfies CanonicalEvent;
  });
  server = await serveApp(deps);
  return { deps, url: server.url };
}

type Chunk = { candidates: { content: { parts: Record<string, unknown>[] }; finishReason?: string }[]; usageMetadata?: Record<string, number> };

async function stream(url: string, body: unknown): Promise<Chunk[]> {
  const res = await fetch(`${url}/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': 'local' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return parseSseData(await res.text()).map((data) => JSON.parse(data) as Chunk);
}

const listCall = 'Listing.\n<minimax:tool_call>\n<invoke name="list_directory">\n<parameter name="path">/home/dev/project/src</parameter>\n<parameter name="ignore">["*.map"]</parameter>\n</invoke>\n</minimax:tool_call>';

describe('gemini-cli requests', () => {
  it('streams thoughts, text and a functionCall validated against the uppercase OpenAPI schema', async () => {
    const { url, deps } = await start(listCall);
    const chunks = await stream(url, fixture('gemini-cli-stream.json'));
    const parts = chunks.flatMap((c) => c.candidates[0]?.content.parts ?? []);
    expect(parts[0]).toEqual({ text: 'Look at the directory.', thought: true });
    expect(parts.filter((p) => typeof p.text === 'string' && !p.thought).map((p) => p.text).join('')).toBe('Listing.\n');
    expect(parts.filter((p) => p.functionCall).map((p) => p.functionCall)).toEqual([{ id: expect.any(String), name: 'list_directory', args: { path: '/home/dev/project/src', ignore: ['*.map'] } }]);
    const last = chunks.at(-1);
    expect(last?.candidates[0]?.finishReason).toBe('STOP');
    expect(last?.usageMetadata?.thoughtsTokenCount).toBeGreaterThan(0);
    const call = deps.provider.calls[0];
    expect(call?.options.model.capabilities.thinking).toBe(true);
    const declared = JSON.stringify(call?.request.tools);
    expect(declared).toContain('"type":"array"');
    expect(declared).not.toContain('"OBJECT"');
  });

  it('accepts the follow-up turn with a functionResponse tied to its call id', async () => {
    const { url, deps } = await start('src holds index.ts and util.ts.');
    const chunks = await stream(url, fixture('gemini-cli-function-response.json'));
    expect(chunks.flatMap((c) => c.candidates[0]?.content.parts ?? []).map((p) => (p.thought ? '' : (p.text ?? ''))).join('')).toBe('src holds index.ts and util.ts.');
    const messages = deps.provider.calls[0]?.request.messages ?? [];
    expect(messages.find((m) => m.toolCalls)?.toolCalls).toEqual([{ id: 'list_directory-1763771234567-0a1b2c', name: 'list_directory', arguments: { path: '/home/dev/project/src' } }]);
    expect(messages.find((m) => m.role === 'tool')).toMatchObject({ toolCallId: 'list_directory-1763771234567-0a1b2c', toolName: 'list_directory' });
  });
});
