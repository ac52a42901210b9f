/**
 * The ONE table that turns a model's capabilities into send_msg fields. UNVERIFIED: Chat2API and
 * MiniMax-Free-API send no model/think/search switch at all (always `chat_type: 1`); these knobs
 * come from third-party clients only (protocol reference §3.3, §3.16, §7): `chat_type` 1 =
 * "Lightning" (fast), 0 = "Pro"/agent (deeper reasoning, may run tool steps such as web search);
 * `model_option` {display_name, model_type} picks the model (M2.5 → 501, M2.7 → 502). Should the
 * upstream reject or ignore them, this table is the single place to change.
 */
import type { ModelCapabilities } from '../../proxy/canonical';

export interface SendKnobs {
  chat_type: number;
  model_option?: { display_name: string; model_type: number };
}

const CHAT_TYPE_LIGHTNING = 1;
const CHAT_TYPE_PRO = 0;

/** Upstream model_type of each base model; a name not listed sends no model_option. */
const MODEL_TYPES: Readonly<Record<string, number>> = {
  'MiniMax-M2.7': 502,
  'MiniMax-M2.5': 501,
};

/** Catalog variants carry their capabilities as suffixes; the upstream knows only the base name. */
const CAPABILITY_SUFFIX = /-(Think-Search|Think|Search)$/i;

export function toSendKnobs(modelId: string, capabilities: ModelCapabilities): SendKnobs {
  const chatType = capabilities.thinking || capabilities.webSearch ? CHAT_TYPE_PRO : CHAT_TYPE_LIGHTNING;
  const base = modelId.replace(CAPABILITY_SUFFIX, '');
  const modelType = MODEL_TYPES[base];
  if (modelType === undefined) return { chat_type: chatType };
  return { chat_type: chatType, model_option: { display_name: base, model_type: modelType } };
}
