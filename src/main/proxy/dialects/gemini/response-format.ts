/**
 * Gemini structured output: `responseMimeType: "application/json"` with an optional
 * `responseSchema` (Gemini's OpenAPI subset) or `responseJsonSchema` (plain JSON Schema). The
 * Python SDK sends the snake_case spellings, so both are read.
 */
import type { ResponseFormat } from '../../../relay/canonical';
import { toJsonSchema } from './json-schema';

function pick(config: Record<string, unknown>, camel: string, snake: string): unknown {
  return config[camel] ?? config[snake];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toResponseFormat(config: Record<string, unknown> | undefined): ResponseFormat | undefined {
  if (!config) return undefined;
  const mime = pick(config, 'responseMimeType', 'response_mime_type');
  const jsonSchema = pick(config, 'responseJsonSchema', 'response_json_schema') ?? pick(config, '_responseJsonSchema', '_response_json_schema');
  const openApiSchema = pick(config, 'responseSchema', 'response_schema');
  // Google rejects a schema without the JSON MIME type; the relay is lenient and treats it as JSON.
  if (mime !== 'application/json' && jsonSchema === undefined && openApiSchema === undefined) return undefined;
  if (isRecord(jsonSchema)) {
    // gemini-cli sends `responseJsonSchema` with the OpenAPI subset's upper-case types
    // (`"type": "OBJECT"`), which Google accepts and ajv does not: normalised like responseSchema.
    const schema = toJsonSchema(jsonSchema);
    return { type: 'json_schema', schema: isRecord(schema) ? schema : jsonSchema };
  }
  if (isRecord(openApiSchema)) {
    const schema = toJsonSchema(openApiSchema);
    if (isRecord(schema)) return { type: 'json_schema', schema };
  }
  return { type: 'json', objectOnly: false };
}
