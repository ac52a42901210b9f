import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type KeyboardEvent } from 'react';
import type { RequestLogEntry } from '../../shared/domain/request-log';
import { useT } from '../hooks/use-t';
import { formatMs, formatStamp } from '../lib/format';
import { RequestStatusBadge } from './StatusBadge';

const ROW_HEIGHT = 34;

export interface LogListProps {
  /** Oldest first (as cached); shown newest first. */
  entries: readonly RequestLogEntry[];
  selectedId: string | null;
  onSelect(id: string): void;
  label: string;
  locale: string;
  emptyText: string;
}

interface LogRowProps {
  entry: RequestLogEntry;
  selected: boolean;
  top: number;
  locale: string;
  onSelect(id: string): void;
}

/** Memoised: while scrolling, rows that stay in view are not rendered again. */
const LogRow = memo(function LogRow({ entry, selected, top, locale, onSelect }: LogRowProps) {
  const t = useT();
  return (
    <div
      id={`log-${entry.id}`}
      role="option"
      aria-selected={selected}
      className={selected ? 'log-row selected' : 'log-row'}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(entry.id)}
      data-log-id={entry.id}
    >
      <span className="log-time">{formatStamp(entry.time, locale)}</span>
      <RequestStatusBadge status={entry.status} />
      <span className="log-dialect">{entry.dialect}</span>
      <span className="log-model" title={entry.resolvedModel ?? ''}>
        {entry.clientModel}
      </span>
      <span className="log-account">{entry.accountLabel ?? '—'}</span>
      <span className="log-latency">{formatMs(entry.latencyMs)}</span>
      <span className={entry.attempts.length > 1 ? 'log-attempts retried' : 'log-attempts'}>
        {t(entry.attempts.length === 1 ? 'logs.attemptsOne' : 'logs.attemptsCount', { n: entry.attempts.length })}
      </span>
    </div>
  );
});

/** Column names over the rows, on the same grid. */
function LogHeader() {
  const t = useT();
  return (
    <div className="log-row log-head" aria-hidden="true">
      <span>{t('logs.col.time')}</span>
      <span>{t('logs.status')}</span>
      <span className="log-dialect">{t('logs.dialect')}</span>
      <span>{t('logs.model')}</span>
      <span className="log-account">{t('logs.account')}</span>
      <span>{t('logs.latency')}</span>
      <span>{t('logs.attempts')}</span>
    </div>
  );
}

/** Only the visible rows are in the DOM, so 100,000 entries scroll like 100. */
export function LogList({ entries, selectedId, onSelect, label, locale, emptyText }: LogListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = entries.length;
  const at = (index: number): RequestLogEntry | undefined => entries[count - 1 - index];
  // The app does not use the React Compiler, so the virtualizer's unmemoizable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => at(index)?.id ?? index,
  });

  // Memoised: the list re-renders on every scroll frame and the search is linear.
  const selectedIndex = useMemo(() => (selectedId ? entries.findLastIndex((e) => e.id === selectedId) : -1), [entries, selectedId]);
  const selectedRow = selectedIndex < 0 ? -1 : count - 1 - selectedIndex;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || count === 0) return;
    event.preventDefault();
    const next = Math.min(count - 1, Math.max(0, selectedRow + step));
    const entry = at(next);
    if (entry) {
      onSelect(entry.id);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    }
  };

  if (count === 0) return <p className="empty">{emptyText}</p>;
  return (
    <div className="log-table">
      <LogHeader />
      <div
        ref={scrollRef}
        className="log-list"
        role="listbox"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={selectedId ? `log-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="log-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = at(item.index);
            if (!entry) return null;
            return <LogRow key={item.key} entry={entry} selected={entry.id === selectedId} top={item.start} locale={locale} onSelect={onSelect} />;
          })}
        </div>
      </div>
    </div>
  );
}
