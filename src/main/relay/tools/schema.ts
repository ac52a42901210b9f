/**
 * Argument checking for recovered tool calls: coercion by the declared JSON Schema type (the
 * native syntax carries every value as text) and validation with ajv. Validators are compiled
 * once per distinct schema and cached, since agents resend the same tool list on every turn.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { RelayError } from '../../../shared/errors';
import type { CanonicalRequest, JsonSchema } from '../canonical';
import { parseLooseJson } from './repair';

const MAX_CACHED_VALIDATORS = 500;
const MAX_COERCE_DEPTH = 16;
/**
 * Deepest nesting (objects and arrays) a tool schema or tool-call arguments may have. Real schemas
 * stay far below; the prompt builder, the validator compiler and the estimators recurse, and a
 * schema thousands of levels deep would overflow the stack instead of getting a 400.
 */
export const MAX_TOOL_JSON_DEPTH = 100;

export interface ArgumentCheck {
  ok: boolean;
  /** First validation problem, for the warning log. */
  problem?: string;
}

export interface SchemaValidator {
  check(schema: JsonSchema, value: unknown): ArgumentCheck;
}

/**
 * Compiles client JSON Schemas with ajv, once per distinct schema (bounded cache). A schema ajv
 * cannot compile yields null: it is the client's, and the caller lets the value through unchecked.
 * Shared by tool-argument checks and structured output.
 */
export function createSchemaCompiler(options: { allErrors: boolean; maxCached: number; onCompileError: (message: string) => void }): (schema: JsonSchema) => ValidateFunction | null {
  // Built on the first schema, not at start-up: an Ajv instance compiles its meta-schemas when made.
  let ajv: Ajv | null = null;
  const instance = (): Ajv => {
    if (ajv) return ajv;
    // strict off: client schemas carry vendor keywords (and draft variants) that must not fail the call.
    ajv = new Ajv({ strict: false, allErrors: options.allErrors, validateFormats: true });
    addFormats(ajv);
    return ajv;
  };
  const cache = new Map<string, ValidateFunction | null>();
  return (schema) => {
    const key = JSON.stringify(schema);
    if (cache.has(key)) return cache.get(key) ?? null;
    let validate: ValidateFunction | null = null;
    try {
      // `$schema` pointing at a draft ajv does not bundle (e.g. 2020-12) would make compile throw.
      const { $schema: _ignored, $id: _id, ...rest } = schema;
      validate = instance().compile(rest);
    } catch (error) {
      options.onCompileError(error instanceof Error ? error.message : String(error));
    }
    if (cache.size >= options.maxCached) cache.delete(cache.keys().next().value as string);
    cache.set(key, validate);
    return validate;
  };
}

export function createSchemaValidator(onCompileError: (message: string) => void): SchemaValidator {
  const compile = createSchemaCompiler({ allErrors: false, maxCached: MAX_CACHED_VALIDATORS, onCompileError });

  return {
    check(schema, value) {
      if (!isPlainObject(value)) return { ok: false, problem: 'arguments are not an object' };
      const validate = compile(schema);
      if (!validate) return { ok: true };
      if (validate(value)) return { ok: true };
      const first = validate.errors?.[0];
      return { ok: false, problem: first ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}` : 'invalid' };
    },
  };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function schemaTypes(schema: unknown): string[] {
  if (!isPlainObject(schema)) return [];
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** The schema of a property of an object schema, if declared. */
export function propertySchema(schema: unknown, name: string): unknown {
  if (!isPlainObject(schema) || !isPlainObject(schema.properties)) return undefined;
  return schema.properties[name];
}

/** True when the schema allows only strings (the raw text of a native parameter is then the value). */
export function isStringOnly(schema: unknown): boolean {
  const types = schemaTypes(schema);
  return types.length > 0 && types.every((t) => t === 'string');
}

/** Converts a value towards the schema's type where the conversion is unambiguous. */
export function coerceToSchema(value: unknown, schema: unknown, depth = 0): unknown {
  if (depth > MAX_COERCE_DEPTH || !isPlainObject(schema)) return value;
  const types = schemaTypes(schema);
  let result = value;
  if (typeof value === 'string' && types.length > 0 && !types.includes('string')) {
    result = coerceString(value, types);
  } else if (typeof value !== 'string' && value !== null && types.length === 1 && types[0] === 'string' && typeof value !== 'object') {
    result = String(value);
  }
  if (isPlainObject(result) && isPlainObject(schema.properties)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(result)) out[key] = coerceToSchema(item, schema.properties[key], depth + 1);
    return out;
  }
  if (Array.isArray(result) && isPlainObject(schema.items)) {
    return result.map((item) => coerceToSchema(item, schema.items, depth + 1));
  }
  return result;
}

function coerceString(value: string, types: string[]): unknown {
  const trimmed = value.trim();
  if ((types.includes('number') || types.includes('integer')) && trimmed !== '' && Number.isFinite(Number(trimmed))) {
    return Number(trimmed);
  }
  if (types.includes('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (types.includes('null') && trimmed === 'null') return null;
  if (types.includes('object') || types.includes('array')) {
    const parsed = parseLooseJson(trimmed);
    if (parsed !== undefined) return parsed;
  }
  return value;
}

/** True when `value` nests objects/arrays deeper than `limit`; iterative, so any depth is safe to ask about. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { item: unknown; depth: number }[] = [{ item: value, depth: 0 }];
  while (stack.length > 0) {
    const { item, depth } = stack.pop() as { item: unknown; depth: number };
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push({ item: child, depth: depth + 1 });
  }
  return false;
}

/** Refuses (400 in every dialect) tool schemas and earlier tool-call arguments nested past the limit. */
export function assertToolJsonBounded(request: CanonicalRequest): void {
  for (const tool of request.tools ?? []) {
    if (nestsDeeperThan(tool.parameters, MAX_TOOL_JSON_DEPTH)) {
      throw new RelayError('invalid_request', `The schema of tool "${tool.name.slice(0, 64)}" is nested deeper than ${MAX_TOOL_JSON_DEPTH} levels.`, { field: 'tools' });
    }
  }
  for (const message of request.messages) {
    for (const call of message.toolCalls ?? []) {
      if (nestsDeeperThan(call.arguments, MAX_TOOL_JSON_DEPTH)) {
        throw new RelayError('invalid_request', `The arguments of an earlier call to "${call.name.slice(0, 64)}" are nested deeper than ${MAX_TOOL_JSON_DEPTH} levels.`, { field: 'messages' });
      }
    }
  }
}
