import type { LogDialect, RequestLogEntry, RequestStatus } from '../../shared/domain/request-log';

export interface LogFilters {
  status: RequestStatus | 'all';
  model: string;
  accountId: string;
  dialect: LogDialect | 'all';
  text: string;
}

export const EMPTY_LOG_FILTERS: LogFilters = { status: 'all', model: '', accountId: '', dialect: 'all', text: '' };

export function hasActiveFilters(filters: LogFilters): boolean {
  return filters.status !== 'all' || filters.dialect !== 'all' || filters.model !== '' || filters.accountId !== '' || filters.text.trim() !== '';
}

function matchesText(entry: RequestLogEntry, needle: string): boolean {
  const fields = [entry.id, entry.clientModel, entry.resolvedModel, entry.accountLabel, entry.endpoint, entry.errorCode, entry.errorMessage, entry.upstreamChatId];
  return fields.some((field) => field !== null && field.toLowerCase().includes(needle));
}

/** Returns the entries (oldest first, as stored) that match every active filter. */
export function filterLogs(entries: readonly RequestLogEntry[], filters: LogFilters): readonly RequestLogEntry[] {
  if (!hasActiveFilters(filters)) return entries;
  const needle = filters.text.trim().toLowerCase();
  const model = filters.model.toLowerCase();
  return entries.filter(
    (entry) =>
      (filters.status === 'all' || entry.status === filters.status) &&
      (filters.dialect === 'all' || entry.dialect === filters.dialect) &&
      (filters.accountId === '' || entry.accountId === filters.accountId || entry.attempts.some((a) => a.accountId === filters.accountId)) &&
      (model === '' || entry.clientModel.toLowerCase() === model || (entry.resolvedModel ?? '').toLowerCase() === model) &&
      (needle === '' || matchesText(entry, needle)),
  );
}

/** Distinct model names seen in the entries, for the model filter's choices. */
export function listModels(entries: readonly RequestLogEntry[]): string[] {
  const names = new Set<string>();
  for (const entry of entries) {
    names.add(entry.clientModel);
    if (entry.resolvedModel) names.add(entry.resolvedModel);
  }
  return [...names].sort();
}
