import { useLanguage, useT } from '../../hooks/use-t';
import { formatClock } from '../../lib/format';
import { useRelayStore } from '../../stores/relay-store';

/**
 * The event stream is down (the relay restarted or stopped): what the pages show may be stale, so
 * say so plainly, from when, and offer a reload; a quiet "reconnecting…" badge hid it.
 */
export function ConnectionLost() {
  const t = useT();
  const language = useLanguage();
  const connection = useRelayStore((s) => s.connection);
  const since = useRelayStore((s) => s.lostAt);
  if (connection !== 'reconnecting' || since === null) return null;
  return (
    <div className="connection-lost" role="alert">
      <span>{t('conn.lost', { time: formatClock(since, language) })}</span>
      <button type="button" className="button small" onClick={() => window.location.reload()}>
        {t('conn.reload')}
      </button>
    </div>
  );
}
