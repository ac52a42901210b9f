import type { ModelResolution } from '../../shared/domain/model-mapping';
import { useT } from '../hooks/use-t';
import { modelExplanationText } from '../lib/model-explanation';

export function ExplainResult({ resolution, accountLabel }: { resolution: ModelResolution; accountLabel: string | null }) {
  const t = useT();
  return (
    <div className="explain" role="status" data-testid="explain-result" data-via={resolution.via}>
      <p>
        <strong>{t('models.resolvesTo', { model: resolution.model })}</strong> <span className="badge info">{t(`models.via.${resolution.via}`)}</span>
        {resolution.thinking ? <span className="badge ok">{t('models.thinking')}</span> : null}
        {resolution.webSearch ? <span className="badge ok">{t('models.search')}</span> : null}
        {accountLabel ? <span className="muted"> · {t('models.pinned', { account: accountLabel })}</span> : null}
      </p>
      <p className="muted">{modelExplanationText(t, resolution)}</p>
    </div>
  );
}
