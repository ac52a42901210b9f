/** The Anthropic error envelope: `{type:"error",error:{type,message}}`, `type` chosen by status as Anthropic does. */
import type { ErrorInfo } from '../../../../shared/errors';

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  // No free account right now: Anthropic's "try again shortly" type, which its SDKs retry.
  503: 'overloaded_error',
  529: 'overloaded_error',
};

export function anthropicErrorType(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 400 && status < 500 ? 'invalid_request_error' : 'api_error');
}

export function toAnthropicErrorBody(error: ErrorInfo, status: number): AnthropicErrorBody {
  return { type: 'error', error: { type: anthropicErrorType(status), message: error.message } };
}
