import { describe, expect, it } from 'vitest';
import type { CanonicalMessage } from '../../relay/canonical';
import { flattenConversation } from './flatten';

const text = (value: string) => [{ type: 'text' as const, text: value }];

describe('flattenConversation', () => {
  it('renders a single user turn with role prefix and assistant cue', () => {
    expect(flattenConversation([{ role: 'user', content: text('你好') }])).toBe('user:你好\nassistant:');
  });

  it('joins the leading system turns into one block and keeps a later one at its place', () => {
    const messages: CanonicalMessage[] = [
      { role: 'system', content: text('Be brief.') },
      { role: 'system', content: text('Be kind.') },
      { role: 'user', content: text('Hi') },
      { role: 'system', content: text('Answer in French.') },
      { role: 'assistant', content: text('Salut') },
      { role: 'user', content: text('Again') },
    ];
    expect(flattenConversation(messages)).toBe(
      'system:Be brief.\n\nBe kind.\nuser:Hi\nsystem:Answer in French.\nassistant:Salut\nuser:Again\nassistant:',
    );
  });

  it('keeps every content part: text joined, images and files noted', () => {
    const messages: CanonicalMessage[] = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look at' },
          { type: 'image', url: 'https://example.com/a.png' },
          { type: 'file', data: 'AAAA', name: 'report.pdf' },
          { type: 'text', text: 'please' },
        ],
      },
    ];
    expect(flattenConversation(messages)).toBe('user:Look at\n[image 1, attached]\n[file 2: report.pdf, attached]\nplease\nassistant:');
  });

  it('numbers the latest turn\'s attachments (tool results included) and names earlier ones as not sent again', () => {
    const messages: CanonicalMessage[] = [
      { role: 'user', content: [{ type: 'image', data: 'AAAA', mimeType: 'image/png' }, { type: 'text', text: 'What is this?' }] },
      { role: 'assistant', content: text('A cat.') },
      { role: 'tool', toolCallId: 'call_1', toolName: 'read', content: [{ type: 'image', data: 'BBBB', name: 'shot.png' }] },
      { role: 'user', content: [{ type: 'file', data: 'CCCC', name: 'a.pdf' }, { type: 'text', text: 'And these?' }] },
    ];
    expect(flattenConversation(messages)).toBe(
      [
        'user:[image from an earlier message, not attached again]\nWhat is this?',
        'assistant:A cat.',
        'tool:<tool_result id="call_1" name="read">\n[image 1: shot.png, attached]\n</tool_result>',
        'user:[file 2: a.pdf, attached]\nAnd these?',
        'assistant:',
      ].join('\n'),
    );
  });

  it('writes earlier tool calls in the native syntax and ties results to their call', () => {
    const messages: CanonicalMessage[] = [
      { role: 'user', content: text('Weather in Seattle?') },
      {
        role: 'assistant',
        content: text('Let me check.'),
        toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Seattle', days: 2, metric: true } }],
      },
      { role: 'tool', content: text('{"temp":12}'), toolCallId: 'call_1', toolName: 'get_weather' },
      { role: 'tool', content: text('boom'), toolCallId: 'call_2', toolName: 'x"y', isError: true },
    ];
    expect(flattenConversation(messages)).toBe(
      [
        'user:Weather in Seattle?',
        'assistant:Let me check.',
        '<minimax:tool_call>',
        '<invoke name="get_weather">',
        '<parameter name="city">Seattle</parameter>',
        '<parameter name="days">2</parameter>',
        '<parameter name="metric">true</parameter>',
        '</invoke>',
        '</minimax:tool_call>',
        'tool:<tool_result id="call_1" name="get_weather">',
        '{"temp":12}',
        '</tool_result>',
        'tool:<tool_result id="call_2" name="x&quot;y" error="true">',
        'boom',
        '</tool_result>',
        'assistant:',
      ].join('\n'),
    );
  });

  it('renders an assistant turn made only of calls without an empty text line', () => {
    const out = flattenConversation([
      { role: 'assistant', content: [], toolCalls: [{ id: 'a', name: 'f', arguments: { q: { deep: [1] } } }] },
    ]);
    expect(out).toBe(
      'assistant:<minimax:tool_call>\n<invoke name="f">\n<parameter name="q">{"deep":[1]}</parameter>\n</invoke>\n</minimax:tool_call>\nassistant:',
    );
  });
});
