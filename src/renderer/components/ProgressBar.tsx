import type { ProgressEvent } from '../../shared/contract';
import { useT } from '../hooks/use-t';

/** Determinate when a progress event is known, indeterminate while waiting for the first one. */
export function ProgressBar({ label, event }: { label: string; event?: ProgressEvent | null | undefined }) {
  const t = useT();
  const determinate = event && event.total > 0;
  return (
    <div className="progress" role="status" aria-live="polite">
      <span className="progress-label">
        {label}
        {determinate ? ` ${t('progress.label', { done: event.done, total: event.total })}` : ''}
        {event?.message ? ` · ${event.message}` : ''}
      </span>
      {determinate ? <progress aria-label={label} max={event.total} value={event.done} /> : <progress aria-label={label} />}
    </div>
  );
}
