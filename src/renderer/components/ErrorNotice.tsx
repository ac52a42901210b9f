import type { ErrorInfo } from '../../shared/errors';
import { useNextStep, useT } from '../hooks/use-t';

/** Every error the user sees: its code, the relay's message and what to do next. */
export function ErrorNotice({ error, compact = false }: { error: ErrorInfo | null | undefined; compact?: boolean }) {
  const t = useT();
  const nextStep = useNextStep();
  if (!error) return null;
  return (
    <div className={compact ? 'error-notice compact' : 'error-notice'} role="alert" data-error-code={error.code}>
      <strong className="error-code">{t('error.code', { code: error.code })}</strong>
      <span className="error-message">{error.message}</span>
      <span className="error-next">{t('error.next', { step: nextStep(error.code) })}</span>
    </div>
  );
}
