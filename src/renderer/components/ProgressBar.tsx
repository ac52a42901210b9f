import type { ProgressEvent } from '../../shared/contract';
import { useErrorTitle, useT } from '../hooks/use-t';
import { progressText } from '../lib/progress-text';

/** Determinate when a progress event is known, indeterminate while waiting for the first one. */
export function ProgressBar({ label, event }: { label: string; event?: ProgressEvent | null | undefined }) {
  const t = useT();
  const errorTitle = useErrorTitle();
  const determinate = event && event.total > 0;
  return (
    <div className="progress" role="status" aria-live="polite">
      <span className="progress-label">
        {label}
        {determinate ? ` ${t('progress.label', { done: event.done, total: event.total })}` : ''}
        {event && (event.step || event.message) ? ` · ${progressText(event, t, errorTitle)}` : ''}
      </span>
      {determinate ? <progress aria-label={label} max={event.total} value={event.done} /> : <progress aria-label={label} />}
    </div>
  );
}
