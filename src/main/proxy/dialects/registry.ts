/**
 * The dialects the relay serves, registered once. `DIALECT_IDS` (src/shared/domain/dialects.ts)
 * is the list; this table gives each id its module, and the compiler refuses an id without one.
 * Adding a dialect: its folder under dialects/, its id in DIALECT_IDS, its line here.
 */
import { DIALECT_IDS, type DialectId } from '../../../shared/domain/dialects';
import { anthropicDialect } from './anthropic';
import { geminiDialect } from './gemini';
import { openaiDialect } from './openai';
import { responsesDialect } from './responses';
import type { DialectModule } from './types';

const MODULES: { readonly [K in DialectId]: DialectModule } = {
  openai: openaiDialect,
  anthropic: anthropicDialect,
  gemini: geminiDialect,
  responses: responsesDialect,
};

/** Every dialect module, in DIALECT_IDS order. */
export const DIALECT_MODULES: readonly DialectModule[] = DIALECT_IDS.map((id) => MODULES[id]);

export function dialectModule(id: DialectId): DialectModule {
  return MODULES[id];
}
