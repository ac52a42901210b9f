import { useMemo, useState } from 'react';
import type { AccountSummary } from '../../../shared/domain/account';
import type { StatsSummary } from '../../../shared/domain/request-log';
import { useLanguage, useT } from '../../hooks/use-t';
import { bucketsFor, CHART_RANGES, toBreakdown, toChartRows, type BreakdownRow, type ChartRange } from '../../lib/chart-data';
import { RequestsChart } from '../RequestsChart';

const RANGE_KEYS = { hour: 'dash.range.hour', day: 'dash.range.day', week: 'dash.range.week' } as const satisfies Record<ChartRange, string>;

function Breakdown({ title, rows, name }: { title: string; rows: BreakdownRow[]; name: (key: string) => string }) {
  const t = useT();
  return (
    <div className="breakdown">
      <h4>{title}</h4>
      {rows.length === 0 ? <p className="muted small">{t('dash.breakdownEmpty')}</p> : null}
      {rows.length > 0 ? (
        <table className="breakdown-table">
          <thead>
            <tr>
              <th scope="col">{t('dash.col.name')}</th>
              <th scope="col">{t('dash.chartRequests')}</th>
              <th scope="col">{t('dash.chartErrors')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td className="name-cell">{name(row.key)}</td>
                <td>{row.requests}</td>
                <td className={row.errors > 0 ? 'bad-text' : undefined}>{row.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** Requests and tokens over a chosen range, and today's split by model and by account. */
export function UsageSection({ stats, accounts }: { stats: StatsSummary | null; accounts: readonly AccountSummary[] }) {
  const t = useT();
  const locale = useLanguage();
  const [range, setRange] = useState<ChartRange>('day');
  const rows = useMemo(() => (stats ? toChartRows(bucketsFor(stats, range), range, locale) : []), [stats, range, locale]);
  const hasTraffic = rows.some((row) => row.ok + row.errors > 0);
  const accountName = (id: string): string => {
    const account = accounts.find((a) => a.id === id);
    return account ? account.label || account.userName || account.maskedUserId : id;
  };
  return (
    <section className="card" aria-label={t('dash.chart')}>
      <div className="row spread">
        <h3>{t('dash.chart')}</h3>
        <div className="segmented" role="group" aria-label={t('dash.range')}>
          {CHART_RANGES.map((id) => (
            <button key={id} type="button" className="button small" aria-pressed={range === id} onClick={() => setRange(id)}>
              {t(RANGE_KEYS[id])}
            </button>
          ))}
        </div>
      </div>
      {stats && hasTraffic ? (
        <RequestsChart
          rows={rows}
          labels={{
            ok: t('dash.chartOk'),
            errors: t('dash.chartErrors'),
            tokensIn: t('dash.tokensIn'),
            tokensOut: t('dash.tokensOut'),
            requestsTitle: t('dash.chartRequests'),
            tokensTitle: t('dash.tokens'),
          }}
        />
      ) : (
        <p className="muted">{t('dash.chartEmpty')}</p>
      )}
      {stats ? (
        <div className="grid cols-2">
          <Breakdown title={t('dash.byModel')} rows={toBreakdown(stats.byModel)} name={(key) => key} />
          <Breakdown title={t('dash.byAccount')} rows={toBreakdown(stats.byAccount)} name={accountName} />
        </div>
      ) : null}
    </section>
  );
}
