import { reasonFromDetail } from '../../../shared/domain/upstream-reason';
import { FAILOVER_CODES, RelayError, isRelayError } from '../../../shared/errors';
import type { LeaseOutcome } from '../../accounts/types';
import type { Logger } from '../../logs/types';

/** Any thrown value as a RelayError; an abort of the client's signal is always `aborted`. */
export function toRelayError(error: unknown, clientSignal: AbortSignal, logger: Logger): RelayError {
  if (isRelayError(error)) return error;
  if (clientSignal.aborted || (error instanceof Error && error.name === 'AbortError')) {
    return new RelayError('aborted', 'The client closed the request.');
  }
  // Only unexpected failures reach here: keep the cause for the log, never for the client.
  logger.error({ err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, 'unexpected error in chat');
  return new RelayError('internal', 'An unexpected error occurred.', undefined, { cause: error });
}

export function isFailoverError(error: RelayError): boolean {
  return FAILOVER_CODES.includes(error.code);
}

/** What a failed request does to its account; the upstream reason code travels along for the status. */
export function outcomeFor(error: RelayError): LeaseOutcome {
  const resetAt = error.detail?.resetAt;
  const reason = reasonFromDetail(error.detail);
  return {
    ok: false,
    code: error.code,
    message: error.message,
    ...(typeof resetAt === 'number' ? { resetAt } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** The upstream reason of an error as log fields (`errorReasonCode`/`errorReasonParams`); empty when it has none. */
export function errorReasonFields(error: RelayError | null | undefined): { errorReasonCode?: string; errorReasonParams?: Record<string, string | number> } {
  const reason = error ? reasonFromDetail(error.detail) : null;
  return reason ? { errorReasonCode: reason.code, errorReasonParams: reason.params } : {};
}
