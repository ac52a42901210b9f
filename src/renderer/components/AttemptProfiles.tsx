import type { ProfileAttempt } from '../../shared/domain/request-log';
import { isErrorCode, type ErrorCode } from '../../shared/errors';
import { useErrorTitle, useT } from '../hooks/use-t';
import type { Translate } from '../lib/i18n';

/** The reason in the UI's language: by code when the server gave one, a failure by its error title. */
export function profileReasonText(profile: ProfileAttempt, t: Translate, errorTitle: (code: ErrorCode) => string): string {
  if (profile.reasonCode) {
    const body = profile.reasonParams?.['body'];
    // The body's kind (empty, JSON…) is named in the UI language too.
    const params = body === 'empty' || body === 'json' || body === 'html' || body === 'text' ? { ...profile.reasonParams, body: t(`reason.body.${body}`) } : profile.reasonParams;
    return t(`logs.profileReason.${profile.reasonCode}`, params);
  }
  if (profile.outcome === 'failed' && isErrorCode(profile.reason)) return errorTitle(profile.reason);
  return profile.reason;
}

/** The request profiles a MiniMax web attempt tried for send_msg, and why each was left. */
export function AttemptProfiles({ profiles }: { profiles: ProfileAttempt[] | undefined }) {
  const t = useT();
  const errorTitle = useErrorTitle();
  if (!profiles || profiles.length === 0) return null;
  return (
    <ul className="attempt-profiles" aria-label={t('logs.profiles')}>
      {profiles.map((profile) => (
        <li key={profile.profile}>
          <code>{profile.profile}</code>{' '}
          {/* An accepted profile's reason only repeats its outcome. */}
          {profile.outcome === 'accepted'
            ? t('logs.profile.accepted')
            : t('logs.profileOutcome', { outcome: t(`logs.profile.${profile.outcome}`), reason: profileReasonText(profile, t, errorTitle) })}
        </li>
      ))}
    </ul>
  );
}
