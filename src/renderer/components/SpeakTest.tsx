import { useEffect, useMemo, useState } from 'react';
import { useT } from '../hooks/use-t';
import { useSpeechStore } from '../stores/speech-store';
import { ErrorNotice } from './ErrorNotice';

const VOICES = ['alloy', 'ash', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer'] as const;

/** Audio from base64 as a blob: URL (the page's CSP allows media from blob:), revoked when replaced. */
function useAudioUrl(audio: string | null | undefined, type: string | null | undefined): string | null {
  const url = useMemo(() => {
    if (!audio) return null;
    const bytes = Uint8Array.from(atob(audio), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: type ?? 'audio/mpeg' }));
  }, [audio, type]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/** "Speak": a short text through the relay's /v1/audio/speech (API-key accounts), played here. */
export function SpeakTest() {
  const t = useT();
  const [text, setText] = useState(() => t('connect.speak.sample'));
  const [voice, setVoice] = useState<string>('alloy');
  const speaking = useSpeechStore((s) => s.speaking);
  const result = useSpeechStore((s) => s.result);
  const error = useSpeechStore((s) => s.error);
  const url = useAudioUrl(result?.ok ? result.audio : null, result?.contentType);
  return (
    <section className="card speak-test" aria-label={t('connect.speak.title')}>
      <div className="row spread">
        <strong>{t('connect.speak.title')}</strong>
        <button type="button" className="button small" disabled={speaking || text.trim() === ''} onClick={() => void useSpeechStore.getState().speak({ text, voice, format: 'mp3' })}>
          {speaking ? t('connect.speak.speaking') : t('connect.speak.button')}
        </button>
      </div>
      <p className="muted small">{t('connect.speak.hint')}</p>
      <div className="row">
        <input type="text" value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} aria-label={t('connect.speak.text')} />
        <select value={voice} onChange={(e) => setVoice(e.target.value)} aria-label={t('connect.speak.voice')}>
          {VOICES.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
      {result ? (
        <div role="status" data-testid="speak-result" data-ok={result.ok}>
          <p className="muted small">{t('connect.reply', { ms: result.latencyMs, status: result.status })}</p>
          {url ? <audio controls autoPlay src={url} /> : <ErrorNotice compact error={result.error} />}
        </div>
      ) : null}
      <ErrorNotice compact error={error} />
    </section>
  );
}
