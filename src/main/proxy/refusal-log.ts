/**
 * Requests the relay refuses before a chat starts (bad JSON, schema errors, unknown routes, wrong
 * keys, oversized bodies, Host and Origin refusals) still get a request-log entry, so the Logs
 * page and the stats show a user why a misconfigured client fails. A chat that started is logged
 * by the chat runner instead; `markChatLogged` tells the two apart. Bodies are never recorded here.
 */
import type { Request, Response } from 'express';
import { pendingRequestLogEntry } from '../../shared/domain/request-log';
import type { ErrorInfo } from '../../shared/errors';
import type { RequestLog } from '../logs/types';
import type { DialectModule } from './dialects/types';
import { dialectForPath } from './errors';
import { getRequestId } from './middleware/request-id';

const CHAT_LOGGED = 'relayChatLogged';

export function markChatLogged(res: Response): void {
  res.locals[CHAT_LOGGED] = true;
}

function isChatLogged(res: Response): boolean {
  return res.locals[CHAT_LOGGED] === true;
}

/** The model the client named, from the body or a Gemini path (`/v1beta/models/{model}:method`). */
function clientModelOf(req: Request): string {
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && 'model' in body && typeof body.model === 'string') return body.model.slice(0, 200);
  const gemini = /^\/v1beta\/models\/(.+?)(?::[A-Za-z]+)?$/.exec(req.path);
  return gemini?.[1]?.slice(0, 200) ?? '';
}

function isStream(req: Request): boolean {
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && 'stream' in body && body.stream === true) return true;
  return req.path.endsWith(':streamGenerateContent');
}

export interface RefusalLogDeps {
  requestLog: RequestLog;
  dialects: readonly DialectModule[];
  now(): number;
}

/** Records one refused request (begin + end, so the stats count it); a no-op for logged chats. */
export function createRefusalLog(deps: RefusalLogDeps): (req: Request, res: Response, error: ErrorInfo, status: number) => void {
  return (req, res, error, status) => {
    if (isChatLogged(res)) return;
    const id = getRequestId(res);
    const time = deps.now();
    const dialect = dialectForPath(req.path, deps.dialects)?.id ?? 'openai';
    deps.requestLog.begin(
      pendingRequestLogEntry({ id, time, dialect, endpoint: req.path.slice(0, 300), stream: isStream(req), clientModel: clientModelOf(req) }),
    );
    deps.requestLog.end(id, { status: 'error', httpStatus: status, errorCode: error.code, errorMessage: error.message });
  };
}
