// Traditional → simplified Chinese (Hong Kong variants first, 衞 → 卫; then Taiwan variants and standard
// traditional, 看著 → 看着, 政務 → 政务), skipped for the usual text that has nothing to convert: the converters
// cost more than segmentation, and most texts are simplified already.
import { Converter, Locale } from 'opencc-js/t2cn';
import { hasSurrogate, isSurrogate } from './char-classes.ts';

const fromHongKong = Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = Converter({ from: 'tw', to: 'cn' });

/**
 * What the converters change, found once from their dictionaries: characters they change on their own
 * (個, 臺, 著 …; BMP ones as a table) and phrases they change although none of their characters changes alone
 * (瞭解, 反覆 …).
 */
type Convertible = { bmp: Uint8Array; astral: Set<number>; phrases: RegExp | null };
let convertible: Convertible | undefined;

function convertibleParts(): Convertible {
  if (convertible) return convertible;
  const keys = new Set<string>();
  for (const group of [...Locale.from.hk, ...Locale.from.tw, ...Locale.to.cn])
    for (const d of group) for (const entry of String(d).split('|')) keys.add(entry.split(' ')[0] ?? '');
  const convert = (t: string) => fromTaiwan(fromHongKong(t)).normalize('NFKC');
  const chars = [...keys].filter((k) => /^\p{Script=Han}$/u.test(k) && convert(k) !== k);
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (const c of chars) {
    if (c.length === 1) bmp[c.charCodeAt(0)] = 1;
    else astral.add(c.codePointAt(0)!);
  }
  const changesAlone = (k: string) =>
    Array.from(k).some((c) => (c.length === 1 ? bmp[c.charCodeAt(0)] === 1 : astral.has(c.codePointAt(0)!)));
  const phrases = [...keys].filter((k) => Array.from(k).length > 1 && !changesAlone(k) && convert(k) !== k);
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  convertible = { bmp, astral, phrases: phrases.length ? new RegExp(phrases.map(escape).join('|'), 'u') : null };
  return convertible;
}

/** Whether `toSimplified` would change anything in `text` (after NFKC). */
export function hasTraditional(text: string): boolean {
  const { bmp, astral, phrases } = convertibleParts();
  const surrogates = astral.size > 0 && hasSurrogate(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (bmp[c] === 1) return true;
    if (surrogates && isSurrogate(c) && astral.has(text.codePointAt(i)!)) return true;
  }
  return phrases !== null && phrases.test(text);
}

/** Traditional (Hong Kong, Taiwan, standard) → simplified, NFKC; the text itself when there is nothing to convert. */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  return fromTaiwan(fromHongKong(text)).normalize('NFKC');
}
