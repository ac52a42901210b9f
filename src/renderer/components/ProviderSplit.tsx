import { UNROUTED_PROVIDER, type ProviderStats, type StatsSummary } from '../../shared/domain/request-log';
import { PROVIDER_KINDS } from '../../shared/domain/account';
import { useT } from '../hooks/use-t';
import { providerName } from '../lib/provider-name';

/** Today's requests and upstream tokens per provider: web accounts vs API keys. */
export function ProviderSplit({ stats }: { stats: StatsSummary | null }) {
  const t = useT();
  const byProvider = stats?.byProvider ?? {};
  // The shipped providers always have a row; any other provider that served today gets one too.
  const kinds = [...new Set<string>([...PROVIDER_KINDS, ...Object.keys(byProvider)])].filter((kind) => kind !== UNROUTED_PROVIDER);
  const rows: { kind: string; label: string; counts: ProviderStats }[] = kinds.map((kind) => ({
    kind,
    label: providerName(t, kind),
    counts: byProvider[kind] ?? { requests: 0, errors: 0, inputTokens: 0, outputTokens: 0 },
  }));
  // Requests no account served (refused, no account free) count too, so the rows add up to today's total.
  const unrouted = byProvider[UNROUTED_PROVIDER];
  if (unrouted && unrouted.requests > 0) rows.push({ kind: UNROUTED_PROVIDER, label: t('dash.provider.none'), counts: unrouted });
  return (
    <section className="card" aria-label={t('dash.byProvider')}>
      <h3>{t('dash.byProvider')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th>{t('dash.provider')}</th>
            <th>{t('dash.requests')}</th>
            <th>{t('dash.errors')}</th>
            <th>{t('dash.tokensInOut')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ kind, label, counts }) => (
            <tr key={kind} data-provider={kind}>
              <td>{label}</td>
              <td>{counts.requests}</td>
              <td>{counts.errors}</td>
              <td>
                {counts.inputTokens} / {counts.outputTokens}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
