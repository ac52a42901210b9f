import { describe, expect, it } from 'vitest';
import { decodeBase64, decodedLength, parseDataUrl } from './decode';

describe('inline data', () => {
  it('splits base64 data URLs, parameters included', () => {
    expect(parseDataUrl('data:image/png;base64,AAAA')).toEqual({ base64: 'AAAA', mimeType: 'image/png' });
    expect(parseDataUrl('data:text/plain;charset=utf-8;base64,aGk=')).toEqual({ base64: 'aGk=', mimeType: 'text/plain' });
    expect(parseDataUrl('data:;base64,aGk=')).toEqual({ base64: 'aGk=' });
    expect(parseDataUrl('data:text/plain,hi')).toBeNull();
    expect(parseDataUrl('https://x.test/a.png')).toBeNull();
  });

  it('knows the decoded size before decoding', () => {
    const bytes = Buffer.from('0123456789');
    expect(decodedLength(bytes.toString('base64'))).toBe(10);
    expect(decodedLength('AAAA\nAAAA')).toBe(6);
  });

  it('decodes standard and URL-safe base64 and refuses anything else', () => {
    expect(decodeBase64('aGk=')?.toString()).toBe('hi');
    expect(decodeBase64('-_8')?.equals(Buffer.from([0xfb, 0xff]))).toBe(true);
    expect(decodeBase64('not base64!')).toBeNull();
    expect(decodeBase64('')).toBeNull();
  });
});
