import { describe, expect, it } from 'vitest';
import { BUNDLE_SECRET, checkSignature, computeXSignature, computeYy, md5Hex, signatureRejection } from './signature';
import { buildQuery } from './test-client';
import type { SimAccount } from './types';

// Test vectors of protocol doc §2.7.4 (C2A 21-key query order).
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjp7ImlkIjoiNDUwMjM0NTY3ODk0In19.c2ln';
const account: SimAccount = {
  realUserId: '450234567894', token: JWT, credential: `450234567894+${JWT}`, deviceId: '345678901234567', name: 'v', email: 'v@example.com',
};
const UNIX = 1767225600000;
const TS = '1767225600';
const query = buildQuery(account, UNIX);
const detailTarget = `/matrix/api/v1/chat/get_chat_detail?${query}`;
const detailBody = '{"chat_id":337867554939466}';

describe('signature vectors (§2.7.4)', () => {
  it('hashes the unix parameter', () => {
    expect(md5Hex('1767225600000')).toBe('3c07bf0ecf51da6caed1baffee88df16');
  });

  it('reproduces get_chat_detail yy and both x-signature variants', () => {
    expect(computeYy(detailTarget, detailBody, String(UNIX))).toBe('f65109b397259b9d79c416551a7673d2');
    expect(computeXSignature(TS, JWT, detailBody)).toBe('acc40751428d5127a441e27be611f099');
    expect(computeXSignature(TS, BUNDLE_SECRET, detailBody)).toBe('5685521d4c211c1fd5d57eb01c750e74');
  });

  it('reproduces GET user/info with the {} body', () => {
    expect(computeYy(`/v1/api/user/info?${query}`, '{}', String(UNIX))).toBe('d8c33ed8cb99b2b166f5cdfff995aab8');
    expect(computeXSignature(TS, JWT, '{}')).toBe('16f4127ff88713696975966fc255fa23');
  });

  it('reproduces send_msg with a non-ASCII body', () => {
    const body = JSON.stringify({ msg_type: 1, text: 'user:你好\n', chat_type: 1, attachments: [], selected_mcp_tools: [], backend_config: {}, sub_agent_ids: [] });
    expect(computeYy(`/matrix/api/v1/chat/send_msg?${query}`, body, String(UNIX))).toBe('be7d5c9e99449594e105e8ae6f9baf42');
    expect(computeXSignature(TS, JWT, body)).toBe('9997881478867e08fa6aeaae5be2c835');
  });
});

describe('checkSignature', () => {
  const base = {
    target: detailTarget, rawBody: detailBody, unix: String(UNIX), yy: 'f65109b397259b9d79c416551a7673d2',
    xSignature: '5685521d4c211c1fd5d57eb01c750e74', xTimestamp: TS, token: JWT,
  };

  it('classifies the vectors as valid', () => {
    expect(checkSignature(base, UNIX)).toEqual({ yyValid: true, xSignature: 'secret', timestampFresh: true });
    expect(checkSignature({ ...base, xSignature: 'acc40751428d5127a441e27be611f099' }, UNIX).xSignature).toBe('token');
  });

  it('detects a changed body, a missing unix and a missing or wrong x-signature', () => {
    expect(checkSignature({ ...base, rawBody: '{"chat_id":1}' }, UNIX)).toMatchObject({ yyValid: false, xSignature: 'invalid' });
    expect(checkSignature({ ...base, unix: undefined }, UNIX).yyValid).toBe(false);
    expect(checkSignature({ ...base, xSignature: undefined }, UNIX).xSignature).toBe('missing');
  });

  it('checks x-timestamp freshness within 300 s', () => {
    expect(checkSignature(base, UNIX + 299_000).timestampFresh).toBe(true);
    expect(checkSignature(base, UNIX + 301_000).timestampFresh).toBe(false);
  });

  it('rejects per mode', () => {
    const good = { yyValid: true, xSignature: 'token' as const, timestampFresh: true };
    expect(signatureRejection({ ...good, yyValid: false }, 'off')).toBeNull();
    expect(signatureRejection({ ...good, yyValid: false }, 'lenient')).toMatch(/yy/);
    expect(signatureRejection({ ...good, xSignature: 'invalid' }, 'lenient')).toMatch(/x-signature/);
    expect(signatureRejection({ ...good, xSignature: 'missing', timestampFresh: false }, 'lenient')).toBeNull();
    expect(signatureRejection({ ...good, xSignature: 'missing' }, 'strict')).toMatch(/x-signature/);
    expect(signatureRejection({ ...good, timestampFresh: false }, 'strict')).toMatch(/x-timestamp/);
    expect(signatureRejection(good, 'strict')).toBeNull();
  });
});
