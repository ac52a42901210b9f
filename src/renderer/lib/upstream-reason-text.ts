/**
 * The upstream's reason (shared/domain/upstream-reason.ts) in the UI language. Region and body
 * parameters are named in the UI language too; a code this UI does not know shows the relay's
 * own English text, which is always kept next to the code.
 */
import type { UpstreamReasonParams } from '../../shared/domain/upstream-reason';
import { en, type MessageKey } from '../locales/en';
import type { Translate } from './i18n';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

function localizedParams(t: Translate, params: UpstreamReasonParams): UpstreamReasonParams {
  const out: UpstreamReasonParams = { ...params };
  for (const name of ['region', 'body', 'scope'] as const) {
    const key = `reason.${name}.${String(params[name])}`;
    if (params[name] !== undefined && isMessageKey(key)) out[name] = t(key);
  }
  // A reason about every account names no narrower scope.
  if (params['scope'] === 'all') out['scope'] = '';
  return out;
}

/** The translated reason, or `fallback` (the English text) when the code is missing or unknown. */
export function upstreamReasonText(t: Translate, code: string | null | undefined, params: UpstreamReasonParams | null | undefined, fallback: string): string {
  if (!code) return fallback;
  const key = `reason.${code}`;
  if (!isMessageKey(key)) return fallback;
  return t(key, localizedParams(t, params ?? {}));
}
