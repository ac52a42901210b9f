/**
 * Why the upstream refused or failed, as a stable code with parameters, so the UI can say it in
 * the user's language (the English message stays for logs and clients). The provider or the chat
 * runner picks the code where it classifies the upstream's answer; the code travels in a
 * RelayError's detail (`reasonCode`, and `reasonParams` as JSON text, since detail values are
 * flat), in lease outcomes, in request-log attempts and on the account (`statusReasonCode`).
 * A code the UI does not know falls back to the English text.
 */
import { z } from 'zod';

export const UPSTREAM_REASON_CODES = [
  // MiniMax web accounts (agent site)
  'agent_token_expired',
  'agent_token_refused',
  'agent_token_refused_everywhere',
  'agent_wrong_user',
  'agent_credits_exhausted',
  'agent_busy',
  'agent_refused',
  'agent_cloudflare',
  'agent_rate_limited',
  'agent_signature_rejected',
  'agent_unavailable',
  'agent_http_unexpected',
  'agent_unreachable',
  'agent_not_json',
  'agent_wrong_shape',
  'agent_profiles_refused',
  'agent_profiles_refused_no_cookies',
  'agent_poll_failures',
  'agent_no_answer',
  'agent_reply_timeout',
  // MiniMax Open Platform (API keys)
  'open_key_refused',
  'open_invalid_key',
  'open_wrong_region',
  'open_no_balance',
  'open_rate_limited',
  'open_params_rejected',
  'open_content_refused',
  'open_voice_unknown',
  'open_failed',
  'open_unavailable',
  'open_unreachable',
  'open_reply_timeout',
  // Either provider
  'no_credits_until_reset',
  // The relay's own pool: why no account served ({scope}: all, pinned or policy)
  'pool_all_waiting',
  'pool_none_usable',
  'pool_queue_full',
  'pool_queue_timeout',
] as const;

export type UpstreamReasonCode = (typeof UPSTREAM_REASON_CODES)[number];
export type UpstreamReasonParams = Record<string, string | number>;

export const upstreamReasonParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** The fields a RelayError detail carries for a reason (spread into the detail). */
export function reasonDetail(code: UpstreamReasonCode, params: UpstreamReasonParams = {}): { reasonCode: string; reasonParams: string } {
  return { reasonCode: code, reasonParams: JSON.stringify(params) };
}

function parseParams(value: unknown): UpstreamReasonParams {
  if (typeof value === 'object' && value !== null) {
    const parsed = upstreamReasonParamsSchema.safeParse(value);
    return parsed.success ? parsed.data : {};
  }
  if (typeof value !== 'string' || value === '') return {};
  try {
    const parsed = upstreamReasonParamsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * The reason an error detail (or any record with `reasonCode`/`reasonParams`) carries; null when
 * it names none. An unknown code is kept as text: the UI then shows the raw message instead.
 */
export function reasonFromDetail(detail: Readonly<Record<string, unknown>> | null | undefined): CodedReason | null {
  const code = detail?.['reasonCode'];
  if (typeof code !== 'string' || code === '') return null;
  return { code, params: parseParams(detail?.['reasonParams']) };
}

/** A reason as stored or passed along: the code may be one a newer version added (kept as text). */
export interface CodedReason {
  code: string;
  params: UpstreamReasonParams;
}
