/**
 * Tool emulation end to end: the official OpenAI, Anthropic and Google GenAI clients → the relay →
 * the upstream simulator, whose scripted replies hold zero, one or two calls split across polls
 * at awkward places (inside tag names, inside a surrogate pair).
 */
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PATHS } from '../../providers/minimax-agent/protocol';
import { anthropicDialect } from './anthropic';
import { geminiDialect } from './gemini';
import { openaiDialect } from './openai';
import { startRealStack, type RealStack } from '../__test__/real-stack';

let stack: RealStack;

beforeAll(async () => {
  stack = await startRealStack({ dialects: [openaiDialect, anthropicDialect, geminiDialect], sim: { tickMs: 10 } });
});
afterAll(async () => {
  await stack?.close();
});
afterEach(() => stack.sim.admin.reset());

const weatherSchema = { type: 'object' as const, properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'], additionalProperties: false };
const timeSchema = { type: 'object' as const, properties: { zone: { type: 'string' } }, required: ['zone'] };

/** Splits `text` at the first occurrence of each marker (after that marker's offset). */
function splitAt(text: string, cuts: [string, number][]): string[] {
  const points = cuts.map(([marker, offset]) => text.indexOf(marker) + offset).sort((a, b) => a - b);
  return [0, ...points, text.length].slice(1).map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
}

function scenario(name: 'zero' | 'one' | 'two'): { chunks: string[]; calls: { name: string; args: Record<string, unknown> }[]; text: string } {
  if (name === 'zero') {
    const reply = 'Sunny 😀 all week, no tool needed. Example: `<tool>` is just text.';
    return { chunks: splitAt(reply, [['😀', 1], ['<tool>', 2]]), calls: [], text: reply };
  }
  const one = '<invoke name="get_weather">\n<parameter name="city">Paris</parameter>\n<parameter name="days">3</parameter>\n</invoke>';
  const two = '<invoke name="get_time">\n<parameter name="zone">Europe/Paris</parameter>\n</invoke>';
  const before = 'Checking 🌦 now.\n';
  if (name === 'one') {
    const reply = `${before}<minimax:tool_call>\n${one}\n</minimax:tool_call>`;
    return { chunks: splitAt(reply, [['🌦', 1], ['<minimax:tool_call>', 9], ['name="city"', 7], ['</invoke>', 4]]), calls: [{ name: 'get_weather', args: { city: 'Paris', days: 3 } }], text: before };
  }
  const reply = `${before}<minimax:tool_call>\n${one}\n${two}\n</minimax:tool_call>\nBack soon.`;
  return {
    chunks: splitAt(reply, [['<minimax:tool_call>', 3], ['Paris<', 3], ['get_time', 4], ['</minimax:tool_call>', 15]]),
    calls: [{ name: 'get_weather', args: { city: 'Paris', days: 3 } }, { name: 'get_time', args: { zone: 'Europe/Paris' } }],
    text: `${before}Back soon.`,
  };
}

/** One chunk per step, slower than the relay's fastest poll, so the pieces reach it in separate polls. */
function scriptSplitReply(chunks: string[]): void {
  stack.sim.admin.scriptReply({ text: chunks.join(''), chunks, tickMs: 300 });
}

/** The reply reached the relay over several polls, and the request log counted its calls. */
async function expectSplitDelivery(calls: number): Promise<void> {
  const chat = stack.sim.admin.chats(stack.simAccounts[0]?.realUserId).at(-1);
  expect(chat?.polls).toBeGreaterThanOrEqual(3);
  await expect.poll(() => {
    const entry = stack.requestLog.query({ limit: 1 })[0];
    return entry && { status: entry.status, toolCalls: entry.toolCalls };
  }, { timeout: 5000 }).toEqual({ status: 'success', toolCalls: calls });
}

function lastUpstreamText(): string {
  return stack.sim.admin.requests({ path: PATHS.sendMsg }).at(-1)?.text ?? '';
}

describe.each(['zero', 'one', 'two'] as const)('%s tool calls', (name) => {
  it('reaches the OpenAI client as tool_calls', async () => {
    const expected = scenario(name);
    scriptSplitReply(expected.chunks);
    const client = new OpenAI({ baseURL: `${stack.server.url}/v1`, apiKey: 'local', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'MiniMax-M2.7',
      stream: true,
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherSchema } }, { type: 'function', function: { name: 'get_time', parameters: timeSchema } }],
    });
    let text = '';
    const calls = new Map<number, { id: string; name: string; args: string }>();
    let finish: string | null = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      text += choice?.delta.content ?? '';
      for (const call of choice?.delta.tool_calls ?? []) {
        const seen = calls.get(call.index) ?? { id: '', name: '', args: '' };
        calls.set(call.index, { id: seen.id + (call.id ?? ''), name: seen.name + (call.function?.name ?? ''), args: seen.args + (call.function?.arguments ?? '') });
      }
      finish = choice?.finish_reason ?? finish;
    }
    expect(text).toBe(expected.text);
    expect([...calls.values()].map((c) => ({ name: c.name, args: JSON.parse(c.args) as unknown }))).toEqual(expected.calls);
    expect(finish).toBe(expected.calls.length ? 'tool_calls' : 'stop');
    await expectSplitDelivery(expected.calls.length);
    if (!expected.calls.length) return;

    const first = [...calls.values()][0]!;
    stack.sim.admin.scriptReply({ text: 'It is sunny.' });
    const follow = await client.chat.completions.create({
      model: 'MiniMax-M2.7',
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [{ id: first.id, type: 'function', function: { name: first.name, arguments: first.args } }] },
        { role: 'tool', tool_call_id: first.id, content: '{"temp": 21}' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherSchema } }],
    });
    expect(follow.choices[0]?.message.content).toBe('It is sunny.');
    expect(lastUpstreamText()).toContain(`<tool_result id="${first.id}" name="get_weather">\n{"temp": 21}\n</tool_result>`);
    expect(lastUpstreamText()).toContain('<invoke name="get_weather">\n<parameter name="city">Paris</parameter>');
  });

  it('reaches the Anthropic client as tool_use blocks', async () => {
    const expected = scenario(name);
    scriptSplitReply(expected.chunks);
    const client = new Anthropic({ baseURL: stack.server.url, apiKey: 'local', maxRetries: 0 });
    const tools = [{ name: 'get_weather', input_schema: weatherSchema }, { name: 'get_time', input_schema: timeSchema }];
    const message = await client.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 1024, tools, messages: [{ role: 'user', content: 'Weather in Paris?' }] }).finalMessage();
    const text = message.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
    const uses = message.content.flatMap((b) => (b.type === 'tool_use' ? [b] : []));
    expect(text).toBe(expected.text);
    expect(uses.map((u) => ({ name: u.name, args: u.input }))).toEqual(expected.calls);
    expect(message.stop_reason).toBe(expected.calls.length ? 'tool_use' : 'end_turn');
    await expectSplitDelivery(expected.calls.length);
    if (!uses[0]) return;

    stack.sim.admin.scriptReply({ text: 'It is sunny.' });
    const follow = await client.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      tools,
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: message.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: uses[0].id, content: '{"temp": 21}' }] },
      ],
    });
    expect(follow.content).toEqual([{ type: 'text', text: 'It is sunny.' }]);
    expect(lastUpstreamText()).toContain(`<tool_result id="${uses[0].id}" name="get_weather">\n{"temp": 21}\n</tool_result>`);
  });

  it('reaches the Google GenAI client as functionCall parts', async () => {
    const expected = scenario(name);
    scriptSplitReply(expected.chunks);
    const ai = new GoogleGenAI({ apiKey: 'local', httpOptions: { baseUrl: stack.server.url } });
    const config = { tools: [{ functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: weatherSchema }, { name: 'get_time', parametersJsonSchema: timeSchema }] }] };
    const stream = await ai.models.generateContentStream({ model: 'MiniMax-M2.7', contents: 'Weather in Paris?', config });
    let text = '';
    const calls: { id?: string; name?: string; args?: Record<string, unknown> }[] = [];
    for await (const chunk of stream) {
      text += chunk.candidates?.[0]?.content?.parts?.map((p) => p.text ?? '').join('') ?? '';
      calls.push(...(chunk.functionCalls ?? []));
    }
    expect(text).toBe(expected.text);
    expect(calls.map((c) => ({ name: c.name, args: c.args }))).toEqual(expected.calls);
    await expectSplitDelivery(expected.calls.length);
    if (!calls[0]) return;

    stack.sim.admin.scriptReply({ text: 'It is sunny.' });
    const follow = await ai.models.generateContent({
      model: 'MiniMax-M2.7',
      config,
      contents: [
        { role: 'user', parts: [{ text: 'Weather in Paris?' }] },
        { role: 'model', parts: [{ functionCall: calls[0] }] },
        { role: 'user', parts: [{ functionResponse: { id: calls[0].id, name: 'get_weather', response: { output: { temp: 21 } } } }] },
      ],
    });
    expect(follow.text).toBe('It is sunny.');
    expect(lastUpstreamText()).toContain(`<tool_result id="${calls[0].id}" name="get_weather">\n{"output":{"temp":21}}\n</tool_result>`);
  });
});
