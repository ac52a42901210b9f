/**
 * Anthropic structured outputs: `output_config.format` (and the beta's top-level `output_format`)
 * with `{type: "json_schema", schema}`. The reply then is one text block holding the JSON.
 */
import { z } from 'zod';
import { lazy } from '../../../../shared/lazy';
import type { ResponseFormat } from '../../../relay/canonical';

const jsonOutputFormat = lazy(() => z.looseObject({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }));

/** Request fields to spread into the request schema (validated, so a bad value is a 400 naming it). */
export const outputFormatFields = lazy(() => ({
  output_config: z.looseObject({ format: jsonOutputFormat.nullish() }).nullish(),
  output_format: jsonOutputFormat.nullish(),
}));

type OutputFields = { [K in keyof typeof outputFormatFields]?: z.infer<(typeof outputFormatFields)[K]> };

export function toResponseFormat(input: OutputFields): ResponseFormat | undefined {
  const format = input.output_config?.format ?? input.output_format;
  // Anthropic's structured outputs are always strict: the reply must match the schema.
  return format ? { type: 'json_schema', schema: format.schema, strict: true } : undefined;
}
