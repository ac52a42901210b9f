import { describe, expect, it } from 'vitest';
import { canonicalizedOssHeaders, contentMd5, ossAuthorization, ossStringToSign } from './oss-signature';

// The worked example of Aliyun's V1 signature documentation (AccessKeyId 44CF9590006BF252F707).
const DOC_EXAMPLE = {
  verb: 'PUT',
  contentMd5: 'ODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=',
  contentType: 'text/html',
  date: 'Thu, 17 Nov 2005 18:49:58 GMT',
  headers: { 'X-OSS-Meta-Author': 'foo@bar.com', 'X-OSS-Magic': 'abracadabra', Host: 'oss-example.oss-cn-hangzhou.aliyuncs.com', 'Content-Type': 'text/html' },
  resource: '/oss-example/nelson',
};

describe('OSS V1 header signature', () => {
  it('builds the documented string to sign', () => {
    expect(ossStringToSign(DOC_EXAMPLE)).toBe(
      'PUT\nODBGOERFMDMzQTczRUY3NUE3NzA5QzdFNUYzMDQxNEM=\ntext/html\nThu, 17 Nov 2005 18:49:58 GMT\nx-oss-magic:abracadabra\nx-oss-meta-author:foo@bar.com\n/oss-example/nelson',
    );
  });

  it('gives the documented Authorization header', () => {
    expect(ossAuthorization('44CF9590006BF252F707', 'OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV', DOC_EXAMPLE)).toBe(
      'OSS 44CF9590006BF252F707:26NBxoKdsyly4EDv6inkoDft/yA=',
    );
  });

  it('signs the STS security token with the other x-oss headers, sorted and trimmed', () => {
    expect(canonicalizedOssHeaders({ 'x-oss-security-token': ' CAIS123 ', 'X-OSS-Date': 'x', Accept: 'y', 'x-oss-a': '1' })).toBe(
      'x-oss-a:1\nx-oss-date:x\nx-oss-security-token:CAIS123\n',
    );
    const withToken = { ...DOC_EXAMPLE, headers: { ...DOC_EXAMPLE.headers, 'x-oss-security-token': 'CAIS123' } };
    expect(ossAuthorization('44CF9590006BF252F707', 'OtxrzxIsfpFjA7SwPzILwy8Bw21TLhquhboDYROV', withToken)).not.toBe(
      'OSS 44CF9590006BF252F707:26NBxoKdsyly4EDv6inkoDft/yA=',
    );
  });

  it('computes Content-MD5 as the documented base64 of the binary digest', () => {
    // Aliyun's Content-MD5 example: the body "0123456789".
    expect(contentMd5(Buffer.from('0123456789'))).toBe('eB5eJF1ptWaXm4bijSPyxw==');
  });
});
