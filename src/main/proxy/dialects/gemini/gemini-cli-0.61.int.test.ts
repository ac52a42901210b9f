/**
 * Requests captured from the real gemini-cli 0.61.0 (`gemini -p "hi"` with GOOGLE_GEMINI_BASE_URL
 * and `security.auth.selectedType = "gemini-api-key"`): the model-routing classifier call and the
 * streamed chat turn with 8 function declarations. Replayed with their own URLs through the relay
 * to the simulator.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MODEL_HEADER } from '../../serve-chat';
import type { RealStack } from '../../__test__/real-stack';
import { startRealStack } from '../../__test__/real-stack';
import { parseSseData } from '../../__test__/serve';
import { geminiDialect } from './index';

interface Capture {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

const capture = (name: string): Capture => JSON.parse(readFileSync(new URL(`../../../../../test/fixtures/clients/${name}`, import.meta.url), 'utf8')) as Capture;

let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

async function replay(fixture: Capture): Promise<Response> {
  return fetch(`${stack!.server.url}${fixture.url}`, { method: 'POST', headers: { ...fixture.headers, 'x-goog-api-key': 'sk-relay-key' }, body: JSON.stringify(fixture.body) });
}

interface Chunk {
  candidates: { content: { role: string; parts?: { text?: string; thought?: boolean }[] }; finishReason?: string }[];
  modelVersion: string;
}

describe('gemini-cli 0.61, captured', () => {
  it('streams the chat turn; no chunk carries an empty parts array', async () => {
    stack = await startRealStack({ dialects: [geminiDialect] });
    stack.sim.admin.scriptReply({ text: 'Hello! What shall we build?', thinking: 'A greeting.' });
    const fixture = capture('gemini-cli-0.61.0-stream.json');
    const res = await replay(fixture);
    expect(res.status).toBe(200);
    expect(res.headers.get(MODEL_HEADER)).toMatch(/^MiniMax-/);
    const chunks = parseSseData(await res.text()).map((data) => JSON.parse(data) as Chunk);
    const parts = chunks.flatMap((chunk) => chunk.candidates[0]?.content.parts ?? []);
    expect(parts.filter((part) => !part.thought).map((part) => part.text).join('')).toBe('Hello! What shall we build?');
    expect(parts.some((part) => part.thought)).toBe(true);
    expect(chunks.every((chunk) => chunk.candidates[0]?.content.parts === undefined || chunk.candidates[0].content.parts.length > 0)).toBe(true);
    expect(chunks.at(-1)?.candidates[0]?.finishReason).toBe('STOP');
    expect(chunks.every((chunk) => chunk.modelVersion === 'gemini-3.1-pro-preview')).toBe(true);
  });

  it('accepts the routing classifier call', async () => {
    stack = await startRealStack({ dialects: [geminiDialect] });
    stack.sim.admin.scriptReply({ text: '{"complexity_reasoning":"a greeting","complexity_score":3}' });
    const res = await replay(capture('gemini-cli-0.61.0-classifier.json'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Chunk;
    expect(body.candidates[0]?.content.parts?.map((part) => part.text).join('')).toContain('complexity_score');
  });

  it("checks the classifier's reply against its responseJsonSchema (upper-case types), repairing a wrong type", async () => {
    stack = await startRealStack({ dialects: [geminiDialect] });
    stack.sim.admin.scriptReply({ text: '{"complexity_reasoning":"a greeting","complexity_score":"low"}' });
    stack.sim.admin.scriptReply({ text: '{"complexity_reasoning":"a greeting","complexity_score":3}' });
    const res = await replay(capture('gemini-cli-0.61.0-classifier.json'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Chunk;
    const text = body.candidates[0]?.content.parts?.filter((part) => !part.thought).map((part) => part.text).join('') ?? '';
    expect(JSON.parse(text)).toEqual({ complexity_reasoning: 'a greeting', complexity_score: 3 });
    // The first reply broke the schema (a string score), so one repair request followed.
    expect(stack.sim.admin.requests({ path: '/matrix/api/v1/chat/send_msg' })).toHaveLength(2);
  });
});
