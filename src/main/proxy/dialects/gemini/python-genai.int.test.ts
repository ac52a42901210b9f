/**
 * The Python `google-genai` request (test/fixtures/clients/python-genai-afc.json, built from the
 * SDK's wire format, see python-genai.test.ts) end to end: replayed through the relay to the
 * simulator, its function schemas reach the model's tool declarations whole, and a call the
 * model makes comes back as a `functionCall` with the arguments the schema allows.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RealStack } from '../../__test__/real-stack';
import { startRealStack } from '../../__test__/real-stack';
import { geminiDialect } from './index';

const fixture = JSON.parse(readFileSync(new URL('../../../../../test/fixtures/clients/python-genai-afc.json', import.meta.url), 'utf8')) as { url: string; headers: Record<string, string>; body: unknown };

let stack: RealStack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

describe('python google-genai, end to end', () => {
  it('declares both function schemas upstream and answers a call in Gemini form', async () => {
    stack = await startRealStack({ dialects: [geminiDialect] });
    const call = '<minimax:tool_call>\n<invoke name="book_taxi">\n<parameter name="pickup_address">221B Baker Street</parameter>\n<parameter name="passenger_count">2</parameter>\n</invoke>\n</minimax:tool_call>';
    stack.sim.admin.scriptReply({ text: `Take a coat; I will book a taxi.\n${call}` });
    const res = await fetch(`${stack.server.url}${fixture.url}`, { method: 'POST', headers: { ...fixture.headers, 'x-goog-api-key': 'k' }, body: JSON.stringify(fixture.body) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { candidates: { content: { parts: Record<string, unknown>[] } }[] };
    const sent = stack.sim.admin.requests({ path: '/matrix/api/v1/chat/send_msg' }).at(-1);
    const prompt = String((sent?.body as { text?: string } | undefined)?.text);
    const declared = prompt
      .slice(prompt.indexOf('<tools>') + 8, prompt.indexOf('</tools>'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { name: string; parameters: { properties: Record<string, unknown>; required: string[] } });
    expect(declared.map((tool) => tool.name)).toEqual(['get_current_temperature', 'book_taxi']);
    expect(Object.keys(declared[0]!.parameters.properties)).toEqual(['location', 'unit_system']);
    expect(declared[1]!.parameters).toMatchObject({ properties: { pickup_address: { type: 'string' }, passenger_count: { type: ['integer', 'null'] } }, required: ['pickup_address'] });
    expect(prompt).toContain('sky_condition');
    const functionCall = body.candidates[0]?.content.parts.find((part) => 'functionCall' in part)?.functionCall;
    expect(functionCall).toMatchObject({ name: 'book_taxi', args: { pickup_address: '221B Baker Street', passenger_count: 2 } });
  });
});
