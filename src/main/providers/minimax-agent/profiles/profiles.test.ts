import { describe, expect, it } from 'vitest';
import type { ProviderAccount } from '../../types';
import { buildSendBody, toSendKnobs } from '../knobs';
import { PATHS } from '../protocol';
import { buildRequest, type CallIdentity } from '../request';
import { ATTACHMENT_SHAPES, type UploadedFile } from '../upload/attachment-shape';
import { DEFAULT_PROFILE, REQUEST_PROFILES, findProfile } from './index';
import { signed202604 } from './signed-2026-04';
import { webCookie202605 } from './web-cookie-2026-05';

// Inputs of the protocol reference's §2.7.4 test vectors.
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjp7ImlkIjoiNDUwMjM0NTY3ODk0In19.c2ln';
const COOKIES = 'mm_sessionid=abc; cf_clearance=def';
const ACCOUNT: ProviderAccount = {
  id: 'a1', label: 'a', region: 'cn', baseUrl: 'https://agent.minimaxi.com',
  credential: { kind: 'minimax-agent', token: JWT, realUserId: '450234567894', cookies: COOKIES },
};
const identity: CallIdentity = {
  account: ACCOUNT, baseUrl: 'https://agent.minimaxi.com', token: JWT, realUserId: '450234567894', deviceId: '345678901234567', cookies: COOKIES,
};
const NOW = 1_767_225_600_000;
const PLAIN = { thinking: false, webSearch: false };

function queryKeys(url: string): string[] {
  return (url.split('?')[1] ?? '').split('&').map((pair) => pair.split('=')[0] ?? '');
}

describe('signed-2026-04 reproduces the April request byte for byte (§2.7.4 vectors)', () => {
  it('send_msg: body, yy and token-variant x-signature', () => {
    // A model the profile has no model_option for: the body is exactly the vector's.
    const body = buildSendBody(signed202604, { text: 'user:你好\n', modelId: 'MiniMax-M2.1', capabilities: PLAIN });
    const { init } = buildRequest(identity, { method: 'POST', path: PATHS.sendMsg, body }, NOW, { signatureVariant: 'token' }, signed202604);
    expect(init.body).toBe('{"msg_type":1,"text":"user:你好\\n","chat_type":1,"attachments":[],"selected_mcp_tools":[],"backend_config":{},"sub_agent_ids":[]}');
    expect(init.headers.yy).toBe('be7d5c9e99449594e105e8ae6f9baf42');
    expect(init.headers['x-signature']).toBe('9997881478867e08fa6aeaae5be2c835');
    // Only the Cloudflare clearance travels outside a cookie profile (a browser always sends it).
    expect(init.headers.Cookie).toBe('cf_clearance=def');
    const bare = buildRequest({ ...identity, cookies: 'mm_sessionid=abc' }, { method: 'POST', path: PATHS.sendMsg, body }, NOW, { signatureVariant: 'token' }, signed202604);
    expect(bare.init.headers.Cookie).toBeUndefined();
  });

  it('get_chat_detail: yy and the secret-variant x-signature; header order as Chat2API', () => {
    const { init } = buildRequest({ ...identity, cookies: undefined }, { method: 'POST', path: PATHS.chatDetail, body: { chat_id: 337867554939466 } }, NOW, { signatureVariant: 'secret' });
    expect(init.headers.yy).toBe('f65109b397259b9d79c416551a7673d2');
    expect(init.headers['x-signature']).toBe('5685521d4c211c1fd5d57eb01c750e74');
    expect(Object.keys(init.headers).slice(0, 3)).toEqual(['Referer', 'token', 'Accept']);
    expect(Object.keys(init.headers).slice(-3)).toEqual(['x-timestamp', 'x-signature', 'yy']);
  });

  it('keeps its knob numbers: Lightning/Pro chat types, M2.7 → 502, M2.5 → 501', () => {
    expect(toSendKnobs('MiniMax-M2.7', PLAIN)).toEqual({ chat_type: 1, model_option: { display_name: 'MiniMax-M2.7', model_type: 502 } });
    expect(toSendKnobs('MiniMax-M2.5-Think', { thinking: true, webSearch: false })).toEqual({
      chat_type: 0,
      model_option: { display_name: 'MiniMax-M2.5', model_type: 501 },
    });
  });
});

describe('web-cookie-2026-05 (§10.2)', () => {
  it('sends send_msg with cookies, the token in the query only and no signatures', () => {
    const body = buildSendBody(webCookie202605, { text: 'hi', modelId: 'MiniMax-M2.7-Think-Search', capabilities: { thinking: true, webSearch: true } });
    const { url, init } = buildRequest(identity, { method: 'POST', path: PATHS.sendMsg, body }, NOW, { signatureVariant: 'secret' }, webCookie202605);
    expect(queryKeys(url)).toEqual([...webCookie202605.sendMsgCall!.query.order]);
    expect(url).toContain('os_name=Windows&browser_name=firefox&cpu_core_num=8&');
    expect(url).toContain(`&token=${JWT}`);
    expect(init.headers.Cookie).toBe(COOKIES);
    for (const absent of ['token', 'yy', 'x-signature', 'x-timestamp']) expect(init.headers[absent]).toBeUndefined();
    expect(init.headers['User-Agent']).toContain('Firefox/125.0');
    expect(JSON.parse(init.body as string)).toEqual({
      msg_type: 1,
      text: 'hi',
      chat_type: 2,
      attachments: [],
      selected_mcp_tools: [],
      sub_agent_ids: [340123961561242, 340123961561243, 340123961561244, 340123961561245, 355305220752206, 386069372367665],
      model_option: { display_name: 'MiniMax-M2.7', model_type: 501 },
    });
  });

  it('leaves every other call exactly as signed-2026-04', () => {
    for (const path of [PATHS.chatDetail, PATHS.userInfo, PATHS.deleteChat, PATHS.membership]) {
      const spec = { method: 'POST' as const, path, body: { chat_id: 1 } };
      expect(buildRequest(identity, spec, NOW, { signatureVariant: 'secret' }, webCookie202605)).toEqual(
        buildRequest(identity, spec, NOW, { signatureVariant: 'secret' }, signed202604),
      );
    }
  });
});

describe('the profile list', () => {
  it('starts with the default, has unique ids and finds profiles by id', () => {
    expect(REQUEST_PROFILES[0]).toBe(DEFAULT_PROFILE);
    expect(new Set(REQUEST_PROFILES.map((p) => p.id)).size).toBe(REQUEST_PROFILES.length);
    expect(findProfile('web-cookie-2026-05')).toBe(webCookie202605);
    expect(findProfile('gone')).toBeUndefined();
  });

  it('re-shapes the same uploads for each profile: file ids under signed-2026-04, file URLs under web-cookie-2026-05', () => {
    const files: UploadedFile[] = [
      { fileId: 9, fileName: 'a.png', fileUrl: 'https://bucket.example/u/a.png', kind: 'image' },
      { fileId: '10', fileName: 'b.pdf', fileUrl: 'https://bucket.example/u/b.pdf', kind: 'file' },
    ];
    const input = { text: 'x', modelId: 'MiniMax-M2.7', capabilities: PLAIN, attachments: files };
    expect(buildSendBody(signed202604, input).attachments).toEqual([
      { file_type: 2, file_id: 9, file_name: 'a.png' },
      { file_type: 6, file_id: '10', file_name: 'b.pdf' },
    ]);
    expect(buildSendBody(webCookie202605, input).attachments).toEqual([
      { file: { file_name: 'a.png', file_url: 'https://bucket.example/u/a.png' }, attachment_type: 1 },
      { file: { file_name: 'b.pdf', file_url: 'https://bucket.example/u/b.pdf' }, attachment_type: 1 },
    ]);
    // The attachments keep their slot in the wire order of each profile.
    expect(Object.keys(buildSendBody(webCookie202605, input))).toEqual(webCookie202605.send.fields);
  });

  it('every profile names a known attachment shape', () => {
    for (const profile of REQUEST_PROFILES) expect(ATTACHMENT_SHAPES).toContain(profile.send.attachmentShape);
  });
});
