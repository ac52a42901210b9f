import type { Translate } from './i18n';

/** A span as the largest two units (`2h 5m`, `3d 4h`, `45s`). */
export function formatSpan(ms: number, t: Translate): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return t('time.s', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('time.m', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('time.h', { n: hours, m: minutes % 60 });
  return t('time.d', { n: Math.floor(hours / 24), h: hours % 24 });
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatPercent(ratio: number | null): string {
  if (ratio === null) return '—';
  return `${(ratio * 100).toFixed(ratio >= 0.999 || ratio === 0 ? 0 : 1)}%`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** HH:MM:SS. The formatter is cached: the log list formats a row per frame while scrolling. */
export function formatClock(time: number, locale: string): string {
  let format = clockFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    clockFormats.set(locale, format);
  }
  return format.format(time);
}

export function formatDateTime(time: number, locale: string): string {
  return new Date(time).toLocaleString(locale, { hour12: false });
}

export type ExpiryState = { kind: 'unknown' } | { kind: 'valid'; remainingMs: number } | { kind: 'expired'; agoMs: number };

export function toExpiryState(expiresAt: number | null, now: number): ExpiryState {
  if (expiresAt === null) return { kind: 'unknown' };
  return expiresAt > now ? { kind: 'valid', remainingMs: expiresAt - now } : { kind: 'expired', agoMs: now - expiresAt };
}

const stampFormats = new Map<string, Intl.DateTimeFormat>();

/** MM/DD HH:MM:SS (locale order): the log list spans days, so a bare clock time is ambiguous. */
export function formatStamp(time: number, locale: string): string {
  let format = stampFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    stampFormats.set(locale, format);
  }
  return format.format(time);
}
