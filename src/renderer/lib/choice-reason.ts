import type { ChoiceReasonPart, RequestAttempt } from '../../shared/domain/request-log';
import type { Translate } from './i18n';
import { providerName } from './provider-name';

function partText(t: Translate, part: ChoiceReasonPart): string {
  switch (part.code) {
    case 'pinned_alias':
      return t('logs.why.pinned_alias', { alias: part.params.alias });
    case 'pinned_request':
      return t('logs.why.pinned_request');
    case 'least_busy':
      return t('logs.why.least_busy', { busy: part.params.busy, max: part.params.max });
    case 'credits_left':
      return t('logs.why.credits_left', { remaining: part.params.remaining });
    case 'credits_unknown':
      return t('logs.why.credits_unknown');
    case 'only_healthy':
      return t('logs.why.only_healthy');
    case 'provider_fallback':
      return t('logs.why.provider_fallback', {
        provider: providerName(t, part.params.provider),
        preferred: providerName(t, part.params.preferred),
      });
  }
}

/**
 * Why the pool chose an attempt's account, in the UI language. Entries logged before reasons had
 * codes keep only the relay's English text, which is then shown as it is.
 */
export function choiceReasonText(t: Translate, attempt: Pick<RequestAttempt, 'reason' | 'reasonParts'>): string {
  if (!attempt.reasonParts || attempt.reasonParts.length === 0) return attempt.reason;
  return attempt.reasonParts.map((part) => partText(t, part)).join(t('logs.why.separator'));
}
