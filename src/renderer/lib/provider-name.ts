import { isBuiltInProviderKind, type ProviderKind } from '../../shared/domain/account';
import type { Translate } from './i18n';

/**
 * A provider's name in the UI language: the translated label of a provider the app ships, else
 * the label its module declares (from an account summary), else its id.
 */
export function providerName(t: Translate, kind: ProviderKind, declaredLabel?: string): string {
  return isBuiltInProviderKind(kind) ? t(`acc.provider.${kind}`) : (declaredLabel ?? kind);
}
