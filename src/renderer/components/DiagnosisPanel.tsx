import type { DiagnosisReport } from '../../shared/domain/diagnosis';
import type { ErrorInfo } from '../../shared/errors';
import { useT } from '../hooks/use-t';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';

export interface DiagnosisPanelProps {
  running: boolean;
  report: DiagnosisReport | undefined;
  error: ErrorInfo | undefined;
  onRun(): void;
  onDismiss(): void;
}

/** The Diagnose action of a web account and its readable, redacted report with "Copy report". */
export function DiagnosisPanel(props: DiagnosisPanelProps) {
  const t = useT();
  const { report } = props;
  return (
    <div className="diagnosis">
      <button type="button" className="button small" disabled={props.running} onClick={props.onRun}>
        {props.running ? t('diag.running') : t('diag.run')}
      </button>
      {props.running ? <p className="hint" role="status">{t('diag.runningHint')}</p> : null}
      <ErrorNotice compact error={props.error} />
      {report ? (
        <section className="diagnosis-report" aria-label={t('diag.title')}>
          <p role="status">
            <strong>{t('diag.working', { profiles: report.workingProfiles.join(', ') || t('diag.none') })}</strong>
          </p>
          <p>{report.verdict}</p>
          <pre className="diagnosis-text">{report.text}</pre>
          <p className="hint">{t('diag.privacy')}</p>
          <div className="row">
            <CopyButton value={report.text} label={t('diag.copy')} />
            <button type="button" className="button small" onClick={props.onDismiss}>
              {t('diag.close')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
