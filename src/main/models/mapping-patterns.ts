import type { ModelMapping, ModelMappingInput } from '../../shared/domain/model-mapping';
import { RelayError } from '../../shared/errors';
import { catalogNames, findCatalogModel } from './catalog';

/** Characters seen in real model names (`gpt-4o-2024-08-06`, `models/gemini-1.5-pro`, `org/name:tag`). */
const PATTERN_SYNTAX = /^[A-Za-z0-9._:/@+\-*]+$/;

export function isWildcard(pattern: string): boolean {
  return pattern.includes('*');
}

/** Longest model name the relay resolves; longer names are refused before any matching. */
export const MAX_MODEL_NAME_LENGTH = 256;
/** Longest alias pattern (also checked when a mapping is saved). */
export const MAX_PATTERN_LENGTH = 200;

export interface PatternMatcher {
  test(name: string): boolean;
}

/**
 * `*` matches any run of characters (also none); the match is case-insensitive and anchored.
 * Not a regular expression: `a*b*c*…` compiled to `.*` groups backtracks exponentially on a long
 * name that almost matches. Placing each literal piece at its leftmost possible position after the
 * previous one is correct for `*`-only globs and takes one `indexOf` per piece.
 */
export function compilePattern(pattern: string): PatternMatcher {
  const pieces = pattern.toLowerCase().split('*');
  const first = pieces[0] ?? '';
  const last = pieces.length > 1 ? (pieces[pieces.length - 1] ?? '') : null;
  const middle = pieces.slice(1, -1);
  return {
    test(rawName) {
      const name = rawName.toLowerCase();
      if (last === null) return name === first;
      if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
      let at = first.length;
      const end = name.length - last.length;
      for (const piece of middle) {
        const found = name.indexOf(piece, at);
        if (found < 0 || found + piece.length > end) return false;
        at = found + piece.length;
      }
      return true;
    },
  };
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
  if (!pattern || pattern.length > MAX_PATTERN_LENGTH || !PATTERN_SYNTAX.test(pattern)) {
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
