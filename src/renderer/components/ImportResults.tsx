import type { ImportResult } from '../../shared/contract';
import { useNextStep, useT } from '../hooks/use-t';

export function ImportResults({ result }: { result: ImportResult }) {
  const t = useT();
  const nextStep = useNextStep();
  return (
    <div className="import-results" role="status" data-testid="import-results">
      <p>
        <strong>{t('acc.importSummary', { created: result.created, updated: result.updated, failed: result.failed })}</strong>
      </p>
      <ul>
        {result.results.map((line) => (
          <li key={line.line} className={line.ok ? 'ok-text' : 'bad-text'} data-ok={line.ok}>
            {t('acc.line', { line: line.line })}: <code>{line.input}</code>{' '}
            {line.ok
              ? `${line.action ? t(line.action === 'created' ? 'acc.created' : 'acc.updated') : ''} ${line.account?.label ?? ''}`
              : line.error
                ? `${line.error.code}: ${line.error.message} — ${nextStep(line.error.code)}`
                : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
