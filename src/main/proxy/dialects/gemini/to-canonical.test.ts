import { describe, expect, it } from 'vitest';
import { RelayError } from '../../../../shared/errors';
import { toCanonical, toCanonicalForCount } from './to-canonical';

function errorOf(fn: () => unknown): RelayError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RelayError) return error;
  }
  throw new Error('expected a RelayError');
}

describe('gemini toCanonical', () => {
  it('converts system instruction, declarations, tool config and generation config', () => {
    const req = toCanonical(
      {
        systemInstruction: { parts: [{ text: 'You are gemini-cli.' }] },
        contents: [{ role: 'user', parts: [{ text: 'list files' }, { inlineData: { mimeType: 'image/png', data: 'AAAA' } }, { fileData: { mimeType: 'application/pdf', fileUri: 'https://x/a.pdf' } }] }],
        tools: [
          { functionDeclarations: [{ name: 'ls', description: 'List', parameters: { type: 'OBJECT', properties: { dir: { type: 'STRING' } } } }, { name: 'read', parametersJsonSchema: { type: 'object', properties: { p: { type: 'string' } } } }] },
          { googleSearch: {} },
        ],
        toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['ls'] } },
        generationConfig: { maxOutputTokens: 100, stopSequences: ['X'], temperature: 0.5, thinkingConfig: { thinkingBudget: -1, includeThoughts: true } },
      },
      'gemini-2.5-pro',
      'id1',
      true,
    );
    expect(req).toMatchObject({
      dialect: 'gemini',
      model: 'gemini-2.5-pro',
      stream: true,
      maxTokens: 100,
      stopSequences: ['X'],
      temperature: 0.5,
      thinking: true,
      includeThoughts: true,
      webSearch: true,
      toolChoice: { type: 'tool', name: 'ls' },
      tools: [{ name: 'ls', description: 'List', parameters: { type: 'object', properties: { dir: { type: 'string' } } } }],
    });
    expect(req.messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'You are gemini-cli.' }] },
      { role: 'user', content: [{ type: 'text', text: 'list files' }, { type: 'image', data: 'AAAA', mimeType: 'image/png', param: 'contents[0].parts[1]', source: 'base64' }, { type: 'file', url: 'https://x/a.pdf', mimeType: 'application/pdf', param: 'contents[0].parts[2]', source: 'url' }] },
    ]);
  });

  it('ties function responses to calls, making up ids when they are missing, and drops thoughts', () => {
    const req = toCanonical(
      {
        contents: [
          { role: 'user', parts: [{ text: 'go' }] },
          { role: 'model', parts: [{ text: 'plan', thought: true }, { functionCall: { name: 'ls', args: { dir: '/' } } }, { functionCall: { id: 'c9', name: 'read', args: {} } }] },
          { role: 'user', parts: [{ functionResponse: { name: 'ls', response: { output: 'a b' } } }, { functionResponse: { id: 'c9', name: 'read', response: { error: 'nope' } } }] },
        ],
        generationConfig: { thinkingConfig: { thinkingBudget: 0 } },
      },
      'm',
      'id2',
      false,
    );
    expect(req.thinking).toBe(false);
    const callId = req.messages[1]?.toolCalls?.[0]?.id;
    expect(callId).toBeTruthy();
    expect(req.messages.slice(1)).toEqual([
      { role: 'assistant', content: [], toolCalls: [{ id: callId, name: 'ls', arguments: { dir: '/' } }, { id: 'c9', name: 'read', arguments: {} }] },
      { role: 'tool', content: [{ type: 'text', text: '{"output":"a b"}' }], toolCallId: callId, toolName: 'ls' },
      { role: 'tool', content: [{ type: 'text', text: '{"error":"nope"}' }], toolCallId: 'c9', toolName: 'read', isError: true },
    ]);
  });

  it('maps function calling modes', () => {
    const mode = (m: string): unknown => toCanonical({ contents: [], tools: [{ functionDeclarations: [{ name: 'a' }] }], toolConfig: { functionCallingConfig: { mode: m } } }, 'm', 'i', false).toolChoice;
    expect(mode('AUTO')).toEqual({ type: 'auto' });
    expect(mode('ANY')).toEqual({ type: 'required' });
    expect(mode('NONE')).toEqual({ type: 'none' });
  });

  it('rejects bad input as invalid_request naming the field', () => {
    const missing = errorOf(() => toCanonical({}, 'm', 'i', false));
    expect(missing.code).toBe('invalid_request');
    expect(missing.detail?.param).toBe('contents');
    const badPart = errorOf(() => toCanonical({ contents: [{ role: 'user', parts: [{ text: 3 }] }] }, 'm', 'i', false));
    expect(badPart.detail?.param).toBe('contents[0].parts[0].text');
    const badRole = errorOf(() => toCanonical({ contents: [{ role: 'system', parts: [] }] }, 'm', 'i', false));
    expect(badRole.message).toContain("'contents[0].role'");
  });

  it('counts from contents or a whole generateContentRequest', () => {
    expect(toCanonicalForCount({ contents: [{ parts: [{ text: 'hi' }] }] }, 'm', 'i').messages).toHaveLength(1);
    expect(toCanonicalForCount({ generateContentRequest: { contents: [{ parts: [{ text: 'hi' }] }], systemInstruction: 'sys' } }, 'm', 'i').messages).toHaveLength(2);
  });
});
