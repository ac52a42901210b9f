/**
 * Gemini declares function parameters in its OpenAPI subset (`type: "OBJECT"`, `nullable`,
 * `format: "enum"`); the tool layer validates with JSON Schema, so the subset is rewritten.
 * `parametersJsonSchema` is already JSON Schema and is used as is.
 */
type Schema = Record<string, unknown>;

const MAX_DEPTH = 32;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toJsonSchema(schema: unknown, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, depth + 1));
  if (!isObject(schema) || depth > MAX_DEPTH) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'type' && typeof value === 'string') {
      const type = value.toLowerCase();
      if (type !== 'type_unspecified') out.type = type;
    } else if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, depth + 1)]));
    } else if (key === 'items' || key === 'anyOf' || key === 'oneOf' || key === 'allOf' || key === 'not' || key === 'additionalProperties') {
      out[key] = toJsonSchema(value, depth + 1);
    } else if (key === 'format' && value === 'enum') {
      // Gemini's marker for string enums; `enum` itself carries the values.
      continue;
    } else if (key !== 'nullable' && key !== 'propertyOrdering') {
      out[key] = value;
    }
  }
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}
