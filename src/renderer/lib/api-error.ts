import { isErrorCode, type ErrorCode, type ErrorInfo } from '../../shared/errors';

/** A failed BridgeApi call as the renderer sees it: the relay's code, message and detail. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorInfo['detail'];

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.detail = info.detail;
  }

  toInfo(): ErrorInfo {
    return this.detail ? { code: this.code, message: this.message, detail: this.detail } : { code: this.code, message: this.message };
  }
}

/** Any thrown value as ErrorInfo for display; a transport failure becomes `internal`. */
export function toDisplayError(error: unknown): ErrorInfo {
  if (error instanceof ApiError) return error.toInfo();
  if (typeof error === 'object' && error !== null && 'code' in error && isErrorCode(error.code)) {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : error.code;
    return { code: error.code, message };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
