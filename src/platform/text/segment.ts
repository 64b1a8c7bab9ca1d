// Chinese text → search tokens, produced in the app so SQLite FTS5 and PostgreSQL index exactly the same
// terms (DESIGN.md §3 "Search"). Index text and queries go through the same steps:
//   1. normalise: NFKC (full-width → half-width), lower case, traditional → simplified;
//   2. words of other scripts and numbers (covid, 2023, naïve, αβγ) are tokens as they are;
//   3. Chinese goes to jieba in search mode (every word and the dictionary words inside it), plus the pair
//      of characters across word boundaries (燃气管|道 → 管道), so a two-character word that jieba cut apart
//      in one context is still found. In a body only boundaries with a one-character word give a pair: across
//      two longer words it is a false reading (施工|作业 → 工作; `Pairs`, docs/adr/0007-search-no-pairs-across-words.md).
// A token is a run of letters and digits (\p{L}\p{N}) only: punctuation splits (covid-19 → covid 19). With
// such tokens FTS5's `ascii` tokenizer and PostgreSQL's `simple` parser keep every token intact.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';
import { HAN_LETTER_BIT, TOKEN_CHAR_BIT, charClasses, hasSurrogate, isHanLetter, isHanWord, isSurrogate } from './char-classes.ts';
import { toSimplified } from './traditional.ts';

/** Longer tokens (hashes, long ASCII runs) are cut to this many characters, on both sides. */
export const MAX_TOKEN_LENGTH = 64;

let jieba: Jieba | undefined;
let dictionary: Set<string> | undefined;
/** Loading the dictionary takes a moment, so the segmenter is built on first use and then shared. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** The words of jieba's dictionary (the first field of every line of the dictionary it was built with). */
function dictionaryWords(): Set<string> {
  if (dictionary) return dictionary;
  dictionary = new Set();
  for (const line of new TextDecoder().decode(dict).split('\n')) {
    const word = line.slice(0, line.indexOf(' '));
    if (word) dictionary.add(word);
  }
  return dictionary;
}

/**
 * The dictionary's BMP words of 2 and 3 characters, keyed by their character codes: search mode asks about
 * every 2- and 3-gram of every longer word, and a lookup by codes builds no string for the grams that are not
 * words (most of them). Open addressing over typed arrays; a 2-gram has third code 0.
 */
class DictionaryGrams {
  private readonly pairs: Int32Array;
  private readonly thirds: Uint16Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    const grams = [...words].filter((w) => (w.length === 2 || w.length === 3) && !hasSurrogate(w));
    let size = 1;
    while (size < grams.length * 2) size *= 2;
    this.pairs = new Int32Array(size);
    this.thirds = new Uint16Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    for (const g of grams) this.add(g.charCodeAt(0), g.charCodeAt(1), g.length === 3 ? g.charCodeAt(2) : 0);
  }

  /** A murmur3-style mix of the codes: neighbouring characters land far apart. */
  private slot(pair: number, third: number): number {
    let h = Math.imul(pair ^ Math.imul(third + 1, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) & this.mask;
  }

  private add(a: number, b: number, c: number): void {
    const pair = (a << 16) | b;
    let i = this.slot(pair, c);
    while (this.used[i] === 1) {
      if (this.pairs[i] === pair && this.thirds[i] === c) return;
      i = (i + 1) & this.mask;
    }
    this.used[i] = 1;
    this.pairs[i] = pair;
    this.thirds[i] = c;
  }

  /** Whether the characters with codes a, b (and c, unless 0) are a dictionary word. */
  has(a: number, b: number, c = 0): boolean {
    const pair = (a << 16) | b;
    let i = this.slot(pair, c);
    while (this.used[i] === 1) {
      if (this.pairs[i] === pair && this.thirds[i] === c) return true;
      i = (i + 1) & this.mask;
    }
    return false;
  }
}

let grams: DictionaryGrams | undefined;
const dictionaryGrams = () => (grams ??= new DictionaryGrams(dictionaryWords()));

/**
 * jieba's search mode from the words of its accurate mode, as jieba-rs computes it (the dictionary 2- and
 * 3-grams inside every longer word, then the word), passed to `emit`: one segmentation pass gives both,
 * where calling cutForSearch and cut segments the text twice.
 */
function searchWords(words: string[], emit: (token: string) => void): void {
  const words2 = dictionaryWords();
  const known = dictionaryGrams();
  for (const word of words) {
    const n = word.length;
    if (n > 2) {
      if (hasSurrogate(word)) {
        const chars = Array.from(word);
        const m = chars.length;
        if (m > 2) for (let i = 0; i + 2 <= m; i++) if (words2.has(chars[i]! + chars[i + 1]!)) emit(chars[i]! + chars[i + 1]!);
        if (m > 3)
          for (let i = 0; i + 3 <= m; i++) {
            const gram = chars[i]! + chars[i + 1]! + chars[i + 2]!;
            if (words2.has(gram)) emit(gram);
          }
      } else {
        // Most words: one UTF-16 unit per character, looked up by codes.
        for (let i = 0; i + 2 <= n; i++) if (known.has(word.charCodeAt(i), word.charCodeAt(i + 1))) emit(word.slice(i, i + 2));
        if (n > 3)
          for (let i = 0; i + 3 <= n; i++)
            if (known.has(word.charCodeAt(i), word.charCodeAt(i + 1), word.charCodeAt(i + 2))) emit(word.slice(i, i + 3));
      }
    }
    emit(word);
  }
}

const NON_TOKEN = /[^\p{L}\p{N}]+/u;
const OTHER_WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /\p{Script=Han}/u;
const HAN_PAIR = /^(?:(?=\p{L})\p{Script=Han}){2}$/u;

/** Full-width → half-width and other compatibility forms (NFKC), lower case, traditional → simplified. */
export function normalise(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  return HAN.test(folded) ? toSimplified(folded) : folded;
}

const ALL_TOKEN = /^[\p{L}\p{N}]{1,64}$/u;

/** A run of 1–64 letters and digits (ALL_TOKEN), by table for the usual BMP token. */
function isWholeToken(token: string, table: Uint8Array): boolean {
  const n = token.length;
  if (n === 0 || n > MAX_TOKEN_LENGTH) return ALL_TOKEN.test(token);
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    if (isSurrogate(c)) return ALL_TOKEN.test(token);
    if ((table[c]! & TOKEN_CHAR_BIT) === 0) return false;
  }
  return true;
}

/** The token as 1–64 letters and digits, passed to `emit`: split at other characters, long parts cut. */
function emitClean(token: string, table: Uint8Array, emit: (token: string) => void): void {
  // Most tokens are one short run of letters: kept as they are without splitting.
  if (isWholeToken(token, table)) {
    emit(token);
    return;
  }
  for (const part of token.split(NON_TOKEN)) {
    if (!part) continue;
    emit(part.length > MAX_TOKEN_LENGTH ? Array.from(part).slice(0, MAX_TOKEN_LENGTH).join('') : part);
  }
}

function clean(raw: string[]): string[] {
  const table = charClasses();
  const out: string[] = [];
  const push = (t: string) => out.push(t);
  for (const token of raw) emitClean(token, table, push);
  return out;
}

/** Normalised text split into the words of other scripts and numbers, and the Chinese rest (others blanked). */
function splitScripts(text: string): { other: string[]; chinese: string } {
  const other: string[] = [];
  const chinese = text.replace(OTHER_WORD, (w) => {
    other.push(w);
    return ' ';
  });
  return { other, chinese: HAN.test(chinese) ? chinese : '' };
}

const firstChar = (w: string) => String.fromCodePoint(w.codePointAt(0) ?? 0);
const lastChar = (w: string) => (/[\uDC00-\uDFFF]$/.test(w) ? w.slice(-2) : w.slice(-1));

/** A word of one character (one UTF-16 unit, or a surrogate pair). */
const isOneChar = (w: string) => w.length === 1 || (w.length === 2 && isSurrogate(w.charCodeAt(0)));

/**
 * Which word boundaries give a pair of characters. A body gives only those next to a one-character word: across
 * two longer words the pair is almost always a false reading (施工|作业 → 工作, 争议|案件 → 议案, 全国|家庭 → 国家),
 * and such pairs were a quarter of a body's tokens (docs/adr/0007-search-no-pairs-across-words.md). Titles,
 * 发文字号 and 索引号 are short and searched by their pieces (宜府办 of 宜府|办发): they give every pair.
 */
export type Pairs = 'every' | 'next-to-one-character';

/** The pair of Chinese characters that meet at the boundary of two words (燃气管|道 → 管道), or null. */
function boundaryPair(prev: string, next: string, table: Uint8Array, pairs: Pairs): string | null {
  if (prev.length === 0 || next.length === 0) return null;
  if (pairs === 'next-to-one-character' && !isOneChar(prev) && !isOneChar(next)) return null;
  const a = prev.charCodeAt(prev.length - 1);
  const b = next.charCodeAt(0);
  if (isSurrogate(a) || isSurrogate(b)) {
    const pair = lastChar(prev) + firstChar(next);
    return HAN_PAIR.test(pair) ? pair : null;
  }
  return (table[a]! & HAN_LETTER_BIT) !== 0 && (table[b]! & HAN_LETTER_BIT) !== 0 ? prev[prev.length - 1]! + next[0]! : null;
}

/** The boundary pairs of a word sequence (every boundary), with the index of the word left of each. */
function boundaryPairs(words: string[]): { pair: string; left: number }[] {
  const table = charClasses();
  const out: { pair: string; left: number }[] = [];
  for (let i = 1; i < words.length; i++) {
    const pair = boundaryPair(words[i - 1]!, words[i]!, table, 'every');
    if (pair !== null) out.push({ pair, left: i - 1 });
  }
  return out;
}

/**
 * The index tokens of normalised text, in order, passed to `emit`: other-script words and numbers, jieba's
 * search-mode words, then the boundary pairs. Returns jieba's accurate-mode words (empty without Chinese).
 */
function segmentNormalised(text: string, emit: (token: string) => void, pairs: Pairs): string[] {
  const table = charClasses();
  const { other, chinese } = splitScripts(text);
  for (const w of other) emitClean(w, table, emit);
  if (!chinese) return [];
  const words = segmenter().cut(chinese, true);
  searchWords(words, (t) => emitClean(t, table, emit));
  for (let i = 1; i < words.length; i++) {
    const pair = boundaryPair(words[i - 1]!, words[i]!, table, pairs);
    if (pair !== null) emitClean(pair, table, emit);
  }
  return words;
}

/** Tokens of a body text (or, with `pairs` 'every', of a short one), repeats kept. */
export function indexTokens(text: string, pairs: Pairs = 'next-to-one-character'): string[] {
  const out: string[] = [];
  segmentNormalised(normalise(text), (t) => out.push(t), pairs);
  return out;
}

/** A text and the boundary pairs it gives; a plain string is a body ('next-to-one-character'). */
export type IndexedText = string | { text: string; pairs: Pairs };

/**
 * The distinct index tokens of several texts, in first-seen order, at most `maxDistinct` of them: what
 * `indexTokens` of each, concatenated, would give without repeats, without building the repeats.
 */
export function distinctIndexTokens(texts: IndexedText[], maxDistinct: number): string[] {
  const seen = new Set<string>();
  const add = (t: string) => {
    if (seen.size < maxDistinct) seen.add(t);
  };
  for (const t of texts) {
    const { text, pairs } = typeof t === 'string' ? { text: t, pairs: 'next-to-one-character' as const } : t;
    segmentNormalised(normalise(text), add, pairs);
  }
  return [...seen];
}

const initialsCache = new Map<string, string>();
/** Words recur across titles (条例, 管理, 关于印发…); pinyin-pro is slow enough that remembering them pays. */
const INITIALS_CACHE_SIZE = 100_000;

/** Pinyin initials of Chinese characters, other characters dropped: 政务公开 → zwgk. */
export function pinyinInitials(text: string): string {
  const cached = initialsCache.get(text);
  if (cached !== undefined) return cached;
  const letters = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' });
  const value = letters.filter((l) => /^[a-z]$/.test(l)).join('');
  if (text.length <= 8) {
    if (initialsCache.size >= INITIALS_CACHE_SIZE) initialsCache.clear();
    initialsCache.set(text, value);
  }
  return value;
}

/**
 * Tokens of a title, without repeats: its index tokens, each Chinese character on its own (so a
 * one-character query finds titles), and the pinyin initials of every Chinese word of two or more
 * characters, of every two neighbouring words (政务 + 公开 → zwgk) and of the whole title.
 */
export function titleTokens(title: string): string[] {
  const text = normalise(title);
  const out = new Set<string>();
  const words = segmentNormalised(text, (t) => out.add(t), 'every');
  for (const char of text) if (isHanLetter(char)) out.add(char);
  const add = (value: string) => {
    if (value.length >= 2) out.add(value.slice(0, MAX_TOKEN_LENGTH));
  };
  for (const word of [...out]) if (isHanWord(word)) add(pinyinInitials(word));
  // Two neighbouring words and the whole title from the initials of their words (each looked up once, then
  // cached): pinyin-pro on a whole title cost half of this function, and a reading per word is also the better
  // one for characters with two readings (重庆 cq, 银行 yh, 执行 zx, where the whole title gave zq, yx, zh).
  const han = words.map((w) => isHanWord(w) || isHanLetter(w));
  const wordInitials = words.map((w, i) => (han[i] ? pinyinInitials(w) : ''));
  for (let i = 1; i < words.length; i++) if (han[i - 1] && han[i]) add(wordInitials[i - 1]! + wordInitials[i]!);
  add(wordInitials.join(''));
  return [...out];
}

/**
 * Tokens a query must all match (AND), without repeats; empty when the query has no letters or digits.
 * The query is segmented like a text, except that a lone Chinese character next to another Chinese word
 * is replaced by its boundary pair(s) (宜府|办 → 宜府 府办): every text containing the query has those among
 * its index tokens, while the lone character may sit inside a longer word there. A one-character query
 * is that character.
 */
export function queryTokens(q: string): string[] {
  const { other, chinese } = splitScripts(normalise(q));
  if (!chinese) return [...new Set(clean(other))];
  const words = segmenter().cut(chinese, true);
  const pairs = boundaryPairs(words);
  const lone = (i: number) => isHanLetter(words[i] ?? '');
  const covered = new Map<string, boolean>(); // lone character → every occurrence has a pair
  words.forEach((w, i) => {
    if (lone(i)) covered.set(w, (covered.get(w) ?? true) && pairs.some((p) => p.left === i || p.left === i - 1));
  });
  const tokens = [
    ...other,
    ...segmenter()
      .cutForSearch(chinese, true)
      .filter((t) => !covered.get(t)),
  ];
  for (const p of pairs) if (lone(p.left) || lone(p.left + 1)) tokens.push(p.pair);
  return [...new Set(clean(tokens))];
}

/**
 * The query tokens a match needs: `tokens` without the dictionary 2- and 3-character words that lie inside a
 * longer Chinese token of the same query (人民 and 政府 inside 人民政府). Wherever an index holds the longer
 * token it also holds those (search mode indexes the dictionary 2- and 3-grams of every word, and a 3-gram's
 * own 2-grams are 2-grams of the word), so the matches are the same; the index reads fewer, and usually the
 * longest, posting lists, and ranking computes fewer term statistics.
 */
export function matchTokens(tokens: string[]): string[] {
  const words = dictionaryWords();
  const han = tokens.filter((t) => isHanWord(t));
  const implied = (t: string) => {
    const n = Array.from(t).length;
    return (n === 2 || n === 3) && words.has(t) && han.some((u) => u !== t && Array.from(u).length > n && u.includes(t));
  };
  return tokens.filter((t) => !isHanWord(t) || !implied(t));
}
