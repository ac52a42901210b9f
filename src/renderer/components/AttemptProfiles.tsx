import type { ProfileAttempt } from '../../shared/domain/request-log';
import { useT } from '../hooks/use-t';

/** The request profiles a MiniMax web attempt tried for send_msg, and why each was left. */
export function AttemptProfiles({ profiles }: { profiles: ProfileAttempt[] | undefined }) {
  const t = useT();
  if (!profiles || profiles.length === 0) return null;
  return (
    <ul className="attempt-profiles" aria-label={t('logs.profiles')}>
      {profiles.map((profile) => (
        <li key={profile.profile}>
          <code>{profile.profile}</code>{' '}
          {/* An accepted profile's reason only repeats its outcome. */}
          {profile.outcome === 'accepted'
            ? t('logs.profile.accepted')
            : t('logs.profileOutcome', { outcome: t(`logs.profile.${profile.outcome}`), reason: profile.reason })}
        </li>
      ))}
    </ul>
  );
}
