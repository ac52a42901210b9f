/**
 * Splits `<think>…</think>` out of streamed text. The platform returns reasoning in its own field
 * when asked (`reasoning_split`), but older models and some gateways still put it inline; a tag may
 * arrive cut across two chunks, so a possible tag prefix is held back until the next chunk.
 */
export interface SplitPiece {
  kind: 'text' | 'reasoning';
  text: string;
}

const OPEN = '<think>';
const CLOSE = '</think>';

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagAt(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

export function createThinkSplitter(): { push(text: string): SplitPiece[]; end(): SplitPiece[] } {
  let inThink = false;
  let held = '';
  let sawText = false;

  function emit(out: SplitPiece[], kind: SplitPiece['kind'], text: string): void {
    if (!text) return;
    // The answer after `</think>` usually starts with blank lines that belong to neither part.
    const cleaned = kind === 'text' && !sawText ? text.replace(/^\s+/, '') : text;
    if (!cleaned) return;
    if (kind === 'text') sawText = true;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += cleaned;
    else out.push({ kind, text: cleaned });
  }

  return {
    push(chunk) {
      const out: SplitPiece[] = [];
      let text = held + chunk;
      held = '';
      for (;;) {
        const tag = inThink ? CLOSE : OPEN;
        const at = text.indexOf(tag);
        if (at === -1) break;
        emit(out, inThink ? 'reasoning' : 'text', text.slice(0, at));
        text = text.slice(at + tag.length);
        inThink = !inThink;
      }
      const partial = partialTagAt(text, inThink ? CLOSE : OPEN);
      held = text.slice(text.length - partial);
      emit(out, inThink ? 'reasoning' : 'text', text.slice(0, text.length - partial));
      return out;
    },
    end() {
      const out: SplitPiece[] = [];
      emit(out, inThink ? 'reasoning' : 'text', held);
      held = '';
      return out;
    },
  };
}
