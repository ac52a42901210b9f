import { useCallback, useEffect, useMemo } from 'react';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { LogDetail } from '../components/LogDetail';
import { LogFiltersBar } from '../components/LogFiltersBar';
import { LogList } from '../components/LogList';
import { useLanguage, useT } from '../hooks/use-t';
import { downloadText } from '../lib/download';
import { filterLogs, hasActiveFilters, listModels } from '../lib/log-filter';
import { useAccountsStore } from '../stores/accounts-store';
import { useLogsStore } from '../stores/logs-store';

export function LogsPage({ initialId }: { initialId: string | null }) {
  const t = useT();
  const locale = useLanguage();
  const entries = useLogsStore((s) => s.entries);
  const filters = useLogsStore((s) => s.filters);
  const selectedId = useLogsStore((s) => s.selectedId);
  const detail = useLogsStore((s) => s.detail);
  const error = useLogsStore((s) => s.error);
  const exporting = useLogsStore((s) => s.exporting);
  const accounts = useAccountsStore((s) => s.accounts);
  const store = useLogsStore.getState;

  useEffect(() => {
    if (initialId) void useLogsStore.getState().select(initialId);
  }, [initialId]);

  const visible = useMemo(() => filterLogs(entries, filters), [entries, filters]);
  const models = useMemo(() => listModels(entries), [entries]);
  const accountChoices = useMemo(() => accounts.map((a) => ({ id: a.id, label: a.label || a.maskedUserId })), [accounts]);

  const select = useCallback((id: string) => void useLogsStore.getState().select(id), []);

  const exportJsonl = async (): Promise<void> => {
    const text = await store().exportJsonl();
    if (text !== null) downloadText(`minimax-relay-logs-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.jsonl`, text);
  };

  return (
    <div className="page logs">
      <LogFiltersBar filters={filters} models={models} accounts={accountChoices} onChange={(patch) => store().setFilters(patch)} />
      <div className="row spread">
        <span className="muted" data-testid="log-count">
          {t('logs.count', { shown: visible.length, total: entries.length })}
        </span>
        <span className="row">
          <button type="button" className="button small" disabled={exporting} onClick={() => void exportJsonl()}>
            {exporting ? t('logs.exporting') : t('logs.export')}
          </button>
          <ConfirmButton label={t('logs.clear')} question={t('logs.clearConfirm')} onConfirm={() => void store().clear()} disabled={entries.length === 0} />
        </span>
      </div>
      <ErrorNotice error={error} />
      <div className="logs-split">
        <LogList
          entries={visible}
          selectedId={selectedId}
          onSelect={select}
          label={t('logs.list')}
          locale={locale}
          emptyText={hasActiveFilters(filters) ? t('logs.noMatch') : t('logs.empty')}
        />
        <aside className="logs-detail-pane">{detail ? <LogDetail entry={detail} locale={locale} /> : <p className="muted">{t('logs.select')}</p>}</aside>
      </div>
    </div>
  );
}
