import type { UpstreamReasonCode } from '../../shared/domain/upstream-reason';

/**
 * English text of the upstream reason codes (shared/domain/upstream-reason.ts): why MiniMax refused
 * or failed, shown under an account's status and with log and import errors. Keys are
 * `reason.<code>`; a code without a key (from a newer relay) shows the relay's own English text.
 */
export const enReasons = {
  'reason.agent_token_expired': 'MiniMax says the token has expired or is invalid. Log in again.',
  'reason.agent_token_refused': 'MiniMax refused the token (HTTP {status}, {body} body): expired, logged out, or the realUserID does not match. Log in again.',
  'reason.agent_token_refused_everywhere': 'MiniMax refused the token on sending and on the user check: it has expired or was logged out. Log in again.',
  'reason.agent_wrong_user': 'The realUserID does not belong to this token.',
  'reason.agent_credits_exhausted': 'The MiniMax account has no credits left for today.',
  'reason.agent_busy': 'MiniMax allows only one output at a time on this account, and one is still running.',
  'reason.agent_refused': 'MiniMax refused the request: {detail}',
  'reason.agent_cloudflare': "MiniMax's Cloudflare bot check blocked the request (HTTP {status}). Use the desktop app, or log in again in the app to refresh the clearance.",
  'reason.agent_rate_limited': 'MiniMax is rate limiting this account (HTTP 429).',
  'reason.agent_signature_rejected': 'MiniMax rejected the request signature (HTTP 403).',
  'reason.agent_unavailable': 'MiniMax is unavailable (HTTP {status}).',
  'reason.agent_http_unexpected': 'MiniMax answered HTTP {status} unexpectedly ({body} body).',
  'reason.agent_unreachable': 'Could not reach MiniMax.',
  'reason.agent_not_json': 'MiniMax answered with something that is not JSON.',
  'reason.agent_wrong_shape': 'MiniMax answered in an unexpected shape (field {field}).',
  'reason.agent_profiles_refused': 'MiniMax accepts the token but refused sending under every request profile tried ({profiles}). Run a diagnosis and share the report.',
  'reason.agent_profiles_refused_no_cookies': 'MiniMax accepts the token but refused sending ({profiles}); this account has no browser cookies stored, which newer request profiles need. Log in again in the app, or add its cookies.',
  'reason.agent_poll_failures': 'MiniMax failed {count} polls in a row.',
  'reason.agent_no_answer': 'MiniMax did not answer in time.',
  'reason.agent_reply_timeout': 'MiniMax did not finish the reply within {seconds} s.',
  'reason.open_key_refused': 'The MiniMax Open Platform refused the API key: check the key and its region, or create a new key.',
  'reason.open_invalid_key': 'The MiniMax Open Platform refused this API key: copy it again from the platform’s API keys page.',
  'reason.open_wrong_region': 'This key belongs to the {region} platform: choose that region and add it again.',
  'reason.open_no_balance': 'The API key has no balance or plan quota left: top up, or wait for the plan window to reset.',
  'reason.open_rate_limited': 'The MiniMax Open Platform is rate limiting this key; the relay backs off and tries another account.',
  'reason.open_params_rejected': 'The MiniMax Open Platform rejected the request parameters: {detail}',
  'reason.open_content_refused': 'The MiniMax Open Platform refused the content (sensitive input or output).',
  'reason.open_voice_unknown': 'The MiniMax Open Platform does not know this voice id.',
  'reason.open_failed': 'The MiniMax Open Platform failed: {detail}',
  'reason.open_unavailable': 'The MiniMax Open Platform is unavailable (HTTP {status}).',
  'reason.open_unreachable': 'Could not reach the MiniMax Open Platform.',
  'reason.open_reply_timeout': 'The MiniMax Open Platform did not finish the reply within {seconds} s.',
  'reason.no_credits_until_reset': 'No credits left until the daily reset.',
  'reason.pool_all_waiting': 'No account can serve this request{scope} before the queue deadline: every usable account is cooling down or out of credits. The next one is free in {seconds} s.',
  'reason.pool_none_usable': 'No account can serve this request{scope}: every account is disabled, expired, invalid or parked. Add another account or reset one.',
  'reason.pool_queue_full': 'All accounts are busy and {queueLength} requests are already waiting. Try again shortly or add accounts.',
  'reason.pool_queue_timeout': 'No account became free within {seconds} s.',
  // Names used inside the reasons above
  'reason.scope.pinned': ' (the alias is pinned to one account)',
  'reason.scope.policy': ' (the routing policy allows only some kinds of accounts)',
  'reason.region.cn': 'China (api.minimaxi.com)',
  'reason.region.intl': 'international (api.minimax.io)',
  'reason.body.empty': 'empty',
  'reason.body.json': 'JSON',
  'reason.body.html': 'HTML',
  'reason.body.text': 'text',
  'logs.profileReason.http_refused': 'HTTP {status}',
  'logs.profileReason.http_refused_body': 'HTTP {status}, {body} body',
  'logs.profileReason.upstream_code': 'upstream code {code}',
  'progress.step.login_guest': 'The login window shows a guest session: log in with your MiniMax account.',
  'dash.provider.none': 'Not routed to an account',
} as const satisfies Record<`reason.${UpstreamReasonCode}`, string> & Record<string, string>;

export type ReasonKey = keyof typeof enReasons;
