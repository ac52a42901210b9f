/** Structured output (JSON mode and JSON Schema) for every dialect; see engine.ts. */
export { createStructuredOutput } from './engine';
export type { StructuredOutputDeps } from './engine';
export { createFormatChecker } from './check';
export type { FormatCheck, FormatChecker } from './check';
export { buildFormatPrompt, prepareFormatRequest } from './prompt';
