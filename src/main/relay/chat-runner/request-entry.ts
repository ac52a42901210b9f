/** Builds and updates the request-log entry of one chat request. */
import { pendingRequestLogEntry, type RequestAttempt, type RequestLogEntry } from '../../../shared/domain/request-log';
import type { RelayError } from '../../../shared/errors';
import type { AccountLease } from '../../accounts/types';
import type { RequestLog } from '../../logs/types';
import { errorReasonFields } from './errors';
import type { CanonicalRequest } from '../canonical';

const BODY_LOG_LIMIT = 64 * 1024;

export function truncateBody(text: string): string {
  return text.length <= BODY_LOG_LIMIT ? text : `${text.slice(0, BODY_LOG_LIMIT)}… [truncated ${text.length - BODY_LOG_LIMIT} chars]`;
}

/** JSON.stringify replacer: the inline data of image and file parts becomes its length. */
function omitAttachmentData(this: unknown, key: string, value: unknown): unknown {
  if (key !== 'data' || typeof value !== 'string') return value;
  const holder = this as { type?: unknown };
  return holder.type === 'image' || holder.type === 'file' ? `[${value.length} base64 characters omitted]` : value;
}

/** The body for the log; a request nested too deep to serialize (it is refused with 400 later) is not logged. */
function bodyForLog(request: CanonicalRequest): string {
  try {
    return truncateBody(JSON.stringify(request, omitAttachmentData));
  } catch {
    return '[not logged: nested too deeply]';
  }
}

/** Model names over 256 characters are refused; the entry keeps only their start. */
const MODEL_LOG_LIMIT = 256;

export function newRequestEntry(request: CanonicalRequest, endpoint: string, time: number, logBodies: boolean): RequestLogEntry {
  const clientModel = request.model.length <= MODEL_LOG_LIMIT ? request.model : `${request.model.slice(0, MODEL_LOG_LIMIT)}…`;
  return {
    ...pendingRequestLogEntry({ id: request.id, time, dialect: request.dialect, endpoint, stream: request.stream, clientModel }),
    // Image and file bytes never enter the log (their facts do, in `attachments`); the truncation keeps entries bounded.
    requestBody: logBodies ? bodyForLog(request) : null,
  };
}

/** The attempts of one request: each lease tried, and how it ended. */
export class AttemptLog {
  readonly attempts: RequestAttempt[] = [];

  constructor(
    private readonly log: RequestLog,
    private readonly id: string,
    private readonly now: () => number,
  ) {}

  start(lease: AccountLease): RequestAttempt {
    const attempt: RequestAttempt = {
      accountId: lease.account.id,
      accountLabel: lease.account.label,
      reason: lease.reason,
      ...(lease.reasonParts ? { reasonParts: lease.reasonParts } : {}),
      startedAt: this.now(),
      endedAt: null,
      outcome: null,
      errorCode: null,
      errorMessage: null,
    };
    this.attempts.push(attempt);
    // The provider is known from the first attempt on, so a request that fails before it streams
    // still counts under its provider in the stats.
    this.log.update(this.id, { attempts: this.snapshot(), accountId: lease.account.id, accountLabel: lease.account.label, provider: lease.account.provider });
    return attempt;
  }

  finish(attempt: RequestAttempt, outcome: NonNullable<RequestAttempt['outcome']>, error?: RelayError): void {
    attempt.endedAt = this.now();
    attempt.outcome = outcome;
    attempt.errorCode = error?.code ?? null;
    attempt.errorMessage = error?.message ?? null;
    delete attempt.errorReasonCode;
    delete attempt.errorReasonParams;
    Object.assign(attempt, errorReasonFields(error));
    this.log.update(this.id, { attempts: this.snapshot() });
  }

  /**
   * The request ends on its last attempt: `failover` promised another account, so when none was
   * tried after it, that attempt is what failed the request.
   */
  endFailover(): void {
    const last = this.attempts.at(-1);
    if (last?.outcome !== 'failover') return;
    last.outcome = 'error';
    this.log.update(this.id, { attempts: this.snapshot() });
  }

  /** Facts the provider reports while the attempt runs (request profiles tried). */
  note(attempt: RequestAttempt, facts: Pick<RequestAttempt, 'profiles'>): void {
    if (facts.profiles) attempt.profiles = facts.profiles.map((profile) => ({ ...profile }));
    this.log.update(this.id, { attempts: this.snapshot() });
  }

  /** Copies, so a log that keeps the array does not see later mutations. */
  snapshot(): RequestAttempt[] {
    return this.attempts.map((attempt) => ({ ...attempt, ...(attempt.profiles ? { profiles: attempt.profiles.map((p) => ({ ...p })) } : {}) }));
  }
}
