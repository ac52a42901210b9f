/**
 * Requests captured from real Responses API clients (Codex CLI 0.171 with a custom provider, the AI
 * SDK 6 default `createOpenAI()` provider), replayed byte for byte through the relay against the
 * simulator. See test/fixtures/clients/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openaiDialect } from '../openai';
import { startRealStack, type RealStack } from '../../__test__/real-stack';
import { responsesDialect } from '.';

const SEND = '/matrix/api/v1/chat/send_msg';
const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/clients');
let stack: RealStack;

beforeAll(async () => {
  stack = await startRealStack({ dialects: [openaiDialect, responsesDialect], sim: { tickMs: 10 } });
});
afterAll(async () => {
  await stack?.close();
});
afterEach(() => stack.sim.admin.reset());

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

async function post(body: unknown): Promise<Response> {
  return fetch(`${stack.baseURL}/responses`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-local' }, body: JSON.stringify(body) });
}

async function postStream(body: unknown): Promise<SseEvent[]> {
  const response = await post(body);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const frames = (await response.text()).split('\n\n').filter((frame) => frame.includes('data:'));
  return frames.map((frame) => {
    const event = /^event: (.*)$/m.exec(frame)?.[1] ?? '';
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    return { event, data: JSON.parse(data) as Record<string, unknown> };
  });
}

function finalResponse(events: SseEvent[]): Record<string, unknown> {
  const completed = events.find((e) => e.event === 'response.completed');
  expect(completed, `events: ${events.map((e) => e.event).join(', ')}`).toBeDefined();
  return completed?.data.response as Record<string, unknown>;
}

const lastUpstreamText = (): string => stack.sim.admin.requests({ path: SEND }).at(-1)?.text ?? '';

describe('Codex CLI requests', () => {
  it('streams an answer to the first turn (developer messages, function and namespace tools, store: false)', async () => {
    stack.sim.admin.scriptReply({ text: 'Hi! How can I help?' });
    const events = await postStream(fixture('codex-responses-stream.json'));
    expect(finalResponse(events).output_text).toBe('Hi! How can I help?');
    const upstream = lastUpstreamText();
    expect(upstream).toContain('You are a coding agent running in the Codex CLI');
    expect(upstream).toContain('"name":"exec_command"');
    expect(upstream).toContain('user:<environment_context>');
    expect(upstream).toMatch(/user:Say hi|Please run echo/);
  });

  it('turns a tool call into a function_call item Codex can run', async () => {
    stack.sim.admin.scriptReply({ text: '<minimax:tool_call>\n<invoke name="exec_command">\n<parameter name="cmd">echo relay-ok</parameter>\n</invoke>\n</minimax:tool_call>' });
    const events = await postStream(fixture('codex-responses-stream.json'));
    const added = events.find((e) => e.event === 'response.output_item.added' && (e.data.item as { type: string }).type === 'function_call');
    expect(added).toBeDefined();
    const output = finalResponse(events).output as { type: string; name?: string; arguments?: string; call_id?: string }[];
    expect(output).toEqual([expect.objectContaining({ type: 'function_call', name: 'exec_command', arguments: '{"cmd":"echo relay-ok"}' })]);
    expect(output[0]?.call_id).toMatch(/^call_/);
  });

  it('sends the function_call_output of the next turn upstream as a tool result', async () => {
    stack.sim.admin.scriptReply({ text: 'The command printed relay-ok.' });
    const events = await postStream(fixture('codex-responses-tool-output.json'));
    expect(finalResponse(events).output_text).toBe('The command printed relay-ok.');
    const upstream = lastUpstreamText();
    expect(upstream).toContain('<invoke name="exec_command">\n<parameter name="cmd">echo relay-ok</parameter>');
    const body = fixture('codex-responses-tool-output.json') as { input: { type?: string; call_id?: string }[] };
    const callId = body.input.find((item) => item.type === 'function_call_output')?.call_id ?? '';
    expect(upstream).toContain(`<tool_result id="${callId}" name="exec_command">`);
    expect(upstream).toContain('Output:\nrelay-ok');
  });
});

describe('AI SDK (createOpenAI) requests', () => {
  it('answers generateText with tools (system role item, input_text parts) with a function_call', async () => {
    stack.sim.admin.scriptReply({ text: '<minimax:tool_call>\n<invoke name="get_weather">\n<parameter name="city">Paris</parameter>\n</invoke>\n</minimax:tool_call>' });
    const response = await post(fixture('ai-sdk-responses-tools.json'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; output: { type: string; name?: string; arguments?: string }[] };
    expect(body.status).toBe('completed');
    expect(body.output).toEqual([expect.objectContaining({ type: 'function_call', name: 'get_weather', arguments: '{"city":"Paris"}' })]);
    expect(lastUpstreamText()).toContain('system:You are terse.');
  });

  it('streams streamText', async () => {
    stack.sim.admin.scriptReply({ text: 'Hi there! Nice to see you again today.', tickMs: 100, charsPerTick: 6 });
    const events = await postStream(fixture('ai-sdk-responses-stream.json'));
    const deltas = events.filter((e) => e.event === 'response.output_text.delta').map((e) => e.data.delta as string);
    expect(deltas.join('')).toBe('Hi there! Nice to see you again today.');
    expect(deltas.length).toBeGreaterThan(1);
  });

  it('answers Output.object with schema-checked JSON', async () => {
    stack.sim.admin.scriptReply({ text: 'Sure: {"city": "Lisbon"}' });
    const response = await post(fixture('ai-sdk-responses-output-object.json'));
    const body = (await response.json()) as { output_text: string };
    expect(JSON.parse(body.output_text)).toEqual({ city: 'Lisbon' });
  });
});
