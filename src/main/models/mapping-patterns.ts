import type { ModelMapping, ModelMappingInput } from '../../shared/domain/model-mapping';
import { RelayError } from '../../shared/errors';
import { catalogNames, findCatalogModel } from './catalog';

/** Characters seen in real model names (`gpt-4o-2024-08-06`, `models/gemini-1.5-pro`, `org/name:tag`). */
const PATTERN_SYNTAX = /^[A-Za-z0-9._:/@+\-*]+$/;

export function isWildcard(pattern: string): boolean {
  return pattern.includes('*');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&');
}

/** `*` matches any run of characters (also none); the match is case-insensitive and anchored. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 'i');
}

/** How specific a wildcard is: more literal text wins, then fewer `*`. */
export function specificity(pattern: string): { literal: number; stars: number } {
  const stars = pattern.split('*').length - 1;
  return { literal: pattern.length - stars, stars };
}

/**
 * Checks a mapping before it is stored: pattern syntax, a catalog target (normalised to its
 * catalog spelling) and no second mapping with the same pattern. Throws `invalid_request`.
 */
export function validateMappingInput(
  input: ModelMappingInput,
  existing: readonly ModelMapping[],
  options: { ignoreId?: string } = {},
): ModelMappingInput {
  const pattern = input.pattern.trim();
  if (!pattern || pattern.length > 200 || !PATTERN_SYNTAX.test(pattern)) {
    throw new RelayError('invalid_request', `"${pattern}" is not a valid model name pattern: use letters, digits, . _ - : / @ + and * as a wildcard.`, { field: 'pattern' });
  }
  if (pattern.includes('**')) {
    throw new RelayError('invalid_request', 'Use a single * for "any characters" (** is not allowed).', { field: 'pattern' });
  }
  const target = findCatalogModel(input.target);
  if (!target) {
    throw new RelayError('invalid_request', `"${input.target}" is not a catalog model. Valid names: ${catalogNames().join(', ')}.`, { field: 'target' });
  }
  if (findCatalogModel(pattern)) {
    throw new RelayError('invalid_request', `"${pattern}" is a catalog model name and always resolves to itself.`, { field: 'pattern' });
  }
  const duplicate = existing.find((mapping) => mapping.id !== options.ignoreId && mapping.pattern.toLowerCase() === pattern.toLowerCase());
  if (duplicate) {
    throw new RelayError('invalid_request', `A mapping for "${pattern}" already exists.`, { field: 'pattern', id: duplicate.id });
  }
  return { pattern, target: target.id, accountId: input.accountId ?? null, ...(input.routing !== undefined ? { routing: input.routing } : {}) };
}
