import { useState } from 'react';
import { OPEN_KEY_KINDS, REGIONS, type OpenKeyKind, type Region } from '../../shared/domain/account';
import { useT } from '../hooks/use-t';
import { useAccountsStore } from '../stores/accounts-store';
import { ImportResults } from './ImportResults';
import { TextWithCode } from './TextWithCode';

/** Adds MiniMax Open Platform API keys (one per line, `cn:`/`intl:` prefixes allowed) next to web accounts. */
export function AddApiKeys() {
  const t = useT();
  const [text, setText] = useState('');
  const [region, setRegion] = useState<Region>('cn');
  const [keyKind, setKeyKind] = useState<OpenKeyKind>('pay-as-you-go');
  const importing = useAccountsStore((s) => s.importing);
  const result = useAccountsStore((s) => (s.importProvider === 'minimax-open' ? s.importResult : null));
  const submit = async (): Promise<void> => {
    const done = await useAccountsStore.getState().importText(text, region, { provider: 'minimax-open', keyKind });
    if (done && done.failed === 0) setText('');
  };
  return (
    <section className="card" aria-label={t('acc.apiKey.add')}>
      <h3>{t('acc.apiKey.add')}</h3>
      <p className="muted small">
        <TextWithCode text={t('acc.apiKey.hint')} code={{ cn: 'cn:', intl: 'intl:' }} />
      </p>
      <div className="row">
        <label>
          {t('acc.region')}
          <select value={region} onChange={(e) => setRegion(e.target.value as Region)}>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`acc.apiKey.region.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('acc.apiKey.kind')}
          <select value={keyKind} onChange={(e) => setKeyKind(e.target.value as OpenKeyKind)}>
            {OPEN_KEY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`acc.apiKey.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="stack">
        {t('acc.apiKey.paste')}
        <textarea rows={2} value={text} placeholder="sk-…" onChange={(e) => setText(e.target.value)} spellCheck={false} autoComplete="off" />
      </label>
      <div className="row">
        <button type="button" className="button primary" disabled={importing || text.trim() === ''} onClick={() => void submit()}>
          {importing ? t('acc.importing') : t('acc.import')}
        </button>
      </div>
      {result ? <ImportResults result={result} /> : null}
    </section>
  );
}
