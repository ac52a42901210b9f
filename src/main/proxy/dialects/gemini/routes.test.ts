import { GoogleGenAI, Type } from '@google/genai';
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
import { geminiDialect } from './index';

let server: RelayServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function chunked(text: string, size: number): CanonicalEvent[] {
  const out: CanonicalEvent[] = [];
  for (let i = 0; i < text.length; i += size) out.push({ type: 'text', text: text.slice(i, i + size) });
  return out;
}

async function start(events: CanonicalEvent[]): Promise<{ deps: FakeDeps; ai: GoogleGenAI; url: string }> {
  const deps = createFakeDeps(['a1'], { dialects: [openaiDialect, geminiDialect], tools: createToolEmulation({ logger: silentLogger }) });
  deps.provider.scripts.set('*', async function* () {
    yield* events;
    yield { type: 'finish', reason: 'stop' };
  });
  server = await serveApp(deps);
  return { deps, url: server.url, ai: new GoogleGenAI({ apiKey: 'local', httpOptions: { baseUrl: server.url } }) };
}

const lsTool = { functionDeclarations: [{ name: 'list_dir', description: 'Lists a directory', parameters: { type: Type.OBJECT, properties: { path: { type: Type.STRING }, depth: { type: Type.INTEGER } }, required: ['path'] } }] };
const reply = 'Sure.<minimax:tool_call><invoke name="list_dir"><parameter name="path">/src</parameter><parameter name="depth">2</parameter></invoke></minimax:tool_call>';

describe('gemini routes', () => {
  it('answers generateContent with a functionCall part and thoughts when asked', async () => {
    const { ai } = await start([{ type: 'reasoning', text: 'hmm' }, ...chunked(reply, 5)]);
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-pro',
      contents: 'list /src',
      config: { tools: [lsTool], systemInstruction: 'Be useful.', thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } },
    });
    expect(response.functionCalls).toEqual([{ id: expect.stringMatching(/^call_/), name: 'list_dir', args: { path: '/src', depth: 2 } }]);
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts[0]).toEqual({ text: 'hmm', thought: true });
    expect(parts[1]).toEqual({ text: 'Sure.' });
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    expect(response.usageMetadata?.promptTokenCount).toBeGreaterThan(0);
  });

  it('streams over SSE with the SDK', async () => {
    const { ai } = await start(chunked(reply, 2));
    const stream = await ai.models.generateContentStream({ model: 'models/gemini-2.5-flash', contents: 'list', config: { tools: [lsTool] } });
    let text = '';
    const calls: unknown[] = [];
    let finish: string | undefined;
    for await (const chunk of stream) {
      text += chunk.text ?? '';
      calls.push(...(chunk.functionCalls ?? []));
      finish = chunk.candidates?.[0]?.finishReason ?? finish;
    }
    expect(text).toBe('Sure.');
    expect(calls).toEqual([{ id: expect.any(String), name: 'list_dir', args: { path: '/src', depth: 2 } }]);
    expect(finish).toBe('STOP');
  });

  it('streams a JSON array without alt=sse', async () => {
    const { url } = await start(chunked('hello world', 4));
    const res = await fetch(`${url}/v1beta/models/m:streamGenerateContent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }) });
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { candidates: { content: { parts?: { text?: string }[] }; finishReason?: string }[] }[];
    expect(body.map((c) => (c.candidates[0]?.content.parts ?? []).map((p) => p.text ?? '').join('')).join('')).toBe('hello world');
    // Google's last chunk carries a non-empty `parts` or none at all.
    expect(body.every((c) => c.candidates[0]?.content.parts === undefined || c.candidates[0].content.parts.length > 0)).toBe(true);
    expect(body.at(-1)?.candidates[0]?.finishReason).toBe('STOP');
  });

  it('lists models, counts tokens and cuts at maxOutputTokens', async () => {
    const { ai } = await start(chunked('one two three four five', 3));
    const pager = await ai.models.list();
    const names: string[] = [];
    for await (const model of pager) names.push(model.name ?? '');
    expect(names).toContain('models/MiniMax-M2.7');
    const one = await ai.models.get({ model: 'MiniMax-M2.7' });
    expect(one.name).toBe('models/MiniMax-M2.7');
    const count = await ai.models.countTokens({ model: 'm', contents: 'hello there' });
    expect(count.totalTokens).toBeGreaterThan(0);
    const cut = await ai.models.generateContent({ model: 'm', contents: 'x', config: { maxOutputTokens: 2 } });
    expect(cut.text).toBe('one two');
    expect(cut.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
    expect(cut.usageMetadata?.candidatesTokenCount).toBe(2);
  });

  it('answers errors in the Google envelope and refuses ?key=', async () => {
    const { url, deps } = await start([]);
    const post = (path: string, body: unknown): Promise<Response> => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const bad = await post('/v1beta/models/m:generateContent', { contents: 'nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 400, status: 'INVALID_ARGUMENT', message: expect.stringContaining('contents') } });
    const keyed = await post('/v1beta/models/m:generateContent?key=abc', { contents: [] });
    expect(keyed.status).toBe(401);
    expect(await keyed.json()).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED', message: expect.stringContaining('x-goog-api-key') } });
    const missing = await fetch(`${url}/v1beta/models/nope`);
    expect(await missing.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    const getOnMethod = await fetch(`${url}/v1beta/models/MiniMax-M2.7:generateContent`);
    expect(getOnMethod.status).toBe(404);
    const emptyCount = await post('/v1beta/models/m:countTokens', {});
    expect(emptyCount.status).toBe(400);
    expect(await emptyCount.json()).toMatchObject({ error: { status: 'INVALID_ARGUMENT', message: expect.stringContaining('contents') } });
    deps.pool.failWith = new RelayError('timeout', 'The upstream did not answer in time.');
    const late = await post('/v1beta/models/m:generateContent', { contents: [{ parts: [{ text: 'x' }] }] });
    expect(late.status).toBe(504);
    expect(await late.json()).toMatchObject({ error: { status: 'DEADLINE_EXCEEDED' } });
  });

  it('stops the upstream when the client goes away mid-stream', async () => {
    const { url, deps } = await start([]);
    deps.provider.scripts.set('*', async function* (_request, options) {
      yield { type: 'text', text: 'first words' };
      await abortableDelay(30_000, options.signal);
      yield { type: 'finish', reason: 'stop' };
    });
    const controller = new AbortController();
    const res = await fetch(`${url}/v1beta/models/m:streamGenerateContent?alt=sse`, { method: 'POST', signal: controller.signal, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }] }) });
    const reader = res.body!.getReader();
    let seen = '';
    while (!seen.includes('first words')) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await expect.poll(() => deps.pool.releases.length, { timeout: 5000 }).toBe(1);
    expect(deps.provider.cleanups).toBe(1);
  });
});
