// The parts of an official document's text around its body (GB/T 9704, domain.md §5.6): the title, the
// 发文字号 line under the masthead, the 落款 (issuing organ over the 成文日期) and the 附注 (（此件公开发布）).
import { extractDocNumbers } from '../../../platform/text/doc-number.ts';
import { findChineseDates } from './dates.ts';
import { isOrganName, organFromMasthead, organsOnLine } from './organs.ts';

const GENRES =
  '通知|意见|决定|办法|规定|批复|复函|函|报告|请示|公告|通告|通报|纪要|方案|要点|规划|计划|细则|条例|规则|决议|命令|公报|议案|答复|指引|指南|措施|清单|目录|制度|章程|解释|标准|通令|令';
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十百\d]+[条章节])/u;
// Not a sentence, not a numbered heading (一、 （一） 1. 第一条), ends with a genre: …的通知, …条例, …工作要点.
const TITLE = new RegExp(`^(?!根据|依据|为了|按照)[^。；，,;：:！？]{3,98}?(?:${GENRES})(?:[（(][^）)]{1,20}[）)])?$`, 'u');
const SENTENCE_END = /[。；，,;：:！？]$/;
const NOTE = /^[（(]\s*(此件[^）)]{1,20}?)\s*[）)]$/u;

export interface LineRef {
  index: number;
  text: string;
}

function nonEmpty(lines: string[], from = 0, limit = Number.POSITIVE_INFINITY): LineRef[] {
  const out: LineRef[] = [];
  for (let i = from; i < lines.length && out.length < limit; i++) {
    const text = lines[i]!.trim();
    if (text) out.push({ index: i, text });
  }
  return out;
}

/** The 发文字号 printed on its own line in the head of the text (optionally with 签发人), normalised. */
export function findDocNoLine(lines: string[], head = 25): (LineRef & { docNo: string }) | null {
  for (const ref of nonEmpty(lines, 0, head)) {
    const matches = extractDocNumbers(ref.text);
    if (matches.length !== 1) continue;
    const rest = (ref.text.slice(0, matches[0]!.index) + ref.text.slice(matches[0]!.index + matches[0]!.raw.length)).trim();
    if (rest === '' || /^签发人[:：]/.test(rest)) return { ...ref, docNo: matches[0]!.normalised };
  }
  return null;
}

/** True when a line has the shape of a document title: …关于…的通知, …条例, 2023年…工作要点. */
export function looksLikeTitle(text: string): boolean {
  return TITLE.test(text) && !NUMBERED.test(text) && !isOrganName(text) && extractDocNumbers(text).length === 0;
}

/** The title in the head of the text, with the indexes of the lines it spans (a long title may wrap). */
export function findTitle(lines: string[], docNoLine: LineRef | null, head = 30): { title: string; indexes: number[] } | null {
  const refs = nonEmpty(lines, 0, head);
  for (let k = 0; k < refs.length; k++) {
    const { index, text } = refs[k]!;
    const prev = refs[k - 1];
    // GB/T 9704 titles often break after the organ name: 宜昌市人民政府办公室 / 关于印发…的通知.
    if (prev && /^关于/.test(text) && isOrganName(prev.text) && looksLikeTitle(prev.text + text)) {
      return { title: prev.text + text, indexes: [prev.index, index] };
    }
    if (looksLikeTitle(text)) return { title: text, indexes: [index] };
    const next = refs[k + 1];
    if (next && /关于|印发/.test(text) && !SENTENCE_END.test(text) && next.text.length <= 40 && looksLikeTitle(text + next.text)) {
      return { title: text + next.text, indexes: [index, next.index] };
    }
  }
  const usable = (ref: LineRef | undefined) =>
    ref &&
    ref.text.length <= 80 &&
    !NUMBERED.test(ref.text) &&
    !SENTENCE_END.test(ref.text) &&
    !organFromMasthead(ref.text) &&
    !isOrganName(ref.text) &&
    extractDocNumbers(ref.text).length === 0;
  if (docNoLine) {
    const before = refs.filter((r) => r.index < docNoLine.index).pop();
    if (usable(before)) return { title: before!.text, indexes: [before!.index] };
  }
  const first = refs.find((r) => usable(r) && findChineseDates(r.text).length === 0);
  return first ? { title: first.text, indexes: [first.index] } : null;
}

/** The 落款: the organ line(s) directly over a date line (or on the same line). The first such pair wins. */
export function findSignature(lines: string[]): { date: string; issuer: string | null; index: number } | null {
  let lastDateOnly: { date: string; issuer: null; index: number } | null = null;
  const refs = nonEmpty(lines);
  for (let k = 0; k < refs.length; k++) {
    const { index, text } = refs[k]!;
    const dates = findChineseDates(text);
    const last = dates[dates.length - 1];
    if (!last || last.index + last.raw.length !== text.length) continue;
    const before = text.slice(0, last.index).trim();
    const organs: string[] = [];
    if (before) {
      const inline = organsOnLine(before);
      if (!inline) continue;
      organs.push(...inline);
    } else {
      lastDateOnly = { date: last.date, issuer: null, index };
    }
    for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
      const above = organsOnLine(refs[j]!.text);
      if (!above) break;
      organs.unshift(...above);
    }
    if (organs.length) return { date: last.date, issuer: organs.join('、'), index };
  }
  return lastDateOnly;
}

/** The 附注 marking such as （此件公开发布）, with full-width parentheses, or null. */
export function findNote(lines: string[]): string | null {
  for (const { text } of nonEmpty(lines)) {
    const match = NOTE.exec(text);
    if (match) return `（${match[1]!.replace(/\s+/g, '')}）`;
  }
  return null;
}

/** The organ of a 发文机关标志 (…文件) line in the head, or null. */
export function findMasthead(lines: string[], head = 10): string | null {
  for (const { text } of nonEmpty(lines, 0, head)) {
    const organ = organFromMasthead(text);
    if (organ) return organ;
  }
  return null;
}
