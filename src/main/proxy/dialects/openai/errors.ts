/** The OpenAI error envelope: `{error:{message,type,code,param}}`, `type` chosen by status as OpenAI does. */
import type { ErrorInfo } from '../../../../shared/errors';

export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string; param: string | null };
}

function typeForStatus(status: number): string {
  if (status === 400 || status === 404 || status === 413) return status === 404 ? 'not_found_error' : 'invalid_request_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status === 502 || status === 503 || status === 504) return 'api_error';
  return 'server_error';
}

export function toOpenAIErrorBody(error: ErrorInfo, status: number): OpenAIErrorBody {
  const param = error.detail?.param;
  return {
    error: { message: error.message, type: typeForStatus(status), code: error.code, param: typeof param === 'string' ? param : null },
  };
}
