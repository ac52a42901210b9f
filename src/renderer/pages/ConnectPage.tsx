import { useState } from 'react';
import type { ClientDialect } from '../../shared/contract';
import { DIALECT_IDS } from '../../shared/domain/dialects';
import { CopyField } from '../components/CopyButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { SnippetCard } from '../components/SnippetCard';
import { ClientSteps } from '../components/connect/ClientSteps';
import { SpeakTest } from '../components/SpeakTest';
import { useT } from '../hooks/use-t';
import { useModelsStore } from '../stores/models-store';
import { buildSnippets, KEY_PLACEHOLDER } from '../lib/snippets';
import { useRelayStore } from '../stores/relay-store';
import { useSettingsStore } from '../stores/settings-store';

const DIALECTS: readonly ClientDialect[] = DIALECT_IDS;

function TestRequest({ dialect }: { dialect: ClientDialect }) {
  const t = useT();
  const testing = useRelayStore((s) => s.testing[dialect] ?? false);
  const result = useRelayStore((s) => s.testResults[dialect]);
  const error = useRelayStore((s) => s.testErrors[dialect]);
  return (
    <li className="card test-request" aria-label={t(`connect.dialect.${dialect}`)} data-dialect={dialect}>
      <div className="row spread">
        <strong>{t(`connect.dialect.${dialect}`)}</strong>
        <button type="button" className="button small" disabled={testing} onClick={() => void useRelayStore.getState().testRequest(dialect)}>
          {testing ? t('connect.testing') : t('connect.test')}
        </button>
      </div>
      {result ? (
        <div role="status" data-testid={`test-result-${dialect}`} data-ok={result.ok}>
          <p className="muted small">{t('connect.reply', { ms: result.latencyMs, status: result.status })}</p>
          {result.ok ? <blockquote>{result.text}</blockquote> : <ErrorNotice compact error={result.error} />}
        </div>
      ) : null}
      <ErrorNotice compact error={error} />
    </li>
  );
}

export function ConnectPage() {
  const t = useT();
  const status = useRelayStore((s) => s.status);
  const defaultModel = useSettingsStore((s) => s.settings?.models.defaultModel ?? 'MiniMax-M2.7');
  const [key, setKey] = useState<string | null>(null);
  const catalog = useModelsStore((s) => s.catalog);
  const [picked, setPicked] = useState<string | null>(null);
  // Every snippet uses the picked model; the relay's default until the user picks another.
  const model = picked ?? defaultModel;
  const baseUrl = status?.baseUrl ?? `http://${status?.host ?? '127.0.0.1'}:${status?.port ?? 8000}`;
  const snippets = buildSnippets(baseUrl, key ?? KEY_PLACEHOLDER, model);
  const createKey = async (): Promise<void> => {
    const created = await useSettingsStore.getState().createApiKey(`client-${new Date().toISOString().slice(0, 10)}`);
    if (created) setKey(created);
  };
  return (
    <div className="page connect">
      {status && !status.running ? <p className="notice">{t('connect.notRunning')}</p> : null}
      <section className="card" aria-label={t('connect.baseUrl')}>
        <div className="grid cols-2">
          <div>
            <h4>{t('connect.baseUrl')}</h4>
            <CopyField value={baseUrl} label={t('connect.baseUrl')} />
          </div>
          <div>
            <h4>{t('connect.key')}</h4>
            {key ? <CopyField value={key} label={t('connect.keyCreated')} /> : <p className="muted small">{t('connect.keyPlaceholder')}</p>}
            {key ? <p className="muted small">{t('set.keyShownOnce')}</p> : null}
            <button type="button" className="button small" onClick={() => void createKey()}>
              {t('connect.createKey')}
            </button>
          </div>
        </div>
      </section>
      <ul className="grid cols-3 tests">
        {DIALECTS.map((d) => (
          <TestRequest key={d} dialect={d} />
        ))}
      </ul>
      <SpeakTest />
      <ClientSteps baseUrl={baseUrl} model={model} />
      <label className="row model-picker">
        {t('connect.model')}
        <select value={model} onChange={(e) => setPicked(e.target.value)} data-testid="snippet-model">
          {[...new Set([defaultModel, ...catalog.map((m) => m.id)])].map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <div className="snippets">
        {snippets.map((snippet) => (
          <SnippetCard key={snippet.id} snippet={snippet} />
        ))}
      </div>
    </div>
  );
}
