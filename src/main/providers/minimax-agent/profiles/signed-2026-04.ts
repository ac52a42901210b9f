/**
 * `signed-2026-04`: the request Chat2API v1.2.0 sends (protocol reference §2.5–§2.7, §3.3): the
 * 21-key Mac/Chrome query block, the `token` header, `yy` and `x-signature` on every call, no
 * cookies. The service refuses its send_msg since about 2026-05-01 (§10.1), but every other call
 * still works, and an account (or a region) where it still works needs nothing more.
 */
import { browserHeaders, QUERY_ORDER, STATIC_QUERY } from '../protocol';
import type { RequestProfile } from './types';

export const signed202604: RequestProfile = {
  id: 'signed-2026-04',
  summary: 'Token header, yy and x-signature on every call, no cookies (Chat2API v1.2.0, April 2026).',
  call: {
    query: { order: QUERY_ORDER, fixed: STATIC_QUERY },
    headers: browserHeaders,
    signatures: { yy: true, xSignature: 'settings' },
    cookies: false,
  },
  send: {
    fields: ['msg_type', 'text', 'chat_type', 'attachments', 'selected_mcp_tools', 'backend_config', 'sub_agent_ids', 'model_option'],
    // Third-party knobs (§3.3, §7): 1 = "Lightning", 0 = "Pro"/agent for thinking or search.
    chatType: { plain: 1, deep: 0 },
    models: {
      'MiniMax-M2.7': { display_name: 'MiniMax-M2.7', model_type: 502 },
      'MiniMax-M2.5': { display_name: 'MiniMax-M2.5', model_type: 501 },
    },
    fallbackModel: null,
    subAgentIds: [],
    // MiniMax-Free-API's `{file_type, file_id, file_name}`: the one client of this era that uploads.
    attachmentShape: 'file-id',
  },
  needsCookies: false,
};
