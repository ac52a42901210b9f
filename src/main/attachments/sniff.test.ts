import { describe, expect, it } from 'vitest';
import { checkAttachmentType, sniffMimeType } from './sniff';
import { EXE_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES } from './__test__/test-files';

describe('sniffMimeType', () => {
  it('recognises formats by their signature, not by a name or declared type', () => {
    expect(sniffMimeType(PNG_BYTES)).toBe('image/png');
    expect(sniffMimeType(JPEG_BYTES)).toBe('image/jpeg');
    expect(sniffMimeType(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniffMimeType(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffMimeType(PDF_BYTES)).toBe('application/pdf');
    expect(sniffMimeType(Buffer.from('hello'))).toBeNull();
    expect(sniffMimeType(EXE_BYTES)).toBeNull();
  });
});

describe('checkAttachmentType', () => {
  it('takes the sniffed type over a wrong declaration', () => {
    expect(checkAttachmentType('image', 'image/png', JPEG_BYTES)).toEqual({ ok: true, mimeType: 'image/jpeg', kind: 'image' });
  });

  it('refuses an "image" that is not one', () => {
    expect(checkAttachmentType('image', 'image/png', Buffer.from('<html>nope</html>'))).toMatchObject({ ok: false, reason: expect.stringContaining('not a supported image') });
    expect(checkAttachmentType('image', 'image/png', PDF_BYTES)).toMatchObject({ ok: false });
  });

  it('accepts PDFs, text and images as files, and refuses executables and bare archives', () => {
    expect(checkAttachmentType('file', 'application/pdf', PDF_BYTES)).toEqual({ ok: true, mimeType: 'application/pdf', kind: 'file' });
    expect(checkAttachmentType('file', 'text/markdown', Buffer.from('# notes\n'))).toEqual({ ok: true, mimeType: 'text/markdown', kind: 'file' });
    expect(checkAttachmentType('file', undefined, PNG_BYTES)).toEqual({ ok: true, mimeType: 'image/png', kind: 'image' });
    expect(checkAttachmentType('file', 'application/octet-stream', EXE_BYTES)).toMatchObject({ ok: false });
    expect(checkAttachmentType('file', 'text/plain', EXE_BYTES)).toMatchObject({ ok: false });
    expect(checkAttachmentType('file', 'application/zip', Buffer.from('PK\u0003\u0004rest'))).toMatchObject({ ok: true });
    expect(checkAttachmentType('file', 'application/pdf', Buffer.from('PK\u0003\u0004rest'))).toMatchObject({ ok: false, reason: expect.stringContaining('archive') });
  });
});
