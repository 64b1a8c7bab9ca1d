// A normalised copy of a text (as platform/text/segment.ts normalises: NFKC, lower case, traditional →
// simplified) whose every UTF-16 unit points back to the span of the original it came from, so query
// tokens can be found in normalised form and marked in the original. Runs on every result of every
// search, so the usual case (lengths unchanged) is kept cheap.
import { normalise } from '../text/segment.ts';

export type NormalisedText = {
  norm: string;
  /** Start (inclusive) and end (exclusive) in the original of the character that unit `i` came from. */
  startOf(i: number): number;
  endOf(i: number): number;
};

// Characters that NFKC and lower case may change: A–Z and everything outside ASCII and the main CJK block.
const FOLDABLE = /[A-Z]|[^\p{ASCII}\u4e00-\u9fff]/gu;
const fold = (char: string) => char.normalize('NFKC').toLowerCase();

export function normaliseWithOrigins(text: string): NormalisedText {
  let sameLength = true;
  const folded = text.replace(FOLDABLE, (c) => {
    const f = fold(c);
    if (f.length !== c.length) sameLength = false;
    return f;
  });
  // normalise leaves a text alone unless traditional → simplified conversion would change it.
  const norm = normalise(folded);
  if (sameLength && norm.length === text.length) {
    // Character for character (the usual case, also for traditional → simplified): unit i is unit i.
    const isLow = (i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '');
    return { norm, startOf: (i) => (isLow(i) ? i - 1 : i), endOf: (i) => (isLow(i + 1) ? i + 2 : i + 1) };
  }
  return pieceByPiece(text);
}

/** The slow path: each character normalised on its own, with its span recorded. */
function pieceByPiece(text: string): NormalisedText {
  const start: number[] = [];
  const end: number[] = [];
  let norm = '';
  for (let at = 0; at < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(at)!);
    const piece = normalise(char);
    norm += piece;
    for (let k = 0; k < piece.length; k++) {
      start.push(at);
      end.push(at + char.length);
    }
    at += char.length;
  }
  return { norm, startOf: (i) => start[i]!, endOf: (i) => end[i]! };
}
