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
    const badRole = errorOf(() => toCanonical({ ...base, messages: [{ role: 'system', content: 'x' }] }, 'i'));
    expect(badRole.detail?.param).toBe('messages.0.role');
    const badInput = errorOf(() => toCanonical({ ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'n', input: [1] }] }] }, 'i'));
    expect(badInput.detail?.param).toBe('messages.0.content.0.input');
    expect(errorOf(() => toCanonical('nope', 'i')).code).toBe('invalid_request');
  });

  it('accepts count_tokens bodies without max_tokens', () => {
    expect(toCanonicalForCount({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, 'i').maxTokens).toBeUndefined();
  });
});
