import { describe, expect, it } from 'vitest';
import { RelayError } from '../../shared/errors';
import type { CanonicalMessage } from '../relay/canonical';
import { createAttachmentResolver } from './resolve';
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES } from './__test__/test-files';
import type { AttachmentLimits } from './types';

const limits: AttachmentLimits = { maxCount: 3, maxBytes: 1000, maxTotalBytes: 2000, fetchTimeoutMs: 5_000, allowPrivateAddresses: false };
const resolver = createAttachmentResolver();
const b64 = (bytes: Buffer): string => bytes.toString('base64');

async function refusal(messages: CanonicalMessage[], custom: Partial<AttachmentLimits> = {}): Promise<RelayError> {
  const error = await resolver.resolve(messages, { ...limits, ...custom }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RelayError);
  return error as RelayError;
}

describe('attachment resolver', () => {
  it('decodes the latest turn\'s images and files, sniffs their type and names them', async () => {
    const messages: CanonicalMessage[] = [
      { role: 'user', content: [{ type: 'image', data: 'old', mimeType: 'image/png', param: 'messages[0].content[0]' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'ok' }] },
      {
        role: 'user',
        content: [
          { type: 'image', data: b64(JPEG_BYTES), mimeType: 'image/png', param: 'messages[2].content[0]', source: 'data-url' },
          { type: 'file', data: b64(PDF_BYTES), mimeType: 'application/pdf', name: 'report.pdf', param: 'messages[2].content[1]', source: 'base64' },
        ],
      },
    ];
    const resolved = await resolver.resolve(messages, limits);
    expect(resolved.map(({ bytes: _bytes, sha256: _sha, ...rest }) => rest)).toEqual([
      { kind: 'image', param: 'messages[2].content[0]', source: 'data-url', mimeType: 'image/jpeg', name: 'image-1.jpg' },
      { kind: 'file', param: 'messages[2].content[1]', source: 'base64', mimeType: 'application/pdf', name: 'report.pdf' },
    ]);
    expect(resolved[0]?.bytes.equals(JPEG_BYTES)).toBe(true);
    expect(resolved[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a part of the wrong type, naming it', async () => {
    const error = await refusal([{ role: 'user', content: [{ type: 'image', data: b64(Buffer.from('<svg/>')), mimeType: 'image/png', param: 'messages[0].content[1]' }] }]);
    expect(error.code).toBe('invalid_request');
    expect(error.detail).toMatchObject({ param: 'messages[0].content[1]', reason: 'unsupported_type' });
    expect(error.message).toContain("'messages[0].content[1]' is not a supported image");
  });

  it('refuses oversize parts before decoding, an oversize total, and too many parts', async () => {
    const big = { type: 'image' as const, data: b64(Buffer.concat([PNG_BYTES, Buffer.alloc(1200)])), param: 'contents[0].parts[0]' };
    expect((await refusal([{ role: 'user', content: [big] }])).detail).toMatchObject({ param: 'contents[0].parts[0]', reason: 'too_large' });
    const png = (i: number) => ({ type: 'image' as const, data: b64(Buffer.concat([PNG_BYTES, Buffer.alloc(700)])), param: `p${i}` });
    expect((await refusal([{ role: 'user', content: [png(0), png(1), png(2)] }], { maxTotalBytes: 1500 })).detail).toMatchObject({ param: 'p2', reason: 'too_large' });
    expect((await refusal([{ role: 'user', content: [png(0), png(1), png(2), png(3)] }])).detail).toMatchObject({ param: 'p3', reason: 'too_many' });
  });

  it('refuses data that is not base64, and remote URLs on private addresses', async () => {
    expect((await refusal([{ role: 'user', content: [{ type: 'image', data: '%%%', param: 'x' }] }])).detail).toMatchObject({ reason: 'bad_data' });
    const error = await refusal([{ role: 'tool', content: [{ type: 'image', url: 'http://169.254.169.254/latest/meta-data', param: 'messages.1.content.0.content.0' }] }]);
    expect(error.detail).toMatchObject({ param: 'messages.1.content.0.content.0', reason: 'blocked_address' });
    expect(error.message).toContain('169.254.169.254 (linkLocal)');
  });
});
