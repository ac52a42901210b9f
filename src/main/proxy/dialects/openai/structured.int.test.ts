import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RealStack } from '../../__test__/real-stack';
import { startRealStack } from '../../__test__/real-stack';

const SEND = '/matrix/api/v1/chat/send_msg';
let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const Person = z.object({ name: z.string(), age: z.number().int() });
const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'], additionalProperties: false };
const jsonSchemaFormat = { type: 'json_schema', json_schema: { name: 'person', schema, strict: true } } as const;
const ask: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Who wrote Dune? Give name and age at publication.' }];

function client(s: RealStack): OpenAI {
  return new OpenAI({ baseURL: s.baseURL, apiKey: 'unused', maxRetries: 0 });
}

async function streamText(openai: OpenAI, body: Omit<OpenAI.Chat.ChatCompletionCreateParamsStreaming, 'stream'>): Promise<{ text: string; deltas: number }> {
  const stream = await openai.chat.completions.create({ ...body, stream: true });
  let text = '';
  let deltas = 0;
  for await (const chunk of stream) {
    const content = chunk.choices[0]?.delta.content;
    if (content) {
      text += content;
      deltas += 1;
    }
  }
  return { text, deltas };
}

describe('structured output through the OpenAI dialect', () => {
  it('tells the model the schema and strips prose and code fences around the JSON', async () => {
    stack = await startRealStack();
    const openai = client(stack);
    stack.sim.admin.scriptReply({ text: 'Sure! Here it is:\n```json\n{"name": "Frank Herbert", "age": 45}\n```\nAnything else?' });
    const whole = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: ask, response_format: jsonSchemaFormat });
    expect(JSON.parse(whole.choices[0]?.message.content ?? '')).toEqual({ name: 'Frank Herbert', age: 45 });
    const prompt = stack.sim.admin.requests({ path: SEND })[0]?.text ?? '';
    expect(prompt).toContain('# Output format');
    expect(prompt).toContain(JSON.stringify(schema));

    stack.sim.admin.scriptReply({ text: "The answer is {name: 'Frank Herbert', age: 45,} as requested.", charsPerTick: 5 });
    const streamed = await streamText(openai, { model: 'MiniMax-M2.7', messages: ask, response_format: jsonSchemaFormat });
    // Held until checked, then released whole.
    expect(JSON.parse(streamed.text)).toEqual({ name: 'Frank Herbert', age: 45 });
    expect(streamed.deltas).toBe(1);
    expect(stack.sim.admin.requests({ path: SEND })).toHaveLength(2);
  });

  it('json_object refuses prose and repairs it with one follow-up request', async () => {
    stack = await startRealStack();
    const openai = client(stack);
    stack.sim.admin.scriptReply({ text: 'I think the answer is forty-two.' });
    stack.sim.admin.scriptReply({ text: '{"answer": 42}' });
    const whole = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: [{ role: 'user', content: 'Answer in JSON.' }], response_format: { type: 'json_object' } });
    expect(JSON.parse(whole.choices[0]?.message.content ?? '')).toEqual({ answer: 42 });
    const sent = stack.sim.admin.requests({ path: SEND }).map((r) => r.text);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toContain('I think the answer is forty-two.');
    expect(sent[1]).toContain('the reply is not JSON');
    // Both upstream calls are in the request log; the first one is marked refused.
    const entries = stack.requestLog.query({});
    const ids = entries.map((e) => e.id);
    expect(ids).toContain(`${whole.id.replace('chatcmpl-', '')}-repair`);
  });

  it('answers structured_output_invalid (not prose) when the repair fails too, streamed or not', async () => {
    stack = await startRealStack();
    const openai = client(stack);
    stack.sim.admin.scriptReply({ text: '{"name": "Frank Herbert"}' });
    stack.sim.admin.scriptReply({ text: '{"name": "Frank Herbert", "age": "forty-five"}' });
    const failure = await openai.chat.completions.create({ model: 'MiniMax-M2.7', messages: ask, response_format: jsonSchemaFormat }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.APIError);
    const apiError = failure as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(502);
    expect(apiError.code).toBe('structured_output_invalid');
    expect(apiError.message).toContain('/age must be integer');
    const repairPrompt = stack.sim.admin.requests({ path: SEND })[1]?.text ?? '';
    expect(repairPrompt).toContain("(root) must have required property 'age'");

    stack.sim.admin.scriptReply({ text: 'no JSON here' });
    stack.sim.admin.scriptReply({ text: 'still none' });
    const streamed = streamText(openai, { model: 'MiniMax-M2.7', messages: ask, response_format: jsonSchemaFormat });
    await expect(streamed).rejects.toThrow(/did not reply with JSON matching the requested schema/);
    const log = stack.requestLog.query({}).filter((e) => e.errorCode === 'structured_output_invalid');
    // First try and repair of each request: four refused replies, all in the log.
    expect(log).toHaveLength(4);
  });

  it('works with chat.completions.parse() and a zod schema', async () => {
    stack = await startRealStack();
    const openai = client(stack);
    stack.sim.admin.scriptReply({ text: '```json\n{"name":"Ursula K. Le Guin","age":39}\n```' });
    const parsed = await openai.chat.completions.parse({ model: 'MiniMax-M2.7', messages: ask, response_format: zodResponseFormat(Person, 'person') });
    expect(parsed.choices[0]?.message.parsed).toEqual({ name: 'Ursula K. Le Guin', age: 39 });
    const prompt = stack.sim.admin.requests({ path: SEND })[0]?.text ?? '';
    expect(prompt).toContain('"person"');
  });

  it('lets a tool call through unchecked', async () => {
    stack = await startRealStack();
    const openai = client(stack);
    stack.sim.admin.scriptReply({ text: '<minimax:tool_call>\n<invoke name="lookup">\n<parameter name="q">Dune</parameter>\n</invoke>\n</minimax:tool_call>' });
    const whole = await openai.chat.completions.create({
      model: 'MiniMax-M2.7',
      messages: ask,
      response_format: jsonSchemaFormat,
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } } } }],
    });
    expect(whole.choices[0]?.finish_reason).toBe('tool_calls');
    expect(whole.choices[0]?.message.tool_calls?.[0]).toMatchObject({ function: { name: 'lookup', arguments: '{"q":"Dune"}' } });
  });
});
