/**
 * Bounded, deterministic repair of the almost-JSON models write in tool calls: code fences,
 * trailing commas, single-quoted strings, unquoted keys, Python literals, prose around the object
 * and a few missing closing brackets. One normalising pass and one parse — never a search over
 * candidate edits, so a hostile reply cannot make it slow.
 */

const MAX_REPAIR_LENGTH = 200_000;
const MAX_MISSING_CLOSERS = 8;
const WORD = /[A-Za-z_$][\w$-]*/y;
const KEY_COLON = /\s*:/y;
const PY_LITERALS: Record<string, string> = { True: 'true', False: 'false', None: 'null' };

/** Parses `text` as JSON, repairing common slips; `undefined` when it is not recoverable. */
export function parseLooseJson(text: string): unknown {
  const direct = tryParse(text.trim());
  if (direct.ok) return direct.value;
  if (text.length > MAX_REPAIR_LENGTH) return undefined;
  const core = extractJsonCore(stripFences(text));
  if (core === null) return undefined;
  const normalised = normaliseJson(core);
  const repaired = tryParse(normalised);
  return repaired.ok ? repaired.value : undefined;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function stripFences(text: string): string {
  const match = /^\s*```[\w-]*\s*\n([\s\S]*?)\n?\s*```\s*$/.exec(text);
  return match?.[1] ?? text;
}

/** From the first `{`/`[` to the last `}`/`]` (or the end, when closers are missing). */
function extractJsonCore(text: string): string | null {
  const start = text.search(/[{[]/);
  if (start < 0) return null;
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  return end > start ? text.slice(start, end + 1) : text.slice(start);
}

/** One pass: re-quotes strings and keys, drops trailing commas, closes what is left open. */
function normaliseJson(text: string): string {
  let out = '';
  const stack: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' || ch === "'") {
      const { value, next } = readString(text, i, ch);
      out += JSON.stringify(value);
      i = next;
    } else if (ch === '{' || ch === '[') {
      stack.push(ch === '{' ? '}' : ']');
      out += ch;
      i++;
    } else if (ch === '}' || ch === ']') {
      out = dropTrailingComma(out);
      if (stack.length > 0) stack.pop();
      out += ch;
      i++;
    } else if (/[A-Za-z_$]/.test(ch)) {
      WORD.lastIndex = i;
      const word = WORD.exec(text)?.[0] ?? ch;
      KEY_COLON.lastIndex = i + word.length;
      const isKey = KEY_COLON.test(text);
      out += isKey ? JSON.stringify(word) : (PY_LITERALS[word] ?? word);
      i += word.length;
    } else {
      out += ch;
      i++;
    }
  }
  out = dropTrailingComma(out);
  if (stack.length > MAX_MISSING_CLOSERS) return out;
  return out + stack.reverse().join('');
}

function readString(text: string, start: number, quote: string): { value: string; next: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      const escape = /^\\(u[0-9a-fA-F]{4}|.)/s.exec(text.slice(i, i + 6))?.[0] ?? '\\';
      value += decodeEscape(escape);
      i += escape.length;
      continue;
    }
    if (ch === quote) return { value, next: i + 1 };
    value += ch;
    i++;
  }
  return { value, next: i };
}

function decodeEscape(escape: string): string {
  if (escape === "\\'") return "'";
  const parsed = tryParse(`"${escape}"`);
  return parsed.ok && typeof parsed.value === 'string' ? parsed.value : escape.slice(1);
}

function dropTrailingComma(out: string): string {
  let end = out.length;
  while (end > 0 && /\s/.test(out[end - 1] as string)) end--;
  return out[end - 1] === ',' ? out.slice(0, end - 1) + out.slice(end) : out;
}
