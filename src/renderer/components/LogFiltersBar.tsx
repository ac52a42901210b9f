import { DIALECT_IDS } from '../../shared/domain/dialects';
import type { LogDialect, RequestStatus } from '../../shared/domain/request-log';
import { useT } from '../hooks/use-t';
import type { LogFilters } from '../lib/log-filter';

const STATUSES: RequestStatus[] = ['pending', 'streaming', 'success', 'error', 'aborted'];
const DIALECTS: readonly LogDialect[] = DIALECT_IDS;

export interface LogFiltersBarProps {
  filters: LogFilters;
  models: string[];
  accounts: { id: string; label: string }[];
  onChange(patch: Partial<LogFilters>): void;
}

export function LogFiltersBar({ filters, models, accounts, onChange }: LogFiltersBarProps) {
  const t = useT();
  return (
    <div className="filters" role="search" aria-label={t('logs.filters')}>
      <label>
        {t('logs.status')}
        <select value={filters.status} onChange={(e) => onChange({ status: e.target.value as LogFilters['status'] })}>
          <option value="all">{t('common.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`logs.st.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('logs.model')}
        <select value={filters.model} onChange={(e) => onChange({ model: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('logs.account')}
        <select value={filters.accountId} onChange={(e) => onChange({ accountId: e.target.value })}>
          <option value="">{t('common.all')}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('logs.dialect')}
        <select value={filters.dialect} onChange={(e) => onChange({ dialect: e.target.value as LogFilters['dialect'] })}>
          <option value="all">{t('common.all')}</option>
          {DIALECTS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        {t('logs.search')}
        <input type="search" value={filters.text} placeholder={t('logs.searchPlaceholder')} onChange={(e) => onChange({ text: e.target.value })} />
      </label>
    </div>
  );
}
