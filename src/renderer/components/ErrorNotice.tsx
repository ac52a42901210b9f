import { reasonFromDetail } from '../../shared/domain/upstream-reason';
import type { ErrorInfo } from '../../shared/errors';
import { useErrorTitle, useNextStep, useT } from '../hooks/use-t';
import { upstreamReasonText } from '../lib/upstream-reason-text';

/** An upstream reason as the log and the account keep it (shared/domain/upstream-reason.ts). */
export interface UpstreamReasonRef {
  code: string;
  params?: Record<string, string | number>;
}

/**
 * Every error the user sees: its code, what it means and what to do next in the UI language, and
 * the relay's own message as detail (it often names the field or account involved).
 */
export function ErrorNotice({ error, compact = false, reason }: { error: ErrorInfo | null | undefined; compact?: boolean; reason?: UpstreamReasonRef | null }) {
  const t = useT();
  const nextStep = useNextStep();
  const title = useErrorTitle();
  if (!error) return null;
  return (
    <div className={compact ? 'error-notice compact' : 'error-notice'} role="alert" data-error-code={error.code}>
      <strong className="error-code">{t('error.code', { code: error.code })}</strong>
      <span className="error-title">{title(error.code)}</span>
      <span className="error-next">{t('error.next', { step: nextStep(error.code) })}</span>
      <ErrorDetail message={error.message} reason={reason ?? reasonFromDetail(error.detail)} />
    </div>
  );
}

/**
 * The relay's message, labelled as detail so it never reads as a second copy of the next step.
 * With an upstream reason code the UI knows, the reason is shown in the UI language instead.
 */
export function ErrorDetail({ message, reason }: { message: string; reason?: UpstreamReasonRef | null }) {
  const t = useT();
  if (!message) return null;
  const text = upstreamReasonText(t, reason?.code, reason?.params, message);
  return (
    <span className="error-message muted small" data-reason-code={reason?.code}>
      {t('error.detail', { message: text })}
    </span>
  );
}
