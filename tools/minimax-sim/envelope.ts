import type { SimResponse } from './http-util';

/** `/v1/api/*` answers `{statusInfo, data}`; `/matrix/api/v1/*` answers flat objects with `base_resp` (§3). */
export type Family = 'v1' | 'matrix';

export const CODES = {
  invalidParams: 1400010001,
  chatNotFound: 1400010002,
  notEnoughCredits: 1400010161,
  replyRunning: 1400010171,
  chatRunning: 1400010180,
  fileNotUploaded: 1400020001,
  v1TokenInvalid: 1001,
  matrixNotAuthenticated: 2,
} as const;

export function v1Ok(data: unknown): SimResponse {
  return { status: 200, body: { statusInfo: { code: 0, message: 'success' }, data } };
}

export function v1Error(code: number, message: string): SimResponse {
  return { status: 200, body: { statusInfo: { code, message }, data: null } };
}

export function matrixOk(fields: Record<string, unknown>): SimResponse {
  return { status: 200, body: { ...fields, base_resp: { status_code: 0, status_msg: 'success' } } };
}

export function matrixError(code: number, message: string): SimResponse {
  return { status: 200, body: { base_resp: { status_code: code, status_msg: message } } };
}

export function businessError(family: Family, code: number, message: string): SimResponse {
  return family === 'v1' ? v1Error(code, message) : matrixError(code, message);
}
