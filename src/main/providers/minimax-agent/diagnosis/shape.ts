/**
 * The shape of an upstream answer for the diagnosis report: keys and value types, never values,
 * so a report shows what changed in the protocol without carrying ids, names or tokens.
 */
const MAX_DEPTH = 5;
const MAX_KEYS = 30;

function shapeOf(value: unknown, depth: number): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return depth >= MAX_DEPTH ? '[…]' : `[${shapeOf(value[0], depth + 1)}]`;
  }
  if (typeof value === 'object') {
    if (depth >= MAX_DEPTH) return '{…}';
    const entries = Object.entries(value as Record<string, unknown>);
    // Keys are field names of the protocol; a key that looks like an id or a value is not printed.
    const shown = entries.slice(0, MAX_KEYS).map(([key, inner]) => `${safeKey(key)}:${shapeOf(inner, depth + 1)}`);
    if (entries.length > MAX_KEYS) shown.push('…');
    return `{${shown.join(',')}}`;
  }
  return typeof value;
}

function safeKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(key) ? key : '<key>';
}

/** `empty`, `html`, `text` or the JSON shape of a raw answer body. */
export function describeShape(text: string): string {
  if (text.trim() === '') return 'empty';
  if (/^\s*</.test(text)) return 'html';
  try {
    return shapeOf(JSON.parse(text) as unknown, 0);
  } catch {
    return 'text';
  }
}
