/** Tolerant readers for the reply bodies a dialect's test request parses. */
export type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;
