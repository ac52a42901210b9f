import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../logs/types';
import { silentLogger } from '../../logs/types';
import type { CanonicalEvent, CanonicalRequest, CanonicalTool } from '../canonical';
import { createToolEmulation } from './index';

const tools: CanonicalTool[] = [
  {
    name: 'get_weather',
    description: 'Weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer' }, metric: { type: 'boolean' }, hours: { type: 'array', items: { type: 'number' } } },
      required: ['city'],
      additionalProperties: false,
    },
  },
  { name: 'read_file', parameters: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { path: { type: 'string' }, opts: { type: 'object' } }, required: ['path'] } },
];

const request: CanonicalRequest = { id: 'r1', dialect: 'openai', model: 'm', stream: true, messages: [], tools, toolChoice: { type: 'auto' } };

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const logger: Logger & { warnings: string[] } = {
    ...silentLogger,
    warnings,
    warn: (fields: Record<string, unknown> | string, message?: string) => {
      warnings.push(typeof fields === 'string' ? fields : (message ?? ''));
    },
    child: () => logger,
  };
  return logger;
}

let callNumber = 0;
// One emulation for the whole file, as in the relay: its compiled schemas are reused across requests.
const shared = createToolEmulation({ logger: silentLogger, newCallId: () => `call_${++callNumber}` });

async function run(chunks: string[], options: { req?: CanonicalRequest; logger?: Logger } = {}): Promise<CanonicalEvent[]> {
  callNumber = 0;
  const emulation = options.logger ? createToolEmulation({ logger: options.logger }) : shared;
  async function* source(): AsyncGenerator<CanonicalEvent> {
    for (const text of chunks) yield { type: 'text', text };
    yield { type: 'usage', usage: { inputTokens: 1, outputTokens: 1, estimated: true } };
    yield { type: 'finish', reason: 'stop' };
  }
  const out: CanonicalEvent[] = [];
  for await (const event of emulation.transform(source(), options.req ?? request)) out.push(event);
  return out;
}

function summarise(events: CanonicalEvent[]): { text: string; calls: unknown[]; finish: unknown } {
  return {
    text: events.map((e) => (e.type === 'text' ? e.text : '')).join(''),
    calls: events.flatMap((e) => (e.type === 'tool-call' ? [{ name: e.call.name, arguments: e.call.arguments }] : [])),
    finish: events.find((e) => e.type === 'finish'),
  };
}

const native = `Let me check.\n<minimax:tool_call>\n<invoke name="get_weather">\n<parameter name="city">Paris</parameter>\n<parameter name="days">3</parameter>\n<parameter name="metric">true</parameter>\n<parameter name="hours">[9, 12.5]</parameter>\n</invoke>\n<invoke name="read_file">\n<parameter name="path">/tmp/a 1.txt</parameter>\n</invoke>\n</minimax:tool_call>\nDone 😀 here.`;

describe('tool emulation transform', () => {
  it('recovers several native calls with values converted by the schema, keeping text around them', async () => {
    const events = await run([native]);
    expect(summarise(events)).toEqual({
      text: 'Let me check.\nDone 😀 here.',
      calls: [
        { name: 'get_weather', arguments: { city: 'Paris', days: 3, metric: true, hours: [9, 12.5] } },
        { name: 'read_file', arguments: { path: '/tmp/a 1.txt' } },
      ],
      finish: { type: 'finish', reason: 'tool_calls' },
    });
    const call = events.find((e) => e.type === 'tool-call');
    expect(call?.type === 'tool-call' && call.call.id).toBe('call_1');
  });

  it('keeps a string parameter that looks like JSON as the text written', async () => {
    const events = await run(['<minimax:tool_call><invoke name="get_weather"><parameter name="city">123</parameter></invoke></minimax:tool_call>']);
    expect(summarise(events).calls).toEqual([{ name: 'get_weather', arguments: { city: '123' } }]);
  });

  it('recovers the bracket, <tool_call> and fenced JSON formats, with repair', async () => {
    const reply = [
      'A\n[function_calls]\n[call:get_weather]{"city": "Oslo", "days": "2"}[/call]\n[/function_calls]\n',
      "B <tool_call>{'name': 'read_file', 'arguments': {path: 'x.txt',}}</tool_call> ",
      'C\n```json\n{"name": "get_weather", "arguments": "{\\"city\\": \\"Rome\\"}"}\n```\nend',
    ].join('');
    expect(summarise(await run([reply]))).toEqual({
      text: 'A\nB C\nend',
      calls: [
        { name: 'get_weather', arguments: { city: 'Oslo', days: 2 } },
        { name: 'read_file', arguments: { path: 'x.txt' } },
        { name: 'get_weather', arguments: { city: 'Rome' } },
      ],
      finish: { type: 'finish', reason: 'tool_calls' },
    });
  });

  it('recovers a bare <invoke> written without its wrapper', async () => {
    const reply = 'Reading.\n<invoke name="read_file">\n<parameter name="path">a.txt</parameter>\n</invoke>\nok';
    expect(summarise(await run([reply]))).toEqual({ text: 'Reading.\nok', calls: [{ name: 'read_file', arguments: { path: 'a.txt' } }], finish: { type: 'finish', reason: 'tool_calls' } });
  });

  it('leaves ordinary code blocks and JSON examples as text', async () => {
    const reply = 'Code:\n```python\nprint("<tool_call>")\n```\nJSON:\n```json\n{"a": 1}\n```\n';
    expect(summarise(await run([reply]))).toEqual({ text: reply, calls: [], finish: { type: 'finish', reason: 'stop' } });
  });

  it('turns unknown tools and schema-invalid arguments into text with a warning', async () => {
    const logger = recordingLogger();
    const bad = '<minimax:tool_call>\n<invoke name="delete_all">\n</invoke>\n</minimax:tool_call>';
    const invalid = '<tool_call>{"name": "get_weather", "arguments": {"days": 2}}</tool_call>';
    const events = await run([`x ${bad} y ${invalid}`], { logger });
    expect(summarise(events)).toEqual({ text: `x ${bad} y ${invalid}`, calls: [], finish: { type: 'finish', reason: 'stop' } });
    expect(logger.warnings).toHaveLength(2);
  });

  it('keeps the valid calls of a block and gives back only the invalid one as text', async () => {
    const reply = '<minimax:tool_call><invoke name="get_weather"><parameter name="city">A</parameter><parameter name="extra">1</parameter></invoke><invoke name="read_file"><parameter name="path">p</parameter></invoke></minimax:tool_call>';
    const result = summarise(await run([reply]));
    expect(result.calls).toEqual([{ name: 'read_file', arguments: { path: 'p' } }]);
    expect(result.text).toBe('<invoke name="get_weather"><parameter name="city">A</parameter><parameter name="extra">1</parameter></invoke>');
  });

  it('accepts complete calls of a block cut off at the end of the reply', async () => {
    const reply = 'ok <minimax:tool_call>\n<invoke name="read_file">\n<parameter name="path">p</parameter>\n</invoke>\n';
    expect(summarise(await run([reply])).calls).toEqual([{ name: 'read_file', arguments: { path: 'p' } }]);
  });

  it('streams text before a call at once, holding back only a possible marker start', async () => {
    let n = 0;
    const emulation = createToolEmulation({ logger: silentLogger, newCallId: () => `c${++n}` });
    const seen: CanonicalEvent[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* source(): AsyncGenerator<CanonicalEvent> {
      yield { type: 'text', text: 'Hello wor' };
      yield { type: 'text', text: 'ld <minimax:to' };
      await gate;
      yield { type: 'text', text: 'ol_call><invoke name="read_file"><parameter name="path">p</parameter></invoke></minimax:tool_call>' };
      yield { type: 'finish', reason: 'stop' };
    }
    const iterator = emulation.transform(source(), request);
    seen.push((await iterator.next()).value as CanonicalEvent);
    seen.push((await iterator.next()).value as CanonicalEvent);
    expect(seen).toEqual([{ type: 'text', text: 'Hello wor' }, { type: 'text', text: 'ld ' }]);
    release();
    for await (const event of iterator) seen.push(event);
    expect(summarise(seen).calls).toEqual([{ name: 'read_file', arguments: { path: 'p' } }]);
  });

  it('passes everything through when the request has no tools or tool choice none', async () => {
    const reply = '<tool_call>{"name": "read_file", "arguments": {"path": "p"}}</tool_call>';
    for (const req of [{ ...request, tools: [] }, { ...request, toolChoice: { type: 'none' as const } }]) {
      expect(summarise(await run([reply], { req }))).toEqual({ text: reply, calls: [], finish: { type: 'finish', reason: 'stop' } });
    }
  });

  it('never splits a surrogate pair across text events', async () => {
    const events = await run(['a\ud83d', '\ude00b']);
    for (const event of events) {
      if (event.type === 'text') expect(event.text).not.toMatch(/[\ud800-\udbff]$/);
    }
    expect(summarise(events).text).toBe('a😀b');
  });

  it('recovers a call whose value is a large file arriving in many small pieces', async () => {
    const content = 'line of the file\n'.repeat(12_000);
    const reply = `<minimax:tool_call><invoke name="read_file"><parameter name="path">big.txt</parameter><parameter name="opts">{"raw": ${JSON.stringify(content)}}</parameter></invoke></minimax:tool_call>`;
    const chunks = Array.from({ length: Math.ceil(reply.length / 97) }, (_, i) => reply.slice(i * 97, (i + 1) * 97));
    expect(summarise(await run(chunks)).calls).toEqual([{ name: 'read_file', arguments: { path: 'big.txt', opts: { raw: content } } }]);
  });

  it('yields the same calls and text for any split of a reply (property)', async () => {
    const replies = [
      native,
      'A\n[function_calls]\n[call:get_weather]{"city": "Oslo"}[/call]\n[/function_calls]\n tail',
      'x ```\n{"name": "read_file", "arguments": {"path": "é😀"}}\n``` y ```js\nlet a = 1;\n``` `z`',
      'plain <tool_call>{"name": "nope"}</tool_call> [not a call] <minimax:tool_call',
      'a <invoke name="read_file"><parameter name="path">p</parameter></invoke> b <invoke name="x"></invoke> <inv',
      'Call:\n```json\n{"name": "get_weather", "arguments": {"city": "Lyon", "days": "4"}}\n```\n```jsx\n<b/>\n``` end ```',
    ];
    for (const reply of replies) {
      const whole = summarise(await run([reply]));
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: reply.length - 1 }), { maxLength: 12 }), async (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), reply.length];
          const chunks = points.slice(1).map((end, i) => reply.slice(points[i], end));
          expect(summarise(await run(chunks))).toEqual(whole);
        }),
        { numRuns: 150 },
      );
    }
  });
});
