import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsBucket } from '../../shared/domain/request-log';
import { trimTimeline } from '../lib/timeline';

export interface ChartLabels {
  requests: string;
  errors: string;
}

export function RequestsChart({ buckets, labels, locale }: { buckets: StatsBucket[]; labels: ChartLabels; locale: string }) {
  const data = trimTimeline(buckets).map((b) => ({
    time: new Date(b.time).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false }),
    requests: b.requests,
    errors: b.errors,
  }));
  return (
    <div className="chart" role="img" aria-label={`${labels.requests} / ${labels.errors}`}>
      <ResponsiveContainer width="100%" height={200}>
        <AreaChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="time" stroke="var(--muted)" fontSize={11} />
          <YAxis allowDecimals={false} stroke="var(--muted)" fontSize={11} />
          <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
          <Area type="monotone" dataKey="requests" name={labels.requests} stroke="var(--accent)" fill="var(--accent-soft)" isAnimationActive={false} />
          <Area type="monotone" dataKey="errors" name={labels.errors} stroke="var(--bad)" fill="var(--bad-soft)" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
