import type { AccountStatus } from '../../shared/domain/account';
import type { RequestStatus } from '../../shared/domain/request-log';
import { useT } from '../hooks/use-t';

const TONE: Record<AccountStatus | RequestStatus, 'ok' | 'warn' | 'bad' | 'muted' | 'info'> = {
  active: 'ok',
  success: 'ok',
  disabled: 'muted',
  aborted: 'muted',
  expired: 'bad',
  invalid: 'bad',
  error: 'bad',
  cooling: 'warn',
  exhausted: 'warn',
  pending: 'info',
  streaming: 'info',
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const t = useT();
  return <span className={`badge ${TONE[status]}`}>{t(`status.${status}`)}</span>;
}

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const t = useT();
  return <span className={`badge ${TONE[status]}`}>{t(`logs.st.${status}`)}</span>;
}
