/**
 * Everything this relay knows about the MiniMax Agent web protocol (agent.minimaxi.com /
 * agent.minimax.io): paths, the fake-device query block, browser headers, signature constants,
 * envelope field names and business codes. Source: the project's protocol reference
 * (docs/minimax-agent-protocol.md), itself compiled from public reverse-proxy projects (Chat2API,
 * MiniMax-Free-API, minimax-free-api, minimax-wrapper) — nothing here was observed live. When the
 * upstream drifts, this folder (and this file first) is the one place to edit.
 */

/** §3: the endpoints this client uses. */
export const PATHS = {
  deviceRegister: '/v1/api/user/device/register',
  userInfo: '/v1/api/user/info',
  sendMsg: '/matrix/api/v1/chat/send_msg',
  chatDetail: '/matrix/api/v1/chat/get_chat_detail',
  listChat: '/matrix/api/v1/chat/list_chat',
  deleteChat: '/matrix/api/v1/chat/delete_chat',
  /** §3.10, known only from third-party code: ends a running reply. Best effort; a 404 is expected. */
  stopRun: '/matrix/api/v1/chat/stop_run_agent',
  membership: '/matrix/api/v1/commerce/get_membership_info',
  // §3.9: the upload trio's two signed calls (the bytes go to the storage endpoint in between).
  requestPolicy: '/v1/api/files/request_policy',
  policyCallback: '/v1/api/files/policy_callback',
} as const;
export type AgentPath = (typeof PATHS)[keyof typeof PATHS];

/**
 * §2.5: the fake-device query block in Chat2API's 21-key order (2026-03-26). `null` in the
 * per-request part is emitted literally (Chat2API's register call sends `device_id=null`);
 * `undefined` drops the key.
 */
export const STATIC_QUERY = {
  device_platform: 'web',
  biz_id: '3',
  app_id: '3001',
  version_code: '22201',
  os_name: 'Mac',
  browser_name: 'chrome',
  device_memory: '8',
  cpu_core_num: '11',
  browser_language: 'zh-CN',
  browser_platform: 'MacIntel',
  screen_width: '1920',
  screen_height: '1080',
  lang: 'zh',
  timezone_offset: '28800',
  sys_language: 'zh',
  client: 'web',
} as const;

/** The order of the 21 keys; per-request keys (uuid, device_id, user_id, unix, token) sit between static ones. */
export const QUERY_ORDER = [
  'device_platform', 'biz_id', 'app_id', 'version_code', 'uuid', 'device_id', 'os_name', 'browser_name',
  'device_memory', 'cpu_core_num', 'browser_language', 'browser_platform', 'user_id', 'screen_width',
  'screen_height', 'unix', 'lang', 'token', 'timezone_offset', 'sys_language', 'client',
] as const;

/**
 * §2.6: Chat2API's proxy-adapter headers (Chrome 142 on macOS) in its order; Referer and Origin
 * follow the configured base URL so the international site and the simulator look consistent.
 * Accept-Encoding leaves out Chat2API's `zstd`, which Node 20's fetch cannot decode.
 */
export function browserHeaders(origin: string, token: string): Record<string, string> {
  return {
    Referer: `${origin}/`,
    token,
    Accept: 'application/json, text/plain, */*',
    'Accept-Encoding': 'gzip, deflate, br',
    'Accept-Language': 'zh-CN,zh;q=0.9',
    'Cache-Control': 'no-cache',
    Origin: origin,
    Pragma: 'no-cache',
    'Sec-Ch-Ua': '"Chromium";v="142", "Google Chrome";v="142", "Not_A Brand";v="99"',
    'Sec-Ch-Ua-Mobile': '?0',
    'Sec-Ch-Ua-Platform': '"macOS"',
    'Sec-Fetch-Dest': 'empty',
    'Sec-Fetch-Mode': 'cors',
    'Sec-Fetch-Site': 'same-origin',
    'User-Agent':
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
    'Content-Type': 'application/json',
  };
}

/** §2.7.1: suffix of the `yy` digest input. */
export const YY_SALT = 'ooui';
/** §2.7.2: the key extracted from the web app's JS bundle (minimax-wrapper, chunk 95314). */
export const X_SIGNATURE_SECRET = 'I*7Cf%WZ#S&%1RlZJ&C2';

/** Chat2API caches device registration for 10800 s. */
export const DEVICE_CACHE_MS = 3 * 60 * 60 * 1000;
/** All known clients time each request out after 15 s. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** §3.4: `chat.chat_status` 2 = finished; `msg_type` 2 = AI message. */
export const CHAT_STATUS_DONE = 2;
export const MSG_TYPE_USER = 1;
export const MSG_TYPE_AI = 2;

/** §2.9/§6: auth failure on `/v1/api/*` (statusInfo) and, unverified, on `/matrix/*` (base_resp). */
export const CODE_AUTH_STATUS_INFO = 1001;
export const CODE_AUTH_BASE_RESP = 2;
/** §6: "not enough credits" (third-party code). */
export const CODE_CREDITS = 1400010161;
/** One reply at a time per account: the real code is unknown; this is the simulator's. */
export const CODE_BUSY = 1400010171;
/** §3.6: the message that makes delete_chat worth retrying. */
export const CHAT_RUNNING_MESSAGE = 'chat is running';
/** §3.6: Chat2API waits 2 s between at most 3 delete attempts. */
export const DELETE_RETRY_ATTEMPTS = 3;
export const DELETE_RETRY_DELAY_MS = 2_000;

/** §3.5: Chat2API's page size for list_chat. */
export const LIST_PAGE_SIZE = 100;
