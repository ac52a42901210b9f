/**
 * Splits a growing reply into plain text and candidate tool-call blocks. Text is released as soon
 * as it cannot be the start of a call marker, so prose streams without delay; a block is held
 * until its closing marker arrives. Decisions depend only on the characters seen, never on how
 * they were chunked, so any split of a reply yields the same segments.
 */

export type BlockFormat = 'native' | 'bare-invoke' | 'tool-call-tag' | 'bracket' | 'fence';

export type Segment =
  | { kind: 'text'; text: string }
  /** `raw` is the exact reply text of the block (given back as text if it holds no valid call). */
  | { kind: 'block'; format: BlockFormat; body: string; raw: string; closed: boolean };

interface Opener {
  format: BlockFormat;
  open: string;
  close: string;
}

const OPENERS: readonly Opener[] = [
  { format: 'native', open: '<minimax:tool_call>', close: '</minimax:tool_call>' },
  { format: 'tool-call-tag', open: '<tool_call>', close: '</tool_call>' },
  { format: 'bracket', open: '[function_calls]', close: '[/function_calls]' },
  { format: 'fence', open: '```', close: '```' },
  // The native call without its `<minimax:tool_call>` wrapper, as the model sometimes writes it.
  { format: 'bare-invoke', open: '<invoke name=', close: '</invoke>' },
];
const FENCE = '```';
const FENCE_OPENER = OPENERS.find((o) => o.format === 'fence') as Opener;
/** Info strings of a fenced block that may hold a call; anything else is code for the reader. */
const CALL_FENCE_INFO = new Set(['', 'json', 'json5', 'jsonc', 'tool_call', 'tool_code', 'xml', 'js', 'javascript']);
const MAX_FENCE_INFO = 32;

type Mode =
  | { name: 'text' }
  | { name: 'block'; opener: Opener; raw: string }
  | { name: 'fence-head' }
  | { name: 'code' };

export interface CallScanner {
  push(text: string): Segment[];
  /** The reply ended: releases whatever is held. */
  end(): Segment[];
}

export function createCallScanner(): CallScanner {
  let buffer = '';
  let mode: Mode = { name: 'text' };
  let out: Segment[] = [];
  // A held block is kept as chunks and only a closer-sized window is searched per push: appending
  // to one string and searching it would re-flatten the whole string each time (quadratic).
  let parts: string[] = [];
  let partsLength = 0;
  let tail = '';

  const emitText = (text: string): void => {
    if (text !== '') out.push({ kind: 'text', text });
  };

  /** One step of the state machine; false when it must wait for more input. */
  function step(): boolean {
    switch (mode.name) {
      case 'text':
        return stepText();
      case 'block':
        return false;
      case 'fence-head':
        return stepFenceHead();
      case 'code':
        return stepCode();
    }
  }

  function stepText(): boolean {
    let best: { index: number; opener: Opener } | null = null;
    for (const opener of OPENERS) {
      const index = buffer.indexOf(opener.open);
      if (index >= 0 && (best === null || index < best.index)) best = { index, opener };
    }
    if (best) {
      emitText(buffer.slice(0, best.index));
      buffer = buffer.slice(best.index + best.opener.open.length);
      if (best.opener.format === 'fence') mode = { name: 'fence-head' };
      else enterBlock(best.opener, best.opener.open);
      return true;
    }
    const keep = safeCut(buffer, partialMarkerStart(buffer, OPENERS.map((o) => o.open)));
    emitText(buffer.slice(0, keep));
    buffer = buffer.slice(keep);
    return false;
  }

  function enterBlock(opener: Opener, raw: string): void {
    mode = { name: 'block', opener, raw };
    parts = [];
    partsLength = 0;
    tail = '';
    const rest = buffer;
    buffer = '';
    feedBlock(rest);
  }

  /** Adds text to the held block; on its closer, emits the block and leaves the rest in the buffer. */
  function feedBlock(text: string): boolean {
    if (mode.name !== 'block') return false;
    const { opener, raw } = mode;
    const window = tail + text;
    const index = window.indexOf(opener.close);
    if (index < 0) {
      parts.push(text);
      partsLength += text.length;
      tail = window.slice(-(opener.close.length - 1));
      return false;
    }
    const content = parts.join('') + text;
    const closeAt = partsLength - tail.length + index;
    const body = content.slice(0, closeAt);
    out.push({ kind: 'block', format: opener.format, body, raw: raw + body + opener.close, closed: true });
    buffer = content.slice(closeAt + opener.close.length);
    mode = { name: 'text' };
    parts = [];
    partsLength = 0;
    tail = '';
    return true;
  }

  function stepFenceHead(): boolean {
    const newline = buffer.indexOf('\n');
    const info = (newline < 0 ? buffer : buffer.slice(0, newline)).trim().toLowerCase();
    const plausible = info.length <= MAX_FENCE_INFO && !info.includes('`') && CALL_FENCE_INFO.has(info);
    if (newline < 0) {
      // Still reading the info string: wait while it could become one that holds a call.
      const couldGrow = info.length <= MAX_FENCE_INFO && !info.includes('`') && [...CALL_FENCE_INFO].some((i) => i.startsWith(info));
      if (couldGrow) return false;
      return releaseFenceAsCode();
    }
    if (!plausible) return releaseFenceAsCode();
    const first = /\S/.exec(buffer.slice(newline + 1));
    if (!first) return false;
    if (!'{[<'.includes(first[0])) return releaseFenceAsCode();
    const head = FENCE + buffer.slice(0, newline + 1);
    buffer = buffer.slice(newline + 1);
    enterBlock(FENCE_OPENER, head);
    return true;
  }

  /** The info line stays in the buffer: code mode scans it too, whether or not it arrived whole. */
  function releaseFenceAsCode(): boolean {
    emitText(FENCE);
    mode = { name: 'code' };
    return true;
  }

  function stepCode(): boolean {
    const index = buffer.indexOf(FENCE);
    if (index >= 0) {
      emitText(buffer.slice(0, index + FENCE.length));
      buffer = buffer.slice(index + FENCE.length);
      mode = { name: 'text' };
      return true;
    }
    const keep = safeCut(buffer, partialMarkerStart(buffer, [FENCE]));
    emitText(buffer.slice(0, keep));
    buffer = buffer.slice(keep);
    return false;
  }

  function drain(): Segment[] {
    const segments = out;
    out = [];
    return segments;
  }

  return {
    push(text) {
      if (mode.name === 'block') feedBlock(text);
      else buffer += text;
      while (step()) {
        // each step consumes input or changes mode
      }
      return drain();
    },
    end() {
      while (step()) {
        // settle what the buffered input already decides
      }
      if (mode.name === 'block') {
        const body = parts.join('');
        out.push({ kind: 'block', format: mode.opener.format, body, raw: mode.raw + body, closed: false });
      } else if (mode.name === 'fence-head') {
        emitText(FENCE + buffer);
      } else {
        emitText(buffer);
      }
      buffer = '';
      mode = { name: 'text' };
      return drain();
    },
  };
}

/** Index of the longest suffix of `text` that is a proper prefix of a marker (text.length if none). */
export function partialMarkerStart(text: string, markers: readonly string[]): number {
  const longest = Math.max(...markers.map((m) => m.length));
  for (let start = Math.max(0, text.length - longest + 1); start < text.length; start++) {
    const tail = text.slice(start);
    if (markers.some((m) => m.length > tail.length && m.startsWith(tail))) return start;
  }
  return text.length;
}

/** Moves a cut back so it never separates the two UTF-16 halves of a surrogate pair. */
function safeCut(text: string, cut: number): number {
  if (cut <= 0) return cut;
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}
