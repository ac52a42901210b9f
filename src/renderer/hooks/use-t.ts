import { useCallback, useEffect, useState } from 'react';
import type { Language } from '../../shared/domain/settings';
import type { ErrorCode } from '../../shared/errors';
import { errorTitleFor, nextStepFor, translate, type MessageKey, type Translate, type Vars } from '../lib/i18n';
import { useUiStore } from '../stores/ui-store';

export function useLanguage(): Language {
  return useUiStore((s) => s.language);
}

export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key: MessageKey, vars?: Vars) => translate(language, key, vars), [language]);
}

export function useNextStep(): (code: ErrorCode) => string {
  const language = useLanguage();
  return useCallback((code: ErrorCode) => nextStepFor(language, code), [language]);
}

export function useErrorTitle(): (code: ErrorCode) => string {
  const language = useLanguage();
  return useCallback((code: ErrorCode) => errorTitleFor(language, code), [language]);
}

/** The current time, refreshed every `intervalMs` (countdowns). */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
