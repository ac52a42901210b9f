import type { ModelMapping, ModelMappingInput } from '../../shared/domain/model-mapping';
import type { MessageKey } from './i18n';

const PATTERN = /^[A-Za-z0-9._\-:/*]+$/;

export function isWildcard(pattern: string): boolean {
  return pattern.includes('*');
}

/**
 * Checks an alias before it is sent, so the form can say what is wrong in the user's language;
 * the relay validates again (zod) and its error is shown too.
 */
export function validateAlias(input: ModelMappingInput, existing: readonly ModelMapping[], catalogIds: readonly string[], editingId?: string): { pattern?: MessageKey; target?: MessageKey } {
  const errors: { pattern?: MessageKey; target?: MessageKey } = {};
  const pattern = input.pattern.trim();
  if (pattern === '') errors.pattern = 'models.patternRequired';
  else if (!PATTERN.test(pattern)) errors.pattern = 'models.patternInvalid';
  else if (existing.some((m) => m.id !== editingId && m.pattern.toLowerCase() === pattern.toLowerCase())) errors.pattern = 'models.patternDuplicate';
  if (input.target.trim() === '' || (catalogIds.length > 0 && !catalogIds.includes(input.target))) errors.target = 'models.targetRequired';
  return errors;
}
