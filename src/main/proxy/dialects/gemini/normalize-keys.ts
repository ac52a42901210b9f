/**
 * Google's API reads every request field in camelCase or snake_case (proto JSON accepts both),
 * and the Python `google-genai` SDK sends many in snake_case (`function_declarations`,
 * `parameters_json_schema`, `system_instruction`, `inline_data`, `function_call`, …). The body is
 * normalised to camelCase once, here at the boundary, so the schema and the converter see one
 * spelling. Data that belongs to the client is left exactly as sent: function-call arguments,
 * function responses and JSON Schemas; in Gemini's own Schema objects the keywords are
 * normalised but property names are not.
 */
type Mode = 'message' | 'schema';

/** Values copied untouched: the client's data and raw JSON Schema. */
const OPAQUE_KEYS = new Set(['args', 'response', 'parametersJsonSchema', 'responseJsonSchema', 'default', 'example', 'enum', 'labels', 'metadata']);
/** Values in Gemini's Schema format (OpenAPI subset). */
const SCHEMA_KEYS = new Set(['parameters', 'responseSchema']);

const MAX_DEPTH = 64;

function toCamel(key: string): string {
  return key.includes('_') ? key.replace(/(?<=[A-Za-z0-9])_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()) : key;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normalize(value: unknown, mode: Mode, depth: number): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => normalize(item, mode, depth + 1));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [rawKey, child] of Object.entries(value)) {
    const key = toCamel(rawKey);
    // Both spellings sent: the camelCase one (Google's canonical JSON name) wins.
    if (key !== rawKey && key in value) continue;
    if (OPAQUE_KEYS.has(key)) out[key] = child;
    else if (mode === 'schema' && key === 'properties' && isObject(child)) {
      out[key] = Object.fromEntries(Object.entries(child).map(([name, sub]) => [name, normalize(sub, 'schema', depth + 1)]));
    } else out[key] = normalize(child, SCHEMA_KEYS.has(key) ? 'schema' : mode, depth + 1);
  }
  return out;
}

/** The request body with Google's field names in camelCase (a new object; the input is not changed). */
export function normalizeGeminiKeys(body: unknown): unknown {
  return normalize(body, 'message', 0);
}
