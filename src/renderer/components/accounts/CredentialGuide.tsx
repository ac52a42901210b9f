import type { Region } from '../../../shared/domain/account';
import { useT } from '../../hooks/use-t';
import { AGENT_SITES, CREDENTIAL_SNIPPET } from '../../lib/credential-snippet';
import { CopyButton } from '../CopyButton';

/**
 * How to get a credential from the MiniMax Agent site of a region, by hand: numbered steps and a
 * console one-liner that copies a ready credential. Open by default while there are no accounts.
 */
export function CredentialGuide({ region, open }: { region: Region; open: boolean }) {
  const t = useT();
  const site = AGENT_SITES[region];
  return (
    <details className="credential-guide" open={open} data-testid="credential-guide">
      <summary>{t('guide.title', { site })}</summary>
      <ol className="steps">
        <li>
          {t('guide.step.open')}{' '}
          <a href={site} target="_blank" rel="noreferrer">
            {site}
          </a>
        </li>
        <li>{t('guide.step.console')}</li>
        <li>
          {t('guide.step.snippet')}
          <div className="snippet-line">
            <code>{CREDENTIAL_SNIPPET}</code>
            <CopyButton value={CREDENTIAL_SNIPPET} label={t('guide.snippetLabel')} />
          </div>
        </li>
        <li>{t('guide.step.paste')}</li>
      </ol>
      <p className="muted small">{t('guide.manual')}</p>
    </details>
  );
}
