import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from '../lib/chart-data';

export interface ChartLabels {
  ok: string;
  errors: string;
  tokensIn: string;
  tokensOut: string;
  requestsTitle: string;
  tokensTitle: string;
}

const tooltipStyle = { background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' };

/** Requests per bucket as bars, errors stacked on top of the rest, and tokens in and out below. */
export function RequestsChart({ rows, labels }: { rows: ChartRow[]; labels: ChartLabels }) {
  return (
    <div className="charts">
      <div className="chart" role="img" aria-label={labels.requestsTitle} data-testid="requests-chart">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" stroke="var(--muted)" fontSize={11} minTickGap={12} />
            <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={11} />
            <Tooltip contentStyle={tooltipStyle} cursor={{ fill: 'var(--surface-2)' }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="ok" name={labels.ok} stackId="requests" fill="var(--accent)" isAnimationActive={false} />
            <Bar dataKey="errors" name={labels.errors} stackId="requests" fill="var(--bad)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="chart" role="img" aria-label={labels.tokensTitle} data-testid="tokens-chart">
        <ResponsiveContainer width="100%" height={140}>
          <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -4 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" stroke="var(--muted)" fontSize={11} minTickGap={12} />
            <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={11} />
            <Tooltip contentStyle={tooltipStyle} cursor={{ fill: 'var(--surface-2)' }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="tokensIn" name={labels.tokensIn} fill="var(--info)" isAnimationActive={false} />
            <Bar dataKey="tokensOut" name={labels.tokensOut} fill="var(--ok)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
