import { ROUTING_POLICIES, type RoutingPolicy } from '../../../shared/domain/settings';
import type { SettingsView } from '../../../shared/contract';
import { SelectField } from '../../components/Fields';
import { useT } from '../../hooks/use-t';
import { useSettingsStore } from '../../stores/settings-store';

/** Which accounts serve requests when web accounts and API keys are both present (saved at once). */
export function RoutingSection({ settings }: { settings: SettingsView }) {
  const t = useT();
  const save = (policy: RoutingPolicy): void => void useSettingsStore.getState().update({ routing: { policy } });
  return (
    <section className="card" aria-label={t('set.routing')}>
      <h3>{t('set.routing')}</h3>
      <SelectField
        label={t('set.routingPolicy')}
        value={settings.routing.policy}
        onChange={save}
        options={ROUTING_POLICIES.map((policy) => ({ value: policy, label: t(`set.routing.${policy}`) }))}
      />
      <p className="muted small">{t('set.routingHint')}</p>
    </section>
  );
}
