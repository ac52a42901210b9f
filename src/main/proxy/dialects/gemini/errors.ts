/** The Gemini (Google API) error envelope: `{error:{code,message,status}}`, `status` chosen by HTTP status. */
import type { ErrorInfo } from '../../../../shared/errors';

export interface GeminiErrorBody {
  error: { code: number; message: string; status: string };
}

const STATUS_BY_HTTP: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export function toGeminiErrorBody(error: ErrorInfo, status: number): GeminiErrorBody {
  return { error: { code: status, message: error.message, status: STATUS_BY_HTTP[status] ?? (status < 500 ? 'FAILED_PRECONDITION' : 'INTERNAL') } };
}
