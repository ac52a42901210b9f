import type { ReactNode } from 'react';

export function StatCard({ label, value, children }: { label: string; value: ReactNode; children?: ReactNode }) {
  return (
    <section className="card stat" aria-label={label}>
      <h3>{label}</h3>
      <div className="stat-value">{value}</div>
      {children}
    </section>
  );
}
