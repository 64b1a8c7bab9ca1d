// Resident ID numbers: 18-digit (GB 11643 check character, real birth date, known address code) and old 15-digit ones.
import { divisionName, hasValidIdCheckChar, isKnownProvince, isPlausibleBirthDate, isRealDate } from '../checks.ts';
import { before, type Detector, type Hit } from './hit.ts';

// domain.md §8.1 pre-filter: lookarounds instead of \b because IDs sit between Chinese characters and other digits.
const ID18 = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
// Typed lists sometimes group an ID as 6-8-4 with spaces or hyphens; the grouping is strict so ordinary numbers stay out.
const ID18_GROUPED = /(?<![0-9A-Za-z])[1-9]\d{5}[ -](?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]\d{3}[\dXx](?![0-9A-Za-z])/g;
const ID15 = /(?<![0-9A-Za-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g;
const ID_KEYWORD = /身份证|证件号|公民身份号码|身份号码/;

function dateText(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

export const detectIdNumbers: Detector = (text, ctx, out) => {
  const candidates: RegExpExecArray[] = [];
  for (const re of [ID18, ID18_GROUPED]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) candidates.push(m);
  }
  for (const m of candidates) {
    const id = m[0].replace(/[ -]/g, '');
    const birth = id.slice(6, 14);
    const code = id.slice(0, 6);
    const checkOk = hasValidIdCheckChar(id);
    const dateOk = isPlausibleBirthDate(birth, ctx.today);
    const place = divisionName(code);
    const hit: Hit = { category: 'id_card', severity: 'high', start: m.index, end: m.index + m[0].length, text: m[0], ruleId: 'id_card.gb11643', message: { zh: '', en: '' } };
    if (checkOk && dateOk && place) {
      hit.message = {
        zh: `身份证号码（校验位正确，出生日期 ${dateText(birth)}，地址码 ${code} ${place}）`,
        en: `Resident ID number (valid check digit, born ${dateText(birth)}, address code ${code} ${place})`,
      };
    } else if (checkOk && dateOk && isKnownProvince(code)) {
      // Address codes change over time; an old county code with a valid check digit is still most likely an ID.
      hit.severity = 'medium';
      hit.ruleId = 'id_card.gb11643.old_area';
      hit.message = {
        zh: `疑似身份证号码（校验位正确，出生日期 ${dateText(birth)}，地址码 ${code} 不在现行区划中）`,
        en: `Probable resident ID number (valid check digit, born ${dateText(birth)}, address code ${code} not current)`,
      };
    } else if (dateOk && (place || isKnownProvince(code)) && ID_KEYWORD.test(before(text, m.index, 12))) {
      // A mistyped ID next to the word 身份证 is still personal data; elsewhere such numbers are not reported.
      hit.severity = 'low';
      hit.ruleId = 'id_card.bad_check';
      hit.message = { zh: '疑似身份证号码（校验位不符）', en: 'Possible resident ID number (check digit does not match)' };
    } else continue;
    out.push(hit);
  }
  ID15.lastIndex = 0;
  for (let m = ID15.exec(text); m; m = ID15.exec(text)) {
    const id = m[0];
    const birth = `19${id.slice(6, 12)}`;
    const code = id.slice(0, 6);
    const place = divisionName(code);
    const y = Number(birth.slice(0, 4));
    if (!isRealDate(y, Number(birth.slice(4, 6)), Number(birth.slice(6, 8)))) continue;
    const anchored = ID_KEYWORD.test(before(text, m.index, 12));
    if (!place && !(anchored && isKnownProvince(code))) continue;
    out.push({
      category: 'id_card_old',
      severity: place ? 'high' : 'medium',
      start: m.index,
      end: m.index + id.length,
      text: id,
      ruleId: 'id_card.old15',
      message: {
        zh: `15 位旧身份证号码（出生日期 ${dateText(birth)}${place ? `，地址码 ${code} ${place}` : ''}）`,
        en: `Old 15-digit ID number (born ${dateText(birth)}${place ? `, address code ${code} ${place}` : ''})`,
      },
    });
  }
};
