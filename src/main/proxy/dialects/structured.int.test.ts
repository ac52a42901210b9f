/**
 * Structured output through the Anthropic and Gemini dialects with their official clients: the
 * schema reaches the prompt, fenced or prose-wrapped JSON comes back clean, and a reply that stays
 * invalid after the repair is each dialect's own error.
 */
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI, Type } from '@google/genai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anthropicDialect } from './anthropic';
import { geminiDialect } from './gemini';
import { openaiDialect } from './openai';
import { startRealStack, type RealStack } from '../__test__/real-stack';

const SEND = '/matrix/api/v1/chat/send_msg';
let stack: RealStack;

beforeAll(async () => {
  stack = await startRealStack({ dialects: [openaiDialect, anthropicDialect, geminiDialect], sim: { tickMs: 10 } });
});
afterAll(async () => {
  await stack?.close();
});
afterEach(() => stack.sim.admin.reset());

const schema = { type: 'object', properties: { title: { type: 'string' }, year: { type: 'integer' } }, required: ['title', 'year'], additionalProperties: false };

describe('Anthropic output_config.format', () => {
  it('returns the JSON as one text block, streamed and not', async () => {
    const client = new Anthropic({ baseURL: stack.server.url, apiKey: 'local', maxRetries: 0 });
    const body = { model: 'MiniMax-M2.7', max_tokens: 512, messages: [{ role: 'user' as const, content: 'A novel by Le Guin?' }], output_config: { format: { type: 'json_schema' as const, schema } } };
    stack.sim.admin.scriptReply({ text: '```json\n{"title": "The Dispossessed", "year": 1974}\n```' });
    const message = await client.messages.create(body);
    expect(message.content).toEqual([{ type: 'text', text: '{"title":"The Dispossessed","year":1974}' }]);
    expect(stack.sim.admin.requests({ path: SEND })[0]?.text).toContain(JSON.stringify(schema));

    stack.sim.admin.scriptReply({ text: 'Here: {"title": "The Lathe of Heaven", "year": 1971}' });
    const streamed = await client.messages.stream(body).finalMessage();
    expect(streamed.content.map((b) => (b.type === 'text' ? b.text : '')).join('')).toBe('{"title":"The Lathe of Heaven","year":1971}');
    expect(streamed.stop_reason).toBe('end_turn');
  });

  it('answers an Anthropic error envelope when the reply stays invalid', async () => {
    stack.sim.admin.scriptReply({ text: 'I cannot answer in JSON.' });
    stack.sim.admin.scriptReply({ text: 'Sorry.' });
    const response = await fetch(`${stack.server.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'MiniMax-M2.7', max_tokens: 64, messages: [{ role: 'user', content: 'x' }], output_format: { type: 'json_schema', schema } }),
    });
    expect(response.status).toBe(502);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.message).toContain('also after one repair attempt');
  });
});

describe('Gemini responseMimeType application/json', () => {
  it('honours responseSchema (OpenAPI subset) and responseJsonSchema', async () => {
    const ai = new GoogleGenAI({ apiKey: 'local', httpOptions: { baseUrl: stack.server.url } });
    stack.sim.admin.scriptReply({ text: 'Sure, here is the data:\n{"title": "Solaris", "year": 1961}' });
    const reply = await ai.models.generateContent({
      model: 'MiniMax-M2.7',
      contents: 'A novel by Lem?',
      config: { responseMimeType: 'application/json', responseSchema: { type: Type.OBJECT, properties: { title: { type: Type.STRING }, year: { type: Type.INTEGER } }, required: ['title', 'year'] } },
    });
    expect(JSON.parse(reply.text ?? '')).toEqual({ title: 'Solaris', year: 1961 });
    expect(stack.sim.admin.requests({ path: SEND })[0]?.text).toContain('"year":{"type":"integer"}');

    stack.sim.admin.scriptReply({ text: '{"title": "Solaris"}' });
    stack.sim.admin.scriptReply({ text: '{"title": "Solaris", "year": 1961}' });
    const stream = await ai.models.generateContentStream({ model: 'MiniMax-M2.7', contents: 'A novel by Lem?', config: { responseMimeType: 'application/json', responseJsonSchema: schema } });
    let text = '';
    for await (const chunk of stream) text += chunk.text ?? '';
    expect(JSON.parse(text)).toEqual({ title: 'Solaris', year: 1961 });
    expect(stack.sim.admin.requests({ path: SEND })).toHaveLength(3);
  });
});
