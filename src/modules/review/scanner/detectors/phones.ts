// Mainland mobile numbers (with +86/0086 and separators) and landlines (allow-list of published office numbers).
import { before, type Detector } from './hit.ts';

const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)86[\s-]?|86-)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![0-9A-Za-z])/g;
// Segments in use (domain.md §8.2): 13x, 145–149, 15x except 154, 162/165–167, 170–178, 18x, 19x.
const MOBILE_SEGMENT = /^1(?:3\d|4[5-9]|5[0-35-9]|6[25-7]|7[0-8]|8\d|9\d)/;
// An amount or a count: 19938075780元 is a statistic, not a phone.
const UNIT_AFTER = /^\s*(?:元|万|亿|千|百|人|户|吨|件|个|台|辆|份|次|项|平方|公里|亩|kg|t\b|%)/;
const NOT_A_PHONE = /(?:订单|单号|编号|流水号|批次|序号|条码|索引号|文号|代码|No\.?)\s*[：:]?\s*$/i;
// Area code 0 + 2–3 digits, then 7–8 digits; a separator or brackets are required so long numbers are not read as phones.
const LANDLINE = /(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-)\s?[2-9]\d{6,7}(?:-\d{1,5})?(?![0-9A-Za-z])/g;

export function phoneDigits(text: string): string {
  return text.replace(/\D/g, '');
}

export const detectPhones: Detector = (text, ctx, out) => {
  MOBILE.lastIndex = 0;
  for (let m = MOBILE.exec(text); m; m = MOBILE.exec(text)) {
    let digits = phoneDigits(m[0]);
    if (digits.length > 11) digits = digits.slice(-11);
    if (!MOBILE_SEGMENT.test(digits)) continue;
    if (ctx.allowPhones.has(digits)) continue;
    const orderLike = NOT_A_PHONE.test(before(text, m.index, 10)) || UNIT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    out.push({
      category: 'mobile',
      severity: orderLike ? 'low' : 'high',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      ruleId: orderLike ? 'mobile.order_like' : 'mobile',
      message: orderLike
        ? { zh: '形似手机号码的编号或数量（前有“编号/单号”等字样或后跟单位）', en: 'Number shaped like a mobile number (labelled as an order number, or followed by a unit)' }
        : { zh: `手机号码（${digits.slice(0, 3)} 号段）`, en: `Mobile number (${digits.slice(0, 3)} segment)` },
    });
  }
  LANDLINE.lastIndex = 0;
  for (let m = LANDLINE.exec(text); m; m = LANDLINE.exec(text)) {
    const digits = phoneDigits(m[0]);
    const local = digits.replace(/^0\d{2,3}/, '');
    if (ctx.allowPhones.has(digits) || ctx.allowPhones.has(local)) continue;
    out.push({
      category: 'landline',
      severity: 'medium',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      ruleId: 'landline',
      message: { zh: '固定电话号码（不在本单位公开的办公电话名单中）', en: 'Landline number (not on the list of published office numbers)' },
    });
  }
};
