import type { ImportResult } from '../../shared/contract';
import { reasonFromDetail } from '../../shared/domain/upstream-reason';
import { useErrorTitle, useNextStep, useT } from '../hooks/use-t';
import { ErrorDetail } from './ErrorNotice';

/** One row per pasted entry, named by its masked input, with what happened to it. */
export function ImportResults({ result }: { result: ImportResult }) {
  const t = useT();
  const nextStep = useNextStep();
  const title = useErrorTitle();
  return (
    <div className="import-results" role="status" data-testid="import-results">
      <p>
        <strong>{t('acc.importSummary', { created: result.created, updated: result.updated, failed: result.failed })}</strong>
      </p>
      <ul>
        {result.results.map((line) => (
          <li key={line.line} className={line.ok ? 'ok-text' : 'bad-text'} data-ok={line.ok}>
            {t('acc.lineInput', { line: line.line })} <code>{line.input}</code>{' '}
            {line.ok ? `${line.action ? t(line.action === 'created' ? 'acc.created' : 'acc.updated') : ''} ${line.account?.label ?? ''}` : null}
            {!line.ok && line.error ? (
              <>
                <code>{line.error.code}</code> {title(line.error.code)} {t('error.next', { step: nextStep(line.error.code) })} <ErrorDetail message={line.error.message} reason={reasonFromDetail(line.error.detail)} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
