// Per-character classes for segmentation's hot loops: one table lookup per UTF-16 unit instead of a Unicode
// property regex per character. The table is computed once from the same regexes, so both paths agree; a
// character outside the BMP (a surrogate pair) always takes the regex path.

/** \p{Script=Han} and a letter (excludes 〇, a Han number). */
export const HAN_LETTER_BIT = 1;
/** A letter or digit (\p{L}\p{N}): a token character. */
export const TOKEN_CHAR_BIT = 2;
/** \p{Script=Han}, letter or not. */
const HAN_BIT = 4;

const HAN_LETTER = /^(?=\p{L})\p{Script=Han}$/u;
const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;
const HAN_CHAR = /^\p{Script=Han}$/u;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

let table: Uint8Array | undefined;
/** The class bits of every BMP code unit (surrogates have none). */
export function charClasses(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (isSurrogate(c)) continue;
    const ch = String.fromCharCode(c);
    t[c] = (HAN_LETTER.test(ch) ? HAN_LETTER_BIT : 0) | (TOKEN_CHAR.test(ch) ? TOKEN_CHAR_BIT : 0) | (HAN_CHAR.test(ch) ? HAN_BIT : 0);
  }
  table = t;
  return t;
}

export const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

export function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSurrogate(text.charCodeAt(i))) return true;
  return false;
}

/** One Chinese character that is a letter (HAN_LETTER). */
export function isHanLetter(char: string): boolean {
  if (char.length !== 1) return HAN_LETTER.test(char);
  return (charClasses()[char.charCodeAt(0)]! & HAN_LETTER_BIT) !== 0;
}

/** Two or more characters, all of the Han script (HAN_WORD). */
export function isHanWord(word: string): boolean {
  const n = word.length;
  if (n < 2) return false;
  const classes = charClasses();
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (isSurrogate(c)) return HAN_WORD.test(word);
    if ((classes[c]! & HAN_BIT) === 0) return false;
  }
  return true;
}
