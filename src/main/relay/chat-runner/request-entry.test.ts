import { describe, expect, it } from 'vitest';
import { newRequestEntry } from './request-entry';

describe('newRequestEntry', () => {
  it('logs the request body without the bytes of its images and files', () => {
    const entry = newRequestEntry(
      {
        id: 'r1',
        dialect: 'openai',
        model: 'm',
        stream: false,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image', data: 'QUJD'.repeat(100), mimeType: 'image/png' }] }],
        tools: [{ name: 'save', parameters: { type: 'object', properties: { data: { type: 'string' } } } }],
      },
      '/v1/chat/completions',
      0,
      true,
    );
    expect(entry.requestBody).toContain('"data":"[400 base64 characters omitted]"');
    expect(entry.requestBody).not.toContain('QUJD');
    expect(entry.requestBody).toContain('"data":{"type":"string"}');
  });
});
