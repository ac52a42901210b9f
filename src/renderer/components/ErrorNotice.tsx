import type { ErrorInfo } from '../../shared/errors';
import { useErrorTitle, useNextStep, useT } from '../hooks/use-t';

/**
 * Every error the user sees: its code, what it means and what to do next in the UI language, and
 * the relay's own message as detail (it often names the field or account involved).
 */
export function ErrorNotice({ error, compact = false }: { error: ErrorInfo | null | undefined; compact?: boolean }) {
  const t = useT();
  const nextStep = useNextStep();
  const title = useErrorTitle();
  if (!error) return null;
  return (
    <div className={compact ? 'error-notice compact' : 'error-notice'} role="alert" data-error-code={error.code}>
      <strong className="error-code">{t('error.code', { code: error.code })}</strong>
      <span className="error-title">{title(error.code)}</span>
      <span className="error-next">{t('error.next', { step: nextStep(error.code) })}</span>
      <ErrorDetail message={error.message} />
    </div>
  );
}

/** The relay's message, labelled as detail so it never reads as a second copy of the next step. */
export function ErrorDetail({ message }: { message: string }) {
  const t = useT();
  if (!message) return null;
  return <span className="error-message muted small">{t('error.detail', { message })}</span>;
}
