/**
 * `web-cookie-2026-05`: the only adapted client seen after the May-2026 change (protocol reference
 * §10.2, a Chat2API fork; medium-low confidence). Only send_msg differs: a Windows/Firefox query
 * block that keeps the token in the query, the browser's whole cookie header for the agent host,
 * and no `token` header, `x-timestamp`, `x-signature` or `yy`. Its body uses `chat_type` 2, the six
 * fixed sub-agent ids and a `model_option`. Every other call stays as in `signed-2026-04`.
 */
import { signed202604 } from './signed-2026-04';
import type { RequestProfile } from './types';

const FIREFOX_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0';

function firefoxHeaders(origin: string): Record<string, string> {
  // Firefox sends no Sec-Ch-Ua client hints; the fork's headers mirror a Firefox 125 request.
  return {
    Referer: `${origin}/`,
    Accept: 'application/json, text/plain, */*',
    'Accept-Encoding': 'gzip, deflate, br',
    'Accept-Language': 'zh-CN,zh;q=0.8,zh-TW;q=0.7,zh-HK;q=0.5,en-US;q=0.3,en;q=0.2',
    Origin: origin,
    'Sec-Fetch-Dest': 'empty',
    'Sec-Fetch-Mode': 'cors',
    'Sec-Fetch-Site': 'same-origin',
    'User-Agent': FIREFOX_UA,
    'Content-Type': 'application/json',
  };
}

export const webCookie202605: RequestProfile = {
  id: 'web-cookie-2026-05',
  summary: 'send_msg with the browser session cookies and no signatures (May 2026); other calls as signed-2026-04.',
  call: signed202604.call,
  sendMsgCall: {
    query: {
      order: [
        'device_platform', 'biz_id', 'app_id', 'version_code', 'os_name', 'browser_name', 'cpu_core_num',
        'browser_language', 'browser_platform', 'screen_width', 'screen_height', 'lang', 'timezone_offset',
        'sys_language', 'client', 'uuid', 'device_id', 'user_id', 'unix', 'token',
      ],
      fixed: {
        device_platform: 'web',
        biz_id: '3',
        app_id: '3001',
        version_code: '22201',
        os_name: 'Windows',
        browser_name: 'firefox',
        cpu_core_num: '8',
        browser_language: 'zh-CN',
        browser_platform: 'Win32',
        screen_width: '1920',
        screen_height: '1080',
        lang: 'zh',
        timezone_offset: '28800',
        sys_language: 'zh',
        client: 'web',
      },
    },
    headers: firefoxHeaders,
    signatures: { yy: false, xSignature: 'none' },
    cookies: true,
  },
  send: {
    fields: ['msg_type', 'text', 'chat_type', 'attachments', 'selected_mcp_tools', 'sub_agent_ids', 'model_option'],
    chatType: { plain: 2, deep: 2 },
    models: {
      'MiniMax-M2.7': { display_name: 'MiniMax-M2.7', model_type: 501 },
    },
    // The fork always names a model; M2.7 is the one it knows.
    fallbackModel: { display_name: 'MiniMax-M2.7', model_type: 501 },
    subAgentIds: [340123961561242, 340123961561243, 340123961561244, 340123961561245, 355305220752206, 386069372367665],
    // The fork never uploads; the newer-looking third-party `{file:{file_name,file_url}, attachment_type:1}`
    // is the best guess for the May-2026 web app (protocol reference §3.3, §8.9).
    attachmentShape: 'file-url',
  },
  needsCookies: true,
};
