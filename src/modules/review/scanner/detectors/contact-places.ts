// E-mail addresses (official domains allowed), licence plates (GA 36) and home addresses down to building/unit/room.
import type { Detector } from './hit.ts';

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}/g;

export const detectEmails: Detector = (text, ctx, out) => {
  if (!text.includes('@')) return;
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
    const domain = m[0].slice(m[0].lastIndexOf('@') + 1).toLowerCase();
    if (ctx.allowEmailDomains.some((d) => domain === d || domain.endsWith(`.${d}`))) continue;
    out.push({
      category: 'email',
      severity: 'medium',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      ruleId: 'email',
      message: { zh: `电子邮箱（${domain} 不是允许的机关域名）`, en: `E-mail address (${domain} is not an allowed official domain)` },
    });
  }
};

const PLATE =
  /(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•\s]?(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])(?![A-Za-z0-9])/g;

export const detectPlates: Detector = (text, _ctx, out) => {
  PLATE.lastIndex = 0;
  for (let m = PLATE.exec(text); m; m = PLATE.exec(text)) {
    // A plate has at least two digits; words such as 新G（a road name） followed by letters are not plates.
    if ((m[0].match(/\d/g) ?? []).length < 2) continue;
    out.push({
      category: 'plate',
      severity: 'medium',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      ruleId: 'plate',
      message: { zh: '机动车号牌', en: 'Vehicle licence plate' },
    });
  }
};

const NUM = '[0-9０-９一二三四五六七八九十百零〇]+';
// The part below street level: building + unit/room, or a village group + house number. Publish down to the
// township/street only (domain.md §8.7), so the span reported and masked is exactly that part.
const ADDRESS = new RegExp(
  `${NUM}(?:栋|幢|号楼|座)(?:${NUM}单元)?(?:${NUM}(?:楼|层))?${NUM}(?:室|号|户)|${NUM}(?:栋|幢|号楼)${NUM}单元|${NUM}(?:组|队)${NUM}号(?![楼院文令])`,
  'g',
);
const ADDRESS_CONTEXT = /[路街巷弄道里村组区苑园庄寓厦城湾府邸]|小区|社区|住址|家住|居住|地址/;

const ADDRESS_ANCHOR = /[栋幢座楼组队]/g;

export const detectAddresses: Detector = (text, _ctx, out) => {
  // Cheap anchor first (a building/group character), then the full pattern on a small window around it: the
  // pattern starts with a numeral class that would otherwise be tried at every 一/二/三 of a law text.
  ADDRESS_ANCHOR.lastIndex = 0;
  let lastEnd = 0;
  for (let a = ADDRESS_ANCHOR.exec(text); a; a = ADDRESS_ANCHOR.exec(text)) {
    const ws = Math.max(lastEnd, a.index - 12);
    const window = text.slice(ws, Math.min(text.length, a.index + 24));
    ADDRESS.lastIndex = 0;
    const m = ADDRESS.exec(window);
    if (!m || ws + m.index > a.index) continue;
    const start = ws + m.index;
    const end = start + m[0].length;
    lastEnd = end;
    ADDRESS_ANCHOR.lastIndex = end;
    const lead = text.slice(Math.max(0, start - 20), start);
    if (!ADDRESS_CONTEXT.test(lead)) continue;
    out.push({
      category: 'address',
      severity: 'medium',
      start,
      end,
      text: m[0],
      ruleId: 'address.detail',
      message: { zh: '详细住址（楼栋、单元、房号或组号门牌），公开时只宜写到乡镇（街道）', en: 'Detailed home address (building, unit, room or house number)' },
    });
  }
};
