// 发文字号 (document number) parsing and normalisation (domain.md §5.5). Pure functions.
// Standard form: 机关代字〔年份〕序号号, e.g. 宜府办发〔2023〕5号. Real data is noisy: labels, other brackets,
// full-width digits, leading zeros, spaces, 第 before the serial, a missing 号, trailing text.
// Government orders (令) and numbered announcements (公告) have no bracketed year; parseOrderNumber handles them.

/** A standard document number. `normalised` uses 〔〕 and no leading zeros. */
export interface DocNumber {
  prefix: string;
  year: number;
  serial: number;
  normalised: string;
}

/** An order or announcement number: 国务院令第374号, 省政府令第149号, 国家税务总局公告2018年第14号. */
export interface OrderNumber {
  prefix: string;
  year: number | null;
  serial: number;
  normalised: string;
}

/** A document number found in running text; `index` is the offset of `raw` in that text. */
export interface DocNumberMatch {
  raw: string;
  index: number;
  normalised: string;
  kind: 'standard' | 'order';
}

const OPEN = '〔\\[【(（［﹝〈〖｛{';
const CLOSE = '〕\\]】)）］﹞〉〗｝}';
const CN_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  Ｏ: '0',
  O: '0',
  o: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const YEAR = `[0-9〇零○Ｏ一二三四五六七八九]{4}`;
const LABEL = /^\s*(?:发文字号|发文文号|文件字号|文件编号|发文号|文号|字号)\s*[:：]?\s*/;
const PREFIX_OK = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z0-9·・]{0,23}$/u;

const STANDARD = new RegExp(`^(.+?)\\s*[${OPEN}]\\s*(${YEAR})\\s*年?\\s*[${CLOSE}]\\s*(?:第?\\s*0*(\\d{1,6})|号\\s*0*(\\d{1,6}))`, 'u');
const ORDER = new RegExp(`^(.+?)\\s*(?:(${YEAR})\\s*年度?\\s*)?(第)?\\s*0*(\\d{1,6})\\s*号`, 'u');

/** Full-width digits and letters to ASCII, invisible characters removed, odd spaces to plain spaces. */
export function cleanDocNumberText(raw: string): string {
  return raw
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u00A0\u3000\t]/g, ' ');
}

function toYear(text: string): number | null {
  const digits = [...text].map((c) => (/\d/.test(c) ? c : (CN_DIGITS[c] ?? ''))).join('');
  if (digits.length !== 4) return null;
  const year = Number(digits);
  return year >= 1900 && year <= 2099 ? year : null;
}

function toSerial(text: string): number | null {
  const serial = Number(text);
  return Number.isInteger(serial) && serial > 0 ? serial : null;
}

// Title or sentence fragments that scrapers leave before a field value: 的通知沪府发… → 沪府发. No code contains them.
const FIELD_NOISE = /^.*(?:根据|依据|按照|参照|印发|转发|下发|发布|废止|修改|落实|关于|通知|通告|意见|决定|批复|人民政府|以及|按|的)(?=.)/u;

function cleanPrefix(text: string, trimNoise: boolean): string | null {
  const squeezed = text.replace(/\s+/g, '');
  const prefix = trimNoise ? squeezed.replace(FIELD_NOISE, '') : squeezed;
  return PREFIX_OK.test(prefix) ? prefix : null;
}

/** The normalised form of a standard document number. */
export function formatDocNumber(parts: { prefix: string; year: number; serial: number }): string {
  return `${parts.prefix}〔${parts.year}〕${parts.serial}号`;
}

/** Parses a 发文字号 field value in the standard bracketed form, or returns null. */
export function parseDocNumber(raw: string): DocNumber | null {
  const text = cleanDocNumberText(raw).replace(LABEL, '').trim();
  const m = STANDARD.exec(text);
  if (!m) return null;
  const prefix = cleanPrefix(m[1]!, true);
  const year = toYear(m[2]!);
  const serial = toSerial(m[3] ?? m[4]!);
  if (prefix === null || year === null || serial === null) return null;
  return { prefix, year, serial, normalised: formatDocNumber({ prefix, year, serial }) };
}

/** Parses an order (…令第N号, …令2019年第N号) or numbered announcement (…公告2018年第N号) number. */
export function parseOrderNumber(raw: string): OrderNumber | null {
  const text = cleanDocNumberText(raw).replace(LABEL, '').trim();
  const m = ORDER.exec(text);
  if (!m) return null;
  const prefix = cleanPrefix(m[1]!, false);
  const year = m[2] === undefined ? null : toYear(m[2]);
  const serial = toSerial(m[4]!);
  if (prefix === null || serial === null || (m[2] !== undefined && year === null)) return null;
  const isOrder = /令$/.test(prefix);
  if (!m[3] && !isOrder) return null; // 第 may only be dropped after 令
  if (!isOrder && !/公告$|通告$/.test(prefix) && year === null) return null; // 豫政 第99号: a standard number missing its year
  return { prefix, year, serial, normalised: `${prefix}${year === null ? '' : `${year}年`}第${serial}号` };
}

/** The normalised form of any document number (standard first, then order/announcement), or null. */
export function normaliseDocNumber(raw: string): string | null {
  return parseDocNumber(raw)?.normalised ?? parseOrderNumber(raw)?.normalised ?? null;
}

// Words that end the text before a document number in running text: 根据宜府办发〔2023〕5号 → 宜府办发.
const BOUNDARY =
  /^.*(?:根据|依据|按照|参照|印发|转发|下发|发布|废止|修改|文件|落实|关于|的|了|号|以|与|及|或|按|见|即|在|为|将|是|由|对|(?<!共)和)/u;
const FW_DIGIT = '[0-9０-９]';
const IN_TEXT_STANDARD = new RegExp(
  `([\\p{Script=Han}A-Za-z]{1,24})[ \\u3000]?[${OPEN}][ \\u3000]?((?:${FW_DIGIT}|[〇零○一二三四五六七八九]){4})[ \\u3000]?[${CLOSE}][ \\u3000]?(?:第[ \\u3000]?)?(${FW_DIGIT}{1,6})[ \\u3000]?号`,
  'gu',
);
const IN_TEXT_ORDER = new RegExp(
  `([\\p{Script=Han}]{1,24}(?:令|公告))[ \\u3000]?(?:(${FW_DIGIT}{4})年)?第[ \\u3000]?(${FW_DIGIT}{1,6})[ \\u3000]?号`,
  'gu',
);

function trimLeadingWords(prefix: string, before: string): string {
  const trimmed = prefix.replace(BOUNDARY, '');
  // 2003年4月7日中华人民共和国国务院令…: a date unit straight after a digit is not part of the name (日照市 is).
  return /\d$/.test(before) && trimmed === prefix ? trimmed.replace(/^[年月日]/, '') : trimmed;
}

/** Finds document numbers in running text, in order of appearance, each with its normalised form. */
export function extractDocNumbers(text: string): DocNumberMatch[] {
  const found: DocNumberMatch[] = [];
  for (const m of text.matchAll(IN_TEXT_STANDARD)) {
    const prefix = trimLeadingWords(m[1]!, text.slice(Math.max(0, m.index - 1), m.index));
    if (!prefix) continue;
    const offset = m[1]!.length - prefix.length;
    const raw = m[0].slice(offset);
    const parsed = parseDocNumber(raw);
    if (parsed) found.push({ raw, index: m.index + offset, normalised: parsed.normalised, kind: 'standard' });
  }
  for (const m of text.matchAll(IN_TEXT_ORDER)) {
    const suffix = m[1]!.endsWith('令') ? '令' : '公告';
    const prefix = trimLeadingWords(m[1]!.slice(0, -suffix.length), text.slice(Math.max(0, m.index - 1), m.index)) + suffix;
    const offset = m[1]!.length - prefix.length;
    const raw = m[0].slice(offset);
    const parsed = parseOrderNumber(raw);
    if (parsed && prefix.length >= 2) found.push({ raw, index: m.index + offset, normalised: parsed.normalised, kind: 'order' });
  }
  return found.sort((a, b) => a.index - b.index);
}
