// The structure of a draft (章/节/条/款/项) so comments can point at an article or one of its paragraphs. Drafts are
// plain text, one paragraph a line, in the usual form: 第一章 总则 / 第一条 … / further lines are further 款; lines
// opening with （一） are 项 and stay with their 款.
import { NUMERAL_CLASS, formatChineseNumber, parseChineseNumber } from './numerals.ts';

export type DraftArticle = {
  /** The anchor comments use: the article number as text ("3"); a paragraph is "3.2". */
  key: string;
  number: number;
  label: string;
  /** The chapter heading it sits in (第一章\u3000总则), if any. */
  chapter: string | null;
  /** 款, in order; a 款's 项 are kept on it, separated by new lines. */
  paragraphs: string[];
};

export type DraftIssue = { line: number; message: string };
export type ParsedDraft = { preamble: string[]; chapters: string[]; articles: DraftArticle[]; issues: DraftIssue[] };

const SPACE = '[\\s\\u3000]';
const ARTICLE = new RegExp(`^${SPACE}*第([${NUMERAL_CLASS}]+)条(?:${SPACE}+|$)(.*)$`);
const CHAPTER = new RegExp(`^${SPACE}*第([${NUMERAL_CLASS}]+)([章节])(?:${SPACE}+(.*)|$)`);
const ITEM = /^[\s\u3000]*[（(][一二三四五六七八九十]+[）)]/;

export const articleLabel = (n: number) => `第${formatChineseNumber(n)}条`;

/** Parses the draft text; never throws. Numbering problems are reported as issues (line numbers from 1). */
export function parseDraft(text: string): ParsedDraft {
  const out: ParsedDraft = { preamble: [], chapters: [], articles: [], issues: [] };
  let chapter: string | null = null;
  let current: DraftArticle | null = null;
  const seen = new Set<number>();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (line === '') return;
    const heading = CHAPTER.exec(line);
    if (heading && parseChineseNumber(heading[1]!) !== null) {
      const title = (heading[3] ?? '').trim();
      const label = `第${heading[1]}${heading[2]}${title ? `\u3000${title}` : ''}`;
      if (heading[2] === '章') {
        chapter = label;
        out.chapters.push(label);
      }
      current = null;
      return;
    }
    const art = ARTICLE.exec(line);
    const number = art ? parseChineseNumber(art[1]!) : null;
    if (art && number !== null) {
      if (seen.has(number)) out.issues.push({ line: index + 1, message: `第${index + 1}行：${articleLabel(number)}重复出现` });
      else {
        const expected = out.articles.length + 1;
        if (number !== expected) out.issues.push({ line: index + 1, message: `第${index + 1}行：条文序号应为${articleLabel(expected)}，实为${articleLabel(number)}` });
      }
      seen.add(number);
      current = { key: String(number), number, label: articleLabel(number), chapter, paragraphs: [] };
      out.articles.push(current);
      const rest = (art[2] ?? '').trim();
      if (rest) current.paragraphs.push(rest);
      return;
    }
    if (!current) {
      out.preamble.push(line);
      return;
    }
    const paragraphs: string[] = current.paragraphs;
    if (ITEM.test(line) && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += `\n${line}`;
    else paragraphs.push(line);
  });
  return out;
}

/** Whether an anchor ("3" or "3.2") names an article (and paragraph) of the draft. */
export function anchorExists(draft: ParsedDraft, anchor: string): boolean {
  const m = /^(\d{1,4})(?:\.(\d{1,3}))?$/.exec(anchor);
  if (!m) return false;
  const article = draft.articles.find((a) => a.key === m[1]);
  if (!article) return false;
  return m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= article.paragraphs.length);
}

/** 第三条 or 第三条第二款, for lists and the adoption report. */
export function anchorLabel(anchor: string | null): string {
  if (!anchor) return '总体意见';
  const [a, p] = anchor.split('.');
  const n = Number(a);
  if (!Number.isInteger(n) || n <= 0 || n >= 10_000) return anchor;
  return p ? `${articleLabel(n)}第${formatChineseNumber(Number(p))}款` : articleLabel(n);
}
