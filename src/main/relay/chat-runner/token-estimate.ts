/**
 * Local token counts for when the upstream reports none (the MiniMax web protocol never does).
 * MiniMax's vocabulary is not public, so any count is an estimate (and is marked as one). Rather
 * than run a BPE tokenizer (whose merges are quadratic on long runs of letters or of Chinese, and
 * whose vocabulary costs tens of MB and start-up time), the text is scanned once and each run of
 * one character class is priced with rates calibrated against the o200k tokenizer (see
 * token-estimate.test.ts for the measured accuracy). The work is linear in the text and the scan
 * allocates nothing, so even a megabyte of one letter is counted in milliseconds.
 */
import type { CanonicalMessage, CanonicalRequest } from '../canonical';

type CharClass = 'latin' | 'digit' | 'cjk' | 'kana-hangul' | 'letter' | 'space' | 'newline' | 'punct' | 'other';

/** Tokens per character of a run of Chinese characters (o200k merges common pairs). */
const CJK_PER_CHAR = 0.71;
const KANA_HANGUL_PER_CHAR = 0.7;
/** Letters of other alphabets (Cyrillic, Greek, Arabic…): o200k has fewer merges for them. */
const LETTER_PER_CHAR = 0.3;
/** Long Latin words split into pieces of about this many letters. */
const LATIN_CHARS_PER_TOKEN = 5;
const DIGITS_PER_TOKEN = 3;
const PUNCT_PER_CHAR = 0.7;
const LONE_PUNCT = 0.75;
const OTHER_PER_CHAR = 1;

function classOf(code: number): CharClass {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 'latin';
  if (code >= 48 && code <= 57) return 'digit';
  if (code === 32 || code === 9) return 'space';
  if (code === 10 || code === 13) return 'newline';
  if (code < 128) return 'punct';
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) return 'cjk';
  if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af)) return 'kana-hangul';
  if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x370 && code <= 0x6ff) || (code >= 0x900 && code <= 0xdff)) return 'letter';
  if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x2000 && code <= 0x206f)) return 'punct';
  // A surrogate pair (emoji and rare CJK) is priced once, on its high half.
  if (code >= 0xdc00 && code <= 0xdfff) return 'space';
  return 'other';
}

function runCost(kind: CharClass, length: number): number {
  switch (kind) {
    case 'latin':
      // Most words up to ~8 letters are one token (with their leading space).
      return length <= 8 ? 1 : 1 + (length - 8) / LATIN_CHARS_PER_TOKEN;
    case 'digit':
      return Math.ceil(length / DIGITS_PER_TOKEN);
    case 'cjk':
      return length * CJK_PER_CHAR;
    case 'kana-hangul':
      return length * KANA_HANGUL_PER_CHAR;
    case 'letter':
      return Math.max(1, length * LETTER_PER_CHAR);
    case 'space':
      // A single space joins the next word; longer runs (indentation) are about one token.
      return length <= 1 ? 0 : 1;
    case 'newline':
      return 1;
    case 'punct':
      // A lone mark often joins the word after it (`.push`, `(x`); runs merge in pairs or so.
      return length === 1 ? LONE_PUNCT : length * PUNCT_PER_CHAR;
    case 'other':
      return length * OTHER_PER_CHAR;
  }
}

/** The estimate as a fraction (additive enough to count a stream piece by piece); one pass, no allocation per character. */
export function estimateRaw(text: string, end = text.length): number {
  let total = 0;
  let kind: CharClass | null = null;
  let length = 0;
  for (let i = 0; i < end; i++) {
    const next = classOf(text.charCodeAt(i));
    if (next === kind) {
      length++;
      continue;
    }
    if (kind !== null) total += runCost(kind, length);
    kind = next;
    length = 1;
  }
  if (kind !== null) total += runCost(kind, length);
  return total;
}

export function estimateTokens(text: string): number {
  if (text === '') return 0;
  return Math.max(1, Math.round(estimateRaw(text)));
}

/**
 * The longest prefix of `text` (in UTF-16 units, never splitting a surrogate pair) whose raw
 * estimate is at most `budget`. Binary search over the prefix length: O(n log n).
 */
export function prefixWithinTokens(text: string, budget: number): number {
  if (budget <= 0 || text === '') return 0;
  if (estimateRaw(text) <= budget) return text.length;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (estimateRaw(text, mid) <= budget) low = mid;
    else high = mid - 1;
  }
  const code = text.charCodeAt(low - 1);
  return low > 0 && code >= 0xd800 && code <= 0xdbff ? low - 1 : low;
}

function messageText(message: CanonicalMessage): string {
  const parts = message.content.map((part) => {
    if (part.type === 'text') return part.text;
    if (part.type === 'image') return '[image]';
    return `[file${part.name ? ` ${part.name}` : ''}]`;
  });
  for (const call of message.toolCalls ?? []) parts.push(`${call.name} ${JSON.stringify(call.arguments)}`);
  return parts.join('\n');
}

/** The prompt as one text, close to what the upstream receives (roles as line prefixes). */
export function flattenForEstimate(request: CanonicalRequest): string {
  const lines = request.messages.map((message) => `${message.role}:${messageText(message)}`);
  for (const tool of request.tools ?? []) lines.push(`tool ${tool.name}: ${tool.description ?? ''} ${JSON.stringify(tool.parameters)}`);
  return lines.join('\n');
}

export function estimatePromptTokens(request: CanonicalRequest): number {
  return estimateTokens(flattenForEstimate(request));
}
