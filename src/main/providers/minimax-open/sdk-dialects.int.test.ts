/**
 * The official OpenAI, Anthropic and Google GenAI clients → the relay → an Open Platform API-key
 * account (simulator): plain replies, native tool calls (no tool prompt upstream), reasoning in
 * its own field, usage from the platform.
 */
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMixedStack, type MixedStack } from '../../../../test/support/mixed-stack';

let stack: MixedStack;

beforeAll(async () => {
  stack = await startMixedStack({ settings: { routing: { policy: 'api-key-only' } } });
  await stack.addKey();
});
afterAll(async () => {
  await stack?.close();
});

const weather = { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] };

function lastChatBody(): Record<string, unknown> {
  const chats = stack.open.admin.requests().filter((r) => r.path === '/v1/chat/completions');
  return (chats[chats.length - 1]?.body ?? {}) as Record<string, unknown>;
}

describe('OpenAI SDK over minimax-open', () => {
  it('streams text with reasoning split out and the platform usage', async () => {
    const client = new OpenAI({ apiKey: 'local', baseURL: `${stack.baseUrl}/v1` });
    const stream = await client.chat.completions.create({
      model: 'MiniMax-M2.7-Think',
      messages: [{ role: 'user', content: 'Hi there' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let reasoning = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string } | undefined;
      text += delta?.content ?? '';
      reasoning += delta?.reasoning_content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Hello from the MiniMax Open Platform simulator. You said: Hi there');
    expect(reasoning).toBe('The user greets me; answer politely.');
    expect(text).not.toContain('<think>');
    expect(usage?.prompt_tokens).toBeGreaterThan(0);
    const body = lastChatBody();
    expect(body).toMatchObject({ model: 'MiniMax-M2.7', reasoning_split: true, stream: true });
  });

  it('returns native tool calls and sends tools as tool fields, not as a prompt', async () => {
    const client = new OpenAI({ apiKey: 'local', baseURL: `${stack.baseUrl}/v1` });
    const reply = await client.chat.completions.create({
      model: 'MiniMax-M2.7',
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weather } }],
    });
    const call = reply.choices[0]?.message.tool_calls?.[0];
    expect(reply.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' ? { name: call.function.name, args: JSON.parse(call.function.arguments) as unknown } : null).toEqual({ name: 'get_weather', args: { city: 'Paris' } });
    const body = lastChatBody();
    expect(body.tools).toEqual([{ type: 'function', function: { name: 'get_weather', parameters: weather } }]);
    expect(JSON.stringify(body.messages)).not.toContain('get_weather');

    const follow = await client.chat.completions.create({
      model: 'MiniMax-M2.7',
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        reply.choices[0]!.message,
        { role: 'tool', tool_call_id: call!.id, content: '{"temp":21}' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weather } }],
    });
    expect(follow.choices[0]?.message.content).toBe('The tool returned: {"temp":21}');
    expect(lastChatBody().messages).toContainEqual({ role: 'tool', tool_call_id: call!.id, content: '{"temp":21}' });
  });
});

describe('Anthropic SDK over minimax-open', () => {
  it('gets thinking and a tool_use block', async () => {
    const client = new Anthropic({ apiKey: 'local', baseURL: stack.baseUrl });
    const message = await client.messages.create({
      model: 'MiniMax-M2.7',
      max_tokens: 1024,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      tools: [{ name: 'get_weather', input_schema: weather }],
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
    });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content.find((block) => block.type === 'thinking')).toMatchObject({ thinking: 'The user needs a tool.' });
    expect(message.content.find((block) => block.type === 'tool_use')).toMatchObject({ name: 'get_weather', input: { city: 'Paris' } });
    expect(lastChatBody().max_completion_tokens).toBe(1024);
  });
});

describe('Google GenAI SDK over minimax-open', () => {
  it('streams text and gets a functionCall', async () => {
    const ai = new GoogleGenAI({ apiKey: 'local', httpOptions: { baseUrl: stack.baseUrl } });
    const reply = await ai.models.generateContent({ model: 'MiniMax-M2.7', contents: 'Good morning' });
    expect(reply.text).toBe('Hello from the MiniMax Open Platform simulator. You said: Good morning');
    const config = { tools: [{ functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: weather }] }] };
    const stream = await ai.models.generateContentStream({ model: 'MiniMax-M2.7', contents: 'Weather in Paris?', config });
    const calls: { name?: string; args?: Record<string, unknown> }[] = [];
    for await (const chunk of stream) calls.push(...(chunk.functionCalls ?? []));
    expect(calls.map((c) => ({ name: c.name, args: c.args }))).toEqual([{ name: 'get_weather', args: { city: 'Paris' } }]);
  });
});
