import { describe, expect, it } from 'vitest';
import { STATIC_QUERY } from './protocol';
import { buildQueryString, computeXSignature, computeYy, joinUri, md5, timestampsFrom } from './signing';

// Inputs of the protocol reference's §2.7.4 test vectors.
const REAL_USER_ID = '450234567894';
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjp7ImlkIjoiNDUwMjM0NTY3ODk0In19.c2ln';
const DEVICE_ID = '345678901234567';
const UNIX = '1767225600000';
const X_TIMESTAMP = '1767225600';

const query = buildQueryString({
  ...STATIC_QUERY,
  uuid: REAL_USER_ID,
  device_id: DEVICE_ID,
  user_id: REAL_USER_ID,
  unix: UNIX,
  token: JWT,
});

describe('signing (§2.7.4 vectors)', () => {
  it('md5 of the unix milliseconds', () => {
    expect(md5(UNIX)).toBe('3c07bf0ecf51da6caed1baffee88df16');
  });

  it('builds the 21-key block raw, in order', () => {
    expect(query).toBe(
      'device_platform=web&biz_id=3&app_id=3001&version_code=22201&uuid=450234567894&device_id=345678901234567' +
        '&os_name=Mac&browser_name=chrome&device_memory=8&cpu_core_num=11&browser_language=zh-CN' +
        '&browser_platform=MacIntel&user_id=450234567894&screen_width=1920&screen_height=1080' +
        `&unix=${UNIX}&lang=zh&token=${JWT}&timezone_offset=28800&sys_language=zh&client=web`,
    );
  });

  it('get_chat_detail: yy and both x-signature variants', () => {
    const body = '{"chat_id":337867554939466}';
    const fullUri = joinUri('/matrix/api/v1/chat/get_chat_detail', query);
    expect(computeYy({ fullUri, body, unix: UNIX })).toBe('f65109b397259b9d79c416551a7673d2');
    expect(computeXSignature({ variant: 'token', timestamp: X_TIMESTAMP, token: JWT, body })).toBe(
      'acc40751428d5127a441e27be611f099',
    );
    expect(computeXSignature({ variant: 'secret', timestamp: X_TIMESTAMP, token: JWT, body })).toBe(
      '5685521d4c211c1fd5d57eb01c750e74',
    );
  });

  it('GET user/info signs the body {}', () => {
    const fullUri = joinUri('/v1/api/user/info', query);
    expect(computeYy({ fullUri, body: '{}', unix: UNIX })).toBe('d8c33ed8cb99b2b166f5cdfff995aab8');
    expect(computeXSignature({ variant: 'token', timestamp: X_TIMESTAMP, token: JWT, body: '{}' })).toBe(
      '16f4127ff88713696975966fc255fa23',
    );
  });

  it('send_msg with non-ASCII text signs the compact JSON as sent', () => {
    const body = JSON.stringify({
      msg_type: 1,
      text: 'user:你好\n',
      chat_type: 1,
      attachments: [],
      selected_mcp_tools: [],
      backend_config: {},
      sub_agent_ids: [],
    });
    const fullUri = joinUri('/matrix/api/v1/chat/send_msg', query);
    expect(computeYy({ fullUri, body, unix: UNIX })).toBe('be7d5c9e99449594e105e8ae6f9baf42');
    expect(computeXSignature({ variant: 'token', timestamp: X_TIMESTAMP, token: JWT, body })).toBe(
      '9997881478867e08fa6aeaae5be2c835',
    );
  });

  it('emits null literally, drops undefined, and appends to a path that has a query', () => {
    expect(buildQueryString({ uuid: 'u', device_id: null, user_id: undefined })).toBe('uuid=u&device_id=null');
    expect(joinUri('/a?x=1', 'y=2')).toBe('/a?x=1&y=2');
  });

  it('takes both timestamps from one reading', () => {
    expect(timestampsFrom(1767225600999)).toEqual({ unix: '1767225600999', xTimestamp: '1767225600' });
  });
});
