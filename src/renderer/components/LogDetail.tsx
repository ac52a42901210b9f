import type { RequestAttempt, RequestLogEntry } from '../../shared/domain/request-log';
import { useErrorTitle, useNextStep, useT } from '../hooks/use-t';
import { choiceReasonText } from '../lib/choice-reason';
import { formatDateTime, formatMs } from '../lib/format';
import { ErrorDetail, ErrorNotice, type UpstreamReasonRef } from './ErrorNotice';
import { LogAttachments } from './LogAttachments';
import { RequestStatusBadge } from './StatusBadge';
import { AttemptProfiles } from './AttemptProfiles';

/** The upstream reason a log entry or attempt kept with its error, if any. */
function reasonOf(item: Pick<RequestAttempt, 'errorReasonCode' | 'errorReasonParams'>): UpstreamReasonRef | null {
  return item.errorReasonCode ? { code: item.errorReasonCode, params: item.errorReasonParams ?? {} } : null;
}

function Attempt({ attempt, index, locale }: { attempt: RequestAttempt; index: number; locale: string }) {
  const t = useT();
  const nextStep = useNextStep();
  const errorTitle = useErrorTitle();
  const duration = attempt.endedAt === null ? null : attempt.endedAt - attempt.startedAt;
  return (
    <li className={`attempt ${attempt.outcome ?? 'running'}`}>
      <div className="attempt-head">
        <strong>
          {index + 1}. {attempt.accountLabel}
        </strong>
        <span className={`badge ${attempt.outcome === 'success' ? 'ok' : attempt.outcome === null ? 'info' : 'warn'}`}>
          {t(`logs.outcome.${attempt.outcome ?? 'running'}`)}
        </span>
        <span className="muted">
          {formatDateTime(attempt.startedAt, locale)} · {formatMs(duration)}
        </span>
      </div>
      <div className="attempt-reason">{t('logs.attemptReason', { reason: choiceReasonText(t, attempt) })}</div>
      <AttemptProfiles profiles={attempt.profiles} />
      {attempt.errorCode ? (
        <div className="attempt-error">
          <code>{attempt.errorCode}</code> {errorTitle(attempt.errorCode)} {t('error.next', { step: nextStep(attempt.errorCode) })}{' '}
          {attempt.errorMessage ? (
            <ErrorDetail message={attempt.errorMessage} reason={reasonOf(attempt)} />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function Body({ title, body }: { title: string; body: string | null }) {
  if (body === null) return null;
  return (
    <details className="body-block">
      <summary>{title}</summary>
      <pre>{body}</pre>
    </details>
  );
}

export function LogDetail({ entry, locale }: { entry: RequestLogEntry; locale: string }) {
  const t = useT();
  const rows: [string, string][] = [
    [t('logs.latency'), formatMs(entry.latencyMs)],
    [t('logs.ttft'), formatMs(entry.ttftMs)],
    [t('logs.queueWait'), formatMs(entry.queueWaitMs)],
    [t('logs.polls'), entry.polls === null ? '—' : String(entry.polls)],
    [
      t('logs.tokens'),
      `${t('logs.tokensValue', { input: entry.inputTokens ?? '—', output: entry.outputTokens ?? '—' })}${entry.tokensEstimated ? ` ${t('logs.estimated')}` : ''}`,
    ],
    [t('logs.toolCalls'), String(entry.toolCalls)],
    [t('logs.chatId'), entry.upstreamChatId ?? '—'],
  ];
  return (
    <article className="log-detail" aria-label={t('logs.detail')} data-testid="log-detail">
      <header>
        <RequestStatusBadge status={entry.status} />
        <code>{entry.endpoint}</code>
        {entry.stream ? <span className="badge info">{t('logs.stream')}</span> : null}
        {entry.httpStatus !== null ? <span className="muted">HTTP {entry.httpStatus}</span> : null}
      </header>
      <p className="detail-model">
        <strong>{entry.clientModel}</strong>
        {entry.resolvedModel && entry.resolvedModel !== entry.clientModel ? ` → ${entry.resolvedModel}` : ''}
        <span className="muted detail-meta">
          {formatDateTime(entry.time, locale)} · {entry.id}
        </span>
      </p>
      {entry.errorCode ? (
        <ErrorNotice compact error={{ code: entry.errorCode, message: entry.errorMessage ?? '' }} reason={reasonOf(entry)} />
      ) : null}
      <h4>{t('logs.attempts')}</h4>
      <ol className="attempts">
        {entry.attempts.map((attempt, index) => (
          <Attempt key={`${attempt.accountId}-${attempt.startedAt}`} attempt={attempt} index={index} locale={locale} />
        ))}
      </ol>
      <h4>{t('logs.timings')}</h4>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <LogAttachments attachments={entry.attachments} locale={locale} />
      <Body title={t('logs.requestBody')} body={entry.requestBody} />
      <Body title={t('logs.responseBody')} body={entry.responseBody} />
      {entry.requestBody === null && entry.responseBody === null ? <p className="muted small">{t('logs.noBodies')}</p> : null}
    </article>
  );
}
