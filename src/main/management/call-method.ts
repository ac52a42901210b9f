/**
 * One BridgeApi call as it arrives over HTTP: look the method up in the contract (never on the
 * services object by an arbitrary name), validate the input with its schema, run it, and turn the
 * outcome into a BridgeResult plus an HTTP status.
 */
import type { BridgeApi, BridgeResult } from '../../shared/contract';
import { getInputSchema } from '../../shared/contract-schemas';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import type { Logger } from '../logs/types';
import { statusForError } from '../../shared/error-status';

export interface CallOutcome {
  status: number;
  body: BridgeResult<unknown>;
}

function failure(error: ErrorInfo): CallOutcome {
  return { status: statusForError(error.code), body: { ok: false, error } };
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
}

type AnyMethod = (input: unknown) => Promise<unknown>;

export async function callBridgeMethod(
  services: BridgeApi,
  domain: string,
  method: string,
  body: unknown,
  logger: Logger,
): Promise<CallOutcome> {
  const schema = getInputSchema(domain, method);
  if (!schema) return failure({ code: 'not_found', message: `There is no method ${domain}.${method}.` });
  // Clients send `{}` (or nothing) for methods without input.
  const raw = isEmptyBody(body) && schema.safeParse(undefined).success ? undefined : body;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    const message = issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'Invalid input.';
    return failure({ code: 'invalid_request', message, detail: { field: field || null } });
  }
  const target = (services[domain as keyof BridgeApi] as unknown as Record<string, AnyMethod>)[method];
  if (!target) return failure({ code: 'not_found', message: `There is no method ${domain}.${method}.` });
  try {
    const value = await target(parsed.data);
    return { status: 200, body: { ok: true, value: value === undefined ? null : value } };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'internal') logger.error({ err: error, domain, method }, 'management call failed');
    return failure(info);
  }
}
