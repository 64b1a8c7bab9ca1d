// How the portal shows dates, codes and summaries. Pure functions.
import { findGenre, topicPath } from '../shared/catalogs/index.ts';
import { htmlToText } from '../platform/files/index.ts';
import type { PublicDocument } from './types.ts';
import type { SearchKind } from '../modules/search/index.ts';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Beijing of an ISO instant (`2024-03-01T18:00:00Z` → `2024-03-02`); dates pass through. */
export function beijingDate(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export const disclosureNames: Record<string, string> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

/** Every kind the search index holds, by name (typed, so a new kind must get its name here). */
export const kindNames: Record<string, string> = {
  document: '文件',
  interpretation: '政策解读',
  qa: '问答',
  consultation: '意见征集',
  meeting: '会议',
} satisfies Record<SearchKind, string>;

/** 主题分类 as a path (综合政务\政务公开); unknown codes are shown as stored. */
export function topicLabel(code: string | null): string | null {
  return code ? (topicPath(code) ?? code) : null;
}

export function genreLabel(value: string | null): string | null {
  return value ? (findGenre(value)?.name ?? value) : null;
}

/** A short plain-text summary: the 内容概述 when filled in, else the start of the body, else the title. */
export function plainSummary(doc: PublicDocument, max = 140): string {
  const e = doc.edition;
  if (e.summary?.trim()) return e.summary.trim();
  const text = htmlToText(e.bodyHtml).replace(/\s+/g, ' ').trim();
  if (!text) return e.title;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/**
 * The body as the page shows it: its headings move one level down, because the document title is the page's
 * only <h1>. The HTML was sanitised when it was saved (headings carry no attributes).
 */
export function bodyForPage(html: string): string {
  return html.replace(
    /<(\/?)h([1-6])(\s|>)/gi,
    (_m, slash: string, level: string, after: string) => `<${slash}h${Math.min(Number(level) + 1, 6)}${after}`,
  );
}
