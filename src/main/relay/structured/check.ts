/**
 * Checks a finished reply against the requested format: fences and prose around the JSON are
 * stripped and common slips repaired deterministically (the tool layer's bounded repair), then the
 * value is validated with ajv. Validators are cached per schema: clients resend the same one.
 */
import type { ErrorObject } from 'ajv';
import type { ResponseFormat } from '../canonical';
import { parseLooseJson } from '../tools/repair';
import { createSchemaCompiler } from '../tools/schema';

const MAX_CACHED_VALIDATORS = 200;
const MAX_PROBLEMS = 5;

export type FormatCheck =
  /** `json`: the value re-serialised, which is what the client receives. */
  | { ok: true; json: string }
  | { ok: false; problems: string[] };

export interface FormatChecker {
  check(format: ResponseFormat, text: string): FormatCheck;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  const extra = error.keyword === 'additionalProperties' ? ` ('${String((error.params as { additionalProperty?: unknown }).additionalProperty)}')` : '';
  return `${where} ${error.message ?? 'is invalid'}${extra}`;
}

export function createFormatChecker(onCompileError: (message: string) => void): FormatChecker {
  const compile = createSchemaCompiler({ allErrors: true, maxCached: MAX_CACHED_VALIDATORS, onCompileError });

  return {
    check(format, text) {
      const value = parseLooseJson(text);
      if (value === undefined) return { ok: false, problems: ['the reply is not JSON'] };
      if (format.type === 'json') {
        const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
        return format.objectOnly && !isObject ? { ok: false, problems: ['the reply is JSON but not an object'] } : { ok: true, json: JSON.stringify(value) };
      }
      const validate = compile(format.schema);
      // A schema ajv cannot compile is the client's; the JSON is still JSON, so it passes unchecked.
      if (!validate || validate(value)) return { ok: true, json: JSON.stringify(value) };
      return { ok: false, problems: (validate.errors ?? []).slice(0, MAX_PROBLEMS).map(describe) };
    },
  };
}
