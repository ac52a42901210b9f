import { describe, expect, it } from 'vitest';
import { RelayError } from '../../../../shared/errors';
import { toCanonical, toCanonicalForCount } from './to-canonical';

const base = { model: 'claude-sonnet-4-5', max_tokens: 1024 };

function errorOf(fn: () => unknown): RelayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RelayError) return error;
  }
  throw new Error('expected a RelayError');
}

describe('anthropic toCanonical', () => {
  it('converts system blocks, tools, tool choice, thinking, stop sequences and limits', () => {
    const req = toCanonical(
      {
        ...base,
        system: [{ type: 'text', text: 'You are Claude Code.', cache_control: { type: 'ephemeral' } }, { type: 'text', text: 'Be terse.' }],
        messages: [{ role: 'user', content: 'hi' }],
        tools: [{ name: 'Read', description: 'Reads a file', input_schema: { type: 'object', properties: { file_path: { type: 'string' } } } }, { type: 'web_search_20250305', name: 'web_search' }],
        tool_choice: { type: 'any' },
        thinking: { type: 'enabled', budget_tokens: 2048 },
        stop_sequences: ['END'],
        temperature: 0.3,
        top_k: 5,
        metadata: { user_id: 'u1' },
        stream: true,
      },
      'id1',
    );
    expect(req).toMatchObject({
      id: 'id1',
      dialect: 'anthropic',
      model: 'claude-sonnet-4-5',
      stream: true,
      maxTokens: 1024,
      stopSequences: ['END'],
      temperature: 0.3,
      toolChoice: { type: 'required' },
      thinking: true,
      webSearch: true,
      tools: [{ name: 'Read', description: 'Reads a file', parameters: { type: 'object', properties: { file_path: { type: 'string' } } } }],
    });
    expect(req.messages[0]).toEqual({ role: 'system', content: [{ type: 'text', text: 'You are Claude Code.' }, { type: 'text', text: 'Be terse.' }] });
  });

  it('turns tool_use and tool_result blocks into calls and tool turns, dropping earlier thinking', () => {
    const req = toCanonical(
      {
        ...base,
        thinking: { type: 'disabled' },
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'read a' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }] },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'hmm', signature: 'sig' },
              { type: 'text', text: 'Reading.' },
              { type: 'tool_use', id: 'toolu_1', name: 'Read', input: { file_path: 'a' } },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'contents' }], is_error: true },
              { type: 'text', text: 'and now?' },
            ],
          },
        ],
      },
      'id2',
    );
    expect(req.thinking).toBe(false);
    expect(req.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'read a' }, { type: 'image', data: 'AAAA', mimeType: 'image/png', param: 'messages.0.content.1', source: 'base64' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Reading.' }], toolCalls: [{ id: 'toolu_1', name: 'Read', arguments: { file_path: 'a' } }] },
      { role: 'tool', content: [{ type: 'text', text: 'contents' }], toolCallId: 'toolu_1', toolName: 'Read', isError: true },
      { role: 'user', content: [{ type: 'text', text: 'and now?' }] },
    ]);
  });

  it('maps tool_choice tool and none', () => {
    const msgs = [{ role: 'user', content: 'x' }];
    expect(toCanonical({ ...base, messages: msgs, tool_choice: { type: 'tool', name: 'Read' } }, 'i').toolChoice).toEqual({ type: 'tool', name: 'Read' });
    expect(toCanonical({ ...base, messages: msgs, tool_choice: { type: 'none' } }, 'i').toolChoice).toEqual({ type: 'none' });
  });

  it('rejects bad input as invalid_request naming the field', () => {
    const missing = errorOf(() => toCanonical({ model: 'm', messages: [] }, 'i'));
    expect(missing.code).toBe('invalid_request');
    expect(missing.detail?.param).toBe('max_tokens');
    const badBlock = errorOf(() => toCanonical({ ...base, messages: [{ role: 'user', content: [{ type: 'text', text: 5 }] }] }, 'i'));
    expect(badBlock.detail?.param).toBe('messages.0.content.0.text');
    expect(badBlock.message).toContain('messages.0.content.0.text');
    const badRole = errorOf(() => toCanonical({ ...base, messages: [{ role: 'robot', content: 'x' }] }, 'i'));
    expect(badRole.detail?.param).toBe('messages.0.role');
    const badInput = errorOf(() => toCanonical({ ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'n', input: [1] }] }] }, 'i'));
    expect(badInput.detail?.param).toBe('messages.0.content.0.input');
    expect(errorOf(() => toCanonical('nope', 'i')).code).toBe('invalid_request');
  });

  it('accepts count_tokens bodies without max_tokens', () => {
    expect(toCanonicalForCount({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, 'i').maxTokens).toBeUndefined();
  });

  it('folds a mid-conversation system turn in at its place (string or blocks)', () => {
    const req = toCanonical(
      {
        ...base,
        system: 'Top.',
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'system', content: 'Agents available: Explore.' },
          { role: 'assistant', content: 'hello' },
          { role: 'system', content: [{ type: 'text', text: 'Reminder.', cache_control: { type: 'ephemeral' } }] },
          { role: 'user', content: 'go' },
        ],
      },
      'id',
    );
    expect(req.messages.map((m) => [m.role, m.content])).toEqual([
      ['system', [{ type: 'text', text: 'Top.' }]],
      ['user', [{ type: 'text', text: 'hi' }]],
      ['system', [{ type: 'text', text: 'Agents available: Explore.' }]],
      ['assistant', [{ type: 'text', text: 'hello' }]],
      ['system', [{ type: 'text', text: 'Reminder.' }]],
      ['user', [{ type: 'text', text: 'go' }]],
    ]);
  });

  it('maps thinking adaptive and enabled to reasoning, disabled to off, absent to the model default', () => {
    const thinkingOf = (thinking: unknown) => toCanonical({ ...base, messages: [{ role: 'user', content: 'x' }], ...(thinking ? { thinking } : {}) }, 'id').thinking;
    expect(thinkingOf({ type: 'adaptive' })).toBe(true);
    expect(thinkingOf({ type: 'enabled', budget_tokens: 1024 })).toBe(true);
    expect(thinkingOf({ type: 'disabled' })).toBe(false);
    expect(thinkingOf(null)).toBeUndefined();
  });

  it('accepts fields and block types it does not use, as Anthropic does', () => {
    const req = toCanonical(
      {
        ...base,
        context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
        output_config: { effort: 'high' },
        service_tier: 'auto',
        messages: [
          { role: 'user', content: [{ type: 'search_result', source: 'x', title: 't', content: [] }, { type: 'text', text: 'q' }] },
          { role: 'assistant', content: [{ type: 'mcp_tool_use', id: 'm1', name: 'x', server_name: 's', input: {} }, { type: 'text', text: 'a' }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: [{ type: 'tool_reference', tool_name: 'Read' }, { type: 'text', text: 'r' }] }] },
        ],
      },
      'id',
    );
    expect(req.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(req.messages[2]?.content).toEqual([{ type: 'text', text: 'r' }]);
  });

  it('words a refusal as Anthropic does: the field by dotted path', () => {
    expect(errorOf(() => toCanonical({ model: 'm', messages: [] }, 'id')).message).toBe('max_tokens: Field required');
    expect(errorOf(() => toCanonical({ ...base, messages: [{ role: 'user', content: [{ type: 'text' }] }] }, 'id')).message).toMatch(/^messages\.0\.content\.0\.text: /);
    expect(errorOf(() => toCanonical({ ...base, messages: [{ role: 'robot', content: 'x' }] }, 'id')).message).toMatch(/^messages\.0\.role: /);
  });

  it('takes document and image sources it cannot fetch (Files API ids, content blocks) instead of refusing them', () => {
    const req = toCanonical(
      {
        ...base,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'document', source: { type: 'file', file_id: 'file_011' }, title: 'spec.pdf' },
              { type: 'image', source: { type: 'file', file_id: 'file_012' } },
              { type: 'document', source: { type: 'content', content: [{ type: 'text', text: 'Clause 1.' }, { type: 'text', text: 'Clause 2.' }] } },
            ],
          },
        ],
      },
      'id',
    );
    expect(req.messages[0]?.content).toEqual([
      { type: 'file', name: 'spec.pdf' },
      { type: 'file', name: 'image (file source)' },
      { type: 'text', text: 'Clause 1.\nClause 2.' },
    ]);
  });
});
