/**
 * The Responses API end to end: the official `openai` SDK (`responses.create`, `responses.stream`,
 * `responses.parse`) → the relay → the upstream simulator.
 */
import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openaiDialect } from '../openai';
import { startRealStack, type RealStack } from '../../__test__/real-stack';
import { responsesDialect } from '.';

const SEND = '/matrix/api/v1/chat/send_msg';
let stack: RealStack;
let openai: OpenAI;

beforeAll(async () => {
  stack = await startRealStack({ dialects: [openaiDialect, responsesDialect], sim: { tickMs: 10 } });
  openai = new OpenAI({ baseURL: stack.baseURL, apiKey: 'unused', maxRetries: 0 });
});
afterAll(async () => {
  await stack?.close();
});
afterEach(() => stack.sim.admin.reset());

const sentTexts = (): string[] => stack.sim.admin.requests({ path: SEND }).map((r) => r.text ?? '');
const weather = { type: 'function' as const, name: 'get_weather', description: 'Weather for a city', strict: true, parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } };

describe('POST /v1/responses', () => {
  it('answers text input with instructions, not streamed', async () => {
    stack.sim.admin.scriptReply({ text: 'Hello there.' });
    const response = await openai.responses.create({ model: 'MiniMax-M2.7', instructions: 'Be brief.', input: 'Say hello.' });
    expect(response.object).toBe('response');
    expect(response.id).toMatch(/^resp_/);
    expect(response.status).toBe('completed');
    expect(response.model).toBe('MiniMax-M2.7');
    expect(response.output_text).toBe('Hello there.');
    expect(response.output).toEqual([{ type: 'message', id: expect.stringMatching(/^msg_/) as unknown, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hello there.', annotations: [], logprobs: [] }] }]);
    expect(response.usage?.output_tokens).toBeGreaterThan(0);
    expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + (response.usage?.output_tokens ?? 0));
    expect(sentTexts()[0]).toContain('system:Be brief.');
    expect(sentTexts()[0]).toContain('user:Say hello.');
  });

  it('streams the full event sequence with reasoning summary and text', async () => {
    stack.sim.admin.scriptReply({ text: 'Paris is the capital.', thinking: 'France; capital is Paris.', charsPerTick: 5 });
    const stream = openai.responses.stream({ model: 'MiniMax-M2.7-Think', input: [{ role: 'user', content: [{ type: 'input_text', text: 'Capital of France?' }] }], reasoning: { effort: 'high', summary: 'auto' } });
    const types: string[] = [];
    const sequence: number[] = [];
    let text = '';
    let summary = '';
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.reasoning_summary_text.delta') summary += event.delta;
    }
    const final = await stream.finalResponse();
    expect(text).toBe('Paris is the capital.');
    expect(summary).toBe('France; capital is Paris.');
    expect(final.output_text).toBe('Paris is the capital.');
    expect(final.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(sequence).toEqual(sequence.map((_, i) => i));
    const distinct = types.filter((type, i) => types[i - 1] !== type);
    expect(distinct).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
  });

  it('round-trips a function call: function_call item out, function_call_output in', async () => {
    stack.sim.admin.scriptReply({ text: 'Let me check.\n<minimax:tool_call>\n<invoke name="get_weather">\n<parameter name="city">Oslo</parameter>\n</invoke>\n</minimax:tool_call>' });
    const stream = openai.responses.stream({ model: 'MiniMax-M2.7', input: 'Weather in Oslo?', tools: [weather], tool_choice: 'auto' });
    let args = '';
    let argsDone: string | null = null;
    for await (const event of stream) {
      if (event.type === 'response.function_call_arguments.delta') args += event.delta;
      if (event.type === 'response.function_call_arguments.done') argsDone = event.arguments;
    }
    const first = await stream.finalResponse();
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', arguments: '{"city":"Oslo"}', status: 'completed' });
    expect(args).toBe('{"city":"Oslo"}');
    expect(argsDone).toBe('{"city":"Oslo"}');
    expect(sentTexts()[0]).toContain('"name":"get_weather"');
    if (call?.type !== 'function_call') return;

    stack.sim.admin.scriptReply({ text: 'It is 4 °C in Oslo.' });
    const second = await openai.responses.create({
      model: 'MiniMax-M2.7',
      tools: [weather],
      input: [
        { role: 'user', content: 'Weather in Oslo?' },
        // Output items go back as input items, as the SDK docs show.
        ...(first.output.filter((item) => item.type !== 'reasoning') as OpenAI.Responses.ResponseInputItem[]),
        { type: 'function_call_output', call_id: call.call_id, output: '{"temp_c":4}' },
      ],
    });
    expect(second.output_text).toBe('It is 4 °C in Oslo.');
    const upstream = sentTexts()[1] ?? '';
    expect(upstream).toContain('<invoke name="get_weather">');
    expect(upstream).toContain(`<tool_result id="${call.call_id}" name="get_weather">\n{"temp_c":4}\n</tool_result>`);
  });

  it('continues from previous_response_id, and GET, input_items and DELETE reach the stored response', async () => {
    stack.sim.admin.scriptReply({ text: 'Nice to meet you, Ada.' });
    const first = await openai.responses.create({ model: 'MiniMax-M2.7', instructions: 'Only for the first turn.', input: 'My name is Ada.' });
    stack.sim.admin.scriptReply({ text: 'Your name is Ada.' });
    const second = await openai.responses.create({ model: 'MiniMax-M2.7', previous_response_id: first.id, input: 'What is my name?' });
    expect(second.previous_response_id).toBe(first.id);
    const upstream = sentTexts()[1] ?? '';
    expect(upstream).toContain('user:My name is Ada.');
    expect(upstream).toContain('assistant:Nice to meet you, Ada.');
    expect(upstream).toContain('user:What is my name?');
    expect(upstream).not.toContain('Only for the first turn.');

    const items = await openai.responses.inputItems.list(first.id, { order: 'asc' });
    expect(items.data).toEqual([{ type: 'message', id: expect.stringMatching(/^msg_/) as unknown, role: 'user', content: [{ type: 'input_text', text: 'My name is Ada.' }] }]);

    const fetched = await openai.responses.retrieve(second.id);
    expect(fetched.output_text).toBe('Your name is Ada.');
    const deleted = await fetch(`${stack.baseURL}/responses/${second.id}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ id: second.id, object: 'response', deleted: true });
    await expect(openai.responses.retrieve(second.id)).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(openai.responses.create({ model: 'MiniMax-M2.7', previous_response_id: second.id, input: 'Hi' })).rejects.toMatchObject({
      status: 400,
      param: 'previous_response_id',
    });
  });

  it('does not keep a response sent with store: false', async () => {
    stack.sim.admin.scriptReply({ text: 'Not kept.' });
    const response = await openai.responses.create({ model: 'MiniMax-M2.7', input: 'hi', store: false });
    expect((response as unknown as { store: boolean }).store).toBe(false);
    await expect(openai.responses.retrieve(response.id)).rejects.toMatchObject({ status: 404 });
  });

  it('gives structured output through text.format and responses.parse()', async () => {
    const Book = z.object({ title: z.string(), year: z.number().int() });
    stack.sim.admin.scriptReply({ text: 'Here:\n```json\n{"title":"Solaris","year":1961}\n```' });
    const parsed = await openai.responses.parse({ model: 'MiniMax-M2.7', input: 'A novel by Lem?', text: { format: zodTextFormat(Book, 'book') } });
    expect(parsed.output_parsed).toEqual({ title: 'Solaris', year: 1961 });
    expect(sentTexts()[0]).toContain('# Output format');

    stack.sim.admin.scriptReply({ text: 'no json' });
    stack.sim.admin.scriptReply({ text: 'still no json' });
    const stream = openai.responses.stream({ model: 'MiniMax-M2.7', input: 'A novel?', text: { format: zodTextFormat(Book, 'book') } });
    const failures: string[] = [];
    // The SDK's iterator may end quietly on an `error` event; finalResponse() rejects with it.
    for await (const event of stream) if (event.type === 'response.failed') failures.push(event.response.error?.code ?? '');
    await expect(stream.finalResponse()).rejects.toThrow(/repair attempt/);
    expect(failures).toEqual(['structured_output_invalid']);

    stack.sim.admin.scriptReply({ text: '{"title":"Solaris"}' });
    stack.sim.admin.scriptReply({ text: '{"title":"Solaris","year":"1961"}' });
    await expect(openai.responses.create({ model: 'MiniMax-M2.7', input: 'A novel?', text: { format: zodTextFormat(Book, 'book') } })).rejects.toMatchObject({
      status: 502,
      code: 'structured_output_invalid',
    });
  });

  it('marks a reply cut by max_output_tokens incomplete', async () => {
    stack.sim.admin.scriptReply({ text: 'one two three four five six seven eight nine ten' });
    const response = await openai.responses.create({ model: 'MiniMax-M2.7', input: 'count', max_output_tokens: 3 });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(response.output_text).toBe('one two three');
  });

  it('ends a stream the upstream drops mid-reply with response.failed, then error, and keeps the failed response', async () => {
    stack.sim.admin.scriptReply({ text: 'slow words '.repeat(100), tickMs: 50, charsPerTick: 20 });
    const stream = openai.responses.stream({ model: 'MiniMax-M2.7', input: 'tell me a long story' });
    const seen: string[] = [];
    let failed: { id: string; status?: string; error: { code: string } | null } | null = null;
    for await (const event of stream) {
      seen.push(event.type);
      // Text is flowing: from now on every poll of the chat loses its connection.
      if (event.type === 'response.output_text.delta' && seen.filter((type) => type === event.type).length === 1) {
        stack.sim.admin.injectFault({ endpoint: 'get_chat_detail', kind: 'drop', count: 1_000 });
      }
      if (event.type === 'response.failed') failed = event.response;
    }
    await expect(stream.finalResponse()).rejects.toThrow();
    expect(seen).toContain('response.output_text.delta');
    expect(seen).not.toContain('response.completed');
    expect(seen.slice(-2)).toEqual(['response.failed', 'error']);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'upstream_unavailable' } });
    // GET shows why it failed; a failed response has nothing to continue from.
    const kept = await openai.responses.retrieve(failed!.id);
    expect(kept.status).toBe('failed');
  });

  it('refuses a malformed body in the OpenAI error shape, naming the field', async () => {
    const bad = await fetch(`${stack.baseURL}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'MiniMax-M2.7', input: [{ type: 'function_call', name: 'x' }] }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { type: string; code: string; param: string; message: string } };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_request' });
    expect(body.error.param).toMatch(/^input\[0\]/);
  });
});
