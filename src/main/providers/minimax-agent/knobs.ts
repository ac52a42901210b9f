/**
 * Turns a catalog model and its capabilities into the send_msg body of a request profile. The knob
 * numbers themselves (`chat_type`, `model_option`, `sub_agent_ids`) are UNVERIFIED third-party
 * data (protocol reference §3.3, §7, §10.4) and live in the profiles, not here.
 */
import type { ModelCapabilities } from '../../relay/canonical';
import { DEFAULT_PROFILE, type ModelOption, type RequestProfile } from './profiles';
import { toSendAttachment, type UploadedFile } from './upload/attachment-shape';

export interface SendKnobs {
  chat_type: number;
  model_option?: ModelOption;
}

/** Catalog variants carry their capabilities as suffixes; the upstream knows only the base name. */
const CAPABILITY_SUFFIX = /-(Think-Search|Think|Search)$/i;

export function toSendKnobs(modelId: string, capabilities: ModelCapabilities, profile: RequestProfile = DEFAULT_PROFILE): SendKnobs {
  const { chatType, models, fallbackModel } = profile.send;
  const chat_type = capabilities.thinking || capabilities.webSearch ? chatType.deep : chatType.plain;
  const option = models[modelId.replace(CAPABILITY_SUFFIX, '')] ?? fallbackModel;
  return option ? { chat_type, model_option: { ...option } } : { chat_type };
}

export interface SendInput {
  text: string;
  modelId: string;
  capabilities: ModelCapabilities;
  /** Files already uploaded as the account; the profile decides how send_msg references them. */
  attachments?: readonly UploadedFile[];
}

/**
 * The send_msg body in the profile's field order; the string of this object is what gets signed
 * and sent, so the order is part of the wire format.
 */
export function buildSendBody(profile: RequestProfile, input: SendInput): Record<string, unknown> {
  const knobs = toSendKnobs(input.modelId, input.capabilities, profile);
  const values: Record<string, unknown> = {
    msg_type: 1,
    text: input.text,
    chat_type: knobs.chat_type,
    attachments: (input.attachments ?? []).map((file) => toSendAttachment(file, profile.send.attachmentShape)),
    selected_mcp_tools: [],
    backend_config: {},
    sub_agent_ids: [...profile.send.subAgentIds],
    model_option: knobs.model_option,
  };
  const body: Record<string, unknown> = {};
  for (const field of profile.send.fields) {
    if (values[field] !== undefined) body[field] = values[field];
  }
  return body;
}
