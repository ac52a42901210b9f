/**
 * The client dialects the relay speaks. This list is the one place a dialect's id is declared:
 * the request log, the Logs filter, the test-request contract and the proxy's module registry
 * (which the compiler keeps in step with it) all derive from it.
 */
export const DIALECT_IDS = ['openai', 'anthropic', 'gemini', 'responses'] as const;

export type DialectId = (typeof DIALECT_IDS)[number];

export function isDialectId(value: unknown): value is DialectId {
  return typeof value === 'string' && (DIALECT_IDS as readonly string[]).includes(value);
}
