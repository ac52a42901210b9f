/**
 * A request profile: how this client shapes each upstream call, as data. The service changes
 * without notice (protocol reference §10), so one account may need a different profile than
 * another, and the working one is learned per account (negotiate.ts). Adding a profile is adding
 * a file in this folder and one line in `index.ts`.
 */
import type { SignatureVariant } from '../../../../shared/domain/settings';
import type { AttachmentShape } from '../upload/attachment-shape';

/** Query keys filled per request; every other key of a profile's query comes from `query.fixed`. */
export type DynamicQueryKey = 'uuid' | 'device_id' | 'user_id' | 'unix' | 'token';

export interface QueryShape {
  /** Every key in wire order, dynamic ones included. */
  order: readonly string[];
  /** Values of the non-dynamic keys. */
  fixed: Readonly<Record<string, string>>;
}

export interface CallShape {
  query: QueryShape;
  /**
   * Browser headers in wire order (the `token` header among them, or not); Referer/Origin follow
   * the configured site. Signatures and the Cookie header are appended after them.
   */
  headers: (origin: string, token: string) => Record<string, string>;
  /** `yy` (§2.7.1) and `x-timestamp`/`x-signature` (§2.7.2); `'settings'` uses the configured variant. */
  signatures: { yy: boolean; xSignature: 'settings' | SignatureVariant | 'none' };
  /** Send the account's stored browser cookies as the `Cookie` header. */
  cookies: boolean;
}

/** The send_msg body fields, in the order the body lists them. */
export type SendField =
  | 'msg_type'
  | 'text'
  | 'chat_type'
  | 'attachments'
  | 'selected_mcp_tools'
  | 'backend_config'
  | 'sub_agent_ids'
  | 'model_option';

export interface ModelOption {
  display_name: string;
  model_type: number;
}

export interface SendShape {
  fields: readonly SendField[];
  /** `chat_type` for a plain model, and for one whose name asks for thinking or web search. */
  chatType: { plain: number; deep: number };
  /** `model_option` per base model name (catalog suffixes -Think/-Search are stripped first). */
  models: Readonly<Record<string, ModelOption>>;
  /** Sent for a model the table does not list; `null` leaves `model_option` out. */
  fallbackModel: ModelOption | null;
  subAgentIds: readonly number[];
  /**
   * How `attachments` references an upload (upload/attachment-shape.ts). Sources disagree and none
   * is confirmed (protocol reference §8.9), so it belongs to the profile: the same uploads are
   * re-shaped when negotiation moves to the next profile.
   */
  attachmentShape: AttachmentShape;
}

export interface RequestProfile {
  /** Stable id, persisted with accounts: never rename a released profile. */
  id: string;
  /** One line for the diagnosis report and the README. */
  summary: string;
  /** The shape of every call this client makes… */
  call: CallShape;
  /** …except send_msg, when it differs. */
  sendMsgCall?: CallShape;
  send: SendShape;
  /** Without stored cookies this profile cannot work; negotiation skips it and says why. */
  needsCookies: boolean;
}

/** The shape of one call under a profile. */
export function callShapeFor(profile: RequestProfile, path: string, sendMsgPath: string): CallShape {
  return path === sendMsgPath && profile.sendMsgCall ? profile.sendMsgCall : profile.call;
}
