// Chinese dates in document text: 2023年3月5日, 二〇二三年三月五日, ２０２３年３月５日, and the ISO-like
// forms of portal metadata (2023-03-05, 2023/3/5, 2023.03.05). Results are calendar-checked YYYY-MM-DD.

export interface DateMatch {
  /** YYYY-MM-DD */
  date: string;
  index: number;
  raw: string;
}

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN = '〇零○Ｏ一二三四五六七八九十';
const ARABIC_DATE = /([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日/gu;
const CHINESE_DATE = new RegExp(`([${CN}O]{4})\\s*年\\s*([${CN}]{1,3})\\s*月\\s*([${CN}]{1,3})\\s*日`, 'gu');
const ISO_DATE = /(?<![0-9])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![0-9])/g;

function arabic(text: string): number {
  return Number(text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31. */
function chineseSmall(text: string): number {
  if (!text.includes('十')) return text.length === 1 ? (CN_DIGIT[text] ?? NaN) : NaN;
  const [tens, units] = text.split('十') as [string, string];
  return (tens ? (CN_DIGIT[tens] ?? NaN) : 1) * 10 + (units ? (CN_DIGIT[units] ?? NaN) : 0);
}

function chineseYear(text: string): number {
  return Number([...text].map((c) => CN_DIGIT[c] ?? NaN).join(''));
}

/** YYYY-MM-DD if the parts form a real calendar date between 1900 and 2099, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** All dates written in Chinese style (Arabic or Chinese numerals), in order of appearance. */
export function findChineseDates(text: string, options: { iso?: boolean } = {}): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of text.matchAll(ARABIC_DATE)) {
    const date = isoDate(arabic(m[1]!), arabic(m[2]!), arabic(m[3]!));
    if (date) found.push({ date, index: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(CHINESE_DATE)) {
    const date = isoDate(chineseYear(m[1]!), chineseSmall(m[2]!), chineseSmall(m[3]!));
    if (date) found.push({ date, index: m.index, raw: m[0] });
  }
  if (options.iso) {
    for (const m of text.matchAll(ISO_DATE)) {
      const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (date) found.push({ date, index: m.index, raw: m[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The date of a line that holds only a date (a 落款 date line), or null. */
export function standaloneDate(line: string): string | null {
  const text = line.trim();
  const [match] = findChineseDates(text);
  return match && match.index === 0 && match.raw.length === text.length ? match.date : null;
}
