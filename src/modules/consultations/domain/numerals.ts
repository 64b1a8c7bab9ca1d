// Chinese numerals as used in article headings (第一百零三条): parsing and the standard written form.
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const WRITE = '零一二三四五六七八九';

export const NUMERAL_CLASS = '零〇一二两三四五六七八九十百千0-9０-９';

/** 一百零三 → 103; also plain digits (第3条); null when the text is not a number below 10000. */
export function parseChineseNumber(text: string): number | null {
  if (text === '') return null;
  const ascii = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) {
    const n = Number(ascii);
    return n > 0 && n < 10_000 ? n : null;
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 10_000;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null) return null; // two digits in a row (一二, 三零)
      if (DIGITS[ch] === 0) continue; // 零 only marks a gap (一百零三)
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      const unit = UNITS[ch]!;
      if (unit >= lastUnit) return null; // units must fall (一百十 is fine, 十百 is not)
      total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
      if (Number.isNaN(total)) return null;
      digit = null;
      lastUnit = unit;
    } else return null;
  }
  if (digit !== null) total += digit;
  return total > 0 ? total : null;
}

/** 103 → 一百零三, 10 → 十, 110 → 一百一十 (the form used in Chinese legal texts). */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10_000) throw new RangeError(`out of range: ${n}`);
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let zero = false;
  let started = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) parts.push('零');
    zero = false;
    started = true;
    parts.push(WRITE[d]! + units[i]!);
  });
  const out = parts.join('');
  return out.startsWith('一十') ? out.slice(1) : out;
}
