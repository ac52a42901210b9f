import { useEffect, type ReactNode } from 'react';
import { useT } from '../../hooks/use-t';
import { useThemeAndLanguage } from '../../hooks/use-theme-and-language';
import { useAuth } from '../../lib/api-instance';
import { SignInScreen } from './SignInScreen';

/**
 * Renders the app only once the relay has accepted this tab's token; no page loads before. The
 * theme and language apply here, so the sign-in screen follows them too.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const t = useT();
  useThemeAndLanguage();
  const phase = useAuth((s) => s.phase);
  useEffect(() => {
    if (useAuth.getState().phase === 'checking') void useAuth.getState().start();
  }, []);
  if (phase === 'signed-in') return <>{children}</>;
  if (phase === 'signed-out') return <SignInScreen />;
  return (
    <div className="sign-in" role="status">
      <span className="muted">{t('conn.connecting')}</span>
    </div>
  );
}
