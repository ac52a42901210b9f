/**
 * Tolerant polling (protocol reference §4.1, §10.2): every known client skips a failed or odd poll
 * and polls again. A malformed snapshot is skipped too, but five in a row mean the upstream's shape
 * really changed, and the reply ends with `upstream_protocol` naming the field. A chat that reports
 * `chat_status == 2` before any AI text shows up gets a short grace to publish it, instead of
 * ending the reply empty (the adapted client of §10.2 waits for non-empty content).
 */
import { RelayError } from '../../../shared/errors';

export const MAX_MALFORMED_POLLS = 5;
export const EMPTY_FINISH_GRACE_MS = 3_000;

export interface PollGuard {
  /** A poll that answered in a shape we could not read; throws on the fifth in a row. */
  malformed(error: RelayError, chatId: number): number;
  /** A poll we could read. */
  readable(): void;
  /** `chat_status == 2` was seen: true to end the reply now, false to keep polling within the grace. */
  mayFinish(textLength: number, now: number): boolean;
}

export function createPollGuard(graceMs: number = EMPTY_FINISH_GRACE_MS): PollGuard {
  let streak = 0;
  let doneSince: number | null = null;
  return {
    malformed(error, chatId) {
      streak += 1;
      if (streak >= MAX_MALFORMED_POLLS) {
        const field = typeof error.detail?.field === 'string' ? error.detail.field : '(unknown)';
        throw new RelayError(
          'upstream_protocol',
          `MiniMax answered ${streak} polls in a row in an unexpected shape (field ${field}). Run a diagnosis and share the report.`,
          { ...error.detail, chatId, polls: streak, field },
          { cause: error },
        );
      }
      return streak;
    },
    readable() {
      streak = 0;
    },
    mayFinish(textLength, now) {
      if (textLength > 0) return true;
      doneSince ??= now;
      return now - doneSince >= graceMs;
    },
  };
}
