/**
 * The line a progress event shows in the UI: the translated step when the server sent one, else
 * its English message (older servers, or steps this UI does not know yet).
 */
import type { ProgressEvent } from '../../shared/contract';
import { PROGRESS_STEPS, type ProgressStep } from '../../shared/contract';
import { isErrorCode, type ErrorCode } from '../../shared/errors';
import type { Translate } from './i18n';

function isStep(value: unknown): value is ProgressStep {
  return typeof value === 'string' && (PROGRESS_STEPS as readonly string[]).includes(value);
}

export function progressText(event: ProgressEvent, t: Translate, errorTitle: (code: ErrorCode) => string): string {
  if (!isStep(event.step)) return event.message;
  const params = event.params ?? {};
  if (event.step === 'login_failed') {
    const code = params.code;
    return isErrorCode(code) ? t('progress.step.login_failed', { title: errorTitle(code) }) : event.message;
  }
  return t(`progress.step.${event.step}`, params);
}
