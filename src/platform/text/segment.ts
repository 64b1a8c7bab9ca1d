// Chinese text → search tokens, produced in the app so SQLite FTS5 and PostgreSQL index exactly the same
// terms (DESIGN.md §3 "Search"). Index text and queries go through the same steps:
//   1. normalise: NFKC (full-width → half-width), lower case, traditional → simplified;
//   2. words of other scripts and numbers (covid, 2023, naïve, αβγ) are tokens as they are;
//   3. Chinese goes to jieba in search mode (every word and the dictionary words inside it), plus the pair
//      of characters across each word boundary (燃气管|道 → 管道), so a two-character word that jieba cut
//      apart in one context is still found.
// A token is a run of letters and digits (\p{L}\p{N}) only: punctuation splits (covid-19 → covid 19). With
// such tokens FTS5's `ascii` tokenizer and PostgreSQL's `simple` parser keep every token intact.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { Converter, Locale } from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

/** Longer tokens (hashes, long ASCII runs) are cut to this many characters, on both sides. */
export const MAX_TOKEN_LENGTH = 64;

// Hong Kong variants first (衞 → 卫), then Taiwan variants and standard traditional (看著 → 看着, 政務 → 政务).
const fromHongKong = Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = Converter({ from: 'tw', to: 'cn' });

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
 * jieba's search mode from the words of its accurate mode, as jieba-rs computes it (the dictionary 2- and
 * 3-grams inside every longer word, then the word): one segmentation pass gives both, where calling
 * cutForSearch and cut segments the text twice.
 */
function searchWords(words: string[]): string[] {
  const words2 = dictionaryWords();
  const out: string[] = [];
  for (const word of words) {
    const n = word.length;
    if (n > 2) {
      if (hasSurrogate(word)) {
        const chars = Array.from(word);
        const m = chars.length;
        if (m > 2) for (let i = 0; i + 2 <= m; i++) if (words2.has(chars[i]! + chars[i + 1]!)) out.push(chars[i]! + chars[i + 1]!);
        if (m > 3)
          for (let i = 0; i + 3 <= m; i++) {
            const gram = chars[i]! + chars[i + 1]! + chars[i + 2]!;
            if (words2.has(gram)) out.push(gram);
          }
      } else {
        // Most words: one UTF-16 unit per character, so grams are plain slices.
        for (let i = 0; i + 2 <= n; i++) {
          const gram = word.slice(i, i + 2);
          if (words2.has(gram)) out.push(gram);
        }
        if (n > 3)
          for (let i = 0; i + 3 <= n; i++) {
            const gram = word.slice(i, i + 3);
            if (words2.has(gram)) out.push(gram);
          }
      }
    }
    out.push(word);
  }
  return out;
}

function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/**
 * Per BMP code unit, whether the character is a Han letter (bit 1) and a letter or digit (bit 2), computed once
 * from the same Unicode property regexes the slow path uses: the hot loops test a table instead of a regex.
 */
let charClasses: Uint8Array | undefined;
function classes(): Uint8Array {
  if (charClasses) return charClasses;
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    table[c] = (HAN_LETTER.test(ch) ? 1 : 0) | (LETTER_OR_DIGIT.test(ch) ? 2 : 0);
  }
  charClasses = table;
  return table;
}
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

let convertible: RegExp | undefined;
/**
 * Characters that traditional → simplified conversion changes on their own (個, 臺, 著 …) and the phrases it
 * changes although none of their characters changes alone (瞭解, 反覆 …), found once from the converters'
 * dictionaries. A text with none of them is left as it is: the converters cost more than segmentation, and
 * most texts are simplified already.
 */
export function convertibleText(): RegExp {
  if (convertible) return convertible;
  const keys = new Set<string>();
  for (const group of [...Locale.from.hk, ...Locale.from.tw, ...Locale.to.cn])
    for (const d of group) for (const entry of String(d).split('|')) keys.add(entry.split(' ')[0] ?? '');
  const convert = (t: string) => fromTaiwan(fromHongKong(t)).normalize('NFKC');
  const chars = [...keys].filter((k) => /^\p{Script=Han}$/u.test(k) && convert(k) !== k);
  const alone = new RegExp(`[${chars.join('')}]`, 'u');
  const phrases = [...keys].filter((k) => Array.from(k).length > 1 && !alone.test(k) && convert(k) !== k);
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  convertible = new RegExp([`[${chars.join('')}]`, ...phrases.map(escape)].join('|'), 'u');
  return convertible;
}

const NON_TOKEN = /[^\p{L}\p{N}]+/u;
const OTHER_WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /\p{Script=Han}/u;
const HAN_LETTER = /^(?=\p{L})\p{Script=Han}$/u;
const HAN_PAIR = /^(?:(?=\p{L})\p{Script=Han}){2}$/u;
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** Full-width → half-width and other compatibility forms (NFKC), lower case, traditional → simplified. */
export function normalise(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  if (!HAN.test(folded) || !convertibleText().test(folded)) return folded;
  return fromTaiwan(fromHongKong(folded)).normalize('NFKC');
}

const ALL_TOKEN = /^[\p{L}\p{N}]{1,64}$/u;

/** A run of 1–64 letters and digits (ALL_TOKEN), by table for the usual BMP token. */
function isWholeToken(token: string, table: Uint8Array): boolean {
  const n = token.length;
  if (n === 0 || n > MAX_TOKEN_LENGTH) return ALL_TOKEN.test(token);
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return ALL_TOKEN.test(token);
    if ((table[c]! & 2) === 0) return false;
  }
  return true;
}

function clean(raw: string[]): string[] {
  const table = classes();
  const out: string[] = [];
  for (const token of raw) {
    // Most tokens are one short run of letters: kept as they are without splitting.
    if (isWholeToken(token, table)) {
      out.push(token);
      continue;
    }
    for (const part of token.split(NON_TOKEN)) {
      if (!part) continue;
      out.push(part.length > MAX_TOKEN_LENGTH ? Array.from(part).slice(0, MAX_TOKEN_LENGTH).join('') : part);
    }
  }
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

/** The pairs of Chinese characters that meet at a boundary between two words: 燃气管|道 → 管道. */
function boundaryPairs(words: string[]): { pair: string; left: number }[] {
  const table = classes();
  const out: { pair: string; left: number }[] = [];
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1]!;
    const next = words[i]!;
    if (prev.length === 0 || next.length === 0) continue;
    const a = prev.charCodeAt(prev.length - 1);
    const b = next.charCodeAt(0);
    if (a >= 0xd800 && a <= 0xdfff) {
      const pair = lastChar(prev) + firstChar(next);
      if (HAN_PAIR.test(pair)) out.push({ pair, left: i - 1 });
    } else if (b >= 0xd800 && b <= 0xdfff) {
      const pair = prev[prev.length - 1]! + firstChar(next);
      if (HAN_PAIR.test(pair)) out.push({ pair, left: i - 1 });
    } else if ((table[a]! & 1) === 1 && (table[b]! & 1) === 1) out.push({ pair: prev[prev.length - 1]! + next[0]!, left: i - 1 });
  }
  return out;
}

function segmentNormalised(text: string): string[] {
  const { other, chinese } = splitScripts(text);
  if (!chinese) return clean(other);
  const words = segmenter().cut(chinese, true);
  const tokens = [...other, ...searchWords(words)];
  for (const { pair } of boundaryPairs(words)) tokens.push(pair);
  return clean(tokens);
}

/** Tokens of a body text, repeats kept (term frequency matters for ranking). */
export function indexTokens(text: string): string[] {
  return segmentNormalised(normalise(text));
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
  const out = new Set(segmentNormalised(text));
  for (const char of text) if (HAN_LETTER.test(char)) out.add(char);
  const initials = (words: string) => {
    const value = pinyinInitials(words);
    if (value.length >= 2) out.add(value.slice(0, MAX_TOKEN_LENGTH));
  };
  for (const word of [...out]) if (HAN_WORD.test(word)) initials(word);
  const { chinese } = splitScripts(text);
  const words = chinese ? segmenter().cut(chinese, true) : [];
  for (let i = 1; i < words.length; i++) if (HAN_WORD.test(words[i - 1]! + words[i]!)) initials(words[i - 1]! + words[i]!);
  initials(text);
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
  const lone = (i: number) => HAN_LETTER.test(words[i] ?? '');
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
  const han = tokens.filter((t) => HAN_WORD.test(t));
  const implied = (t: string) => {
    const n = Array.from(t).length;
    return (n === 2 || n === 3) && words.has(t) && han.some((u) => u !== t && Array.from(u).length > n && u.includes(t));
  };
  return tokens.filter((t) => !HAN_WORD.test(t) || !implied(t));
}
