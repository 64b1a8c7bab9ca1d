// 站内搜索 parameters: read leniently from the query string (bad values fall back to defaults, never an error),
// written back as links that add or remove one filter while keeping the others.
import { findGenre, topicPath } from '../shared/catalogs/index.ts';
import { beijingDate, kindNames } from './format.ts';
import { withQuery } from './urls.ts';
import type { Org, OrgIndex } from './directory.ts';

export const SEARCH_HREF = '/search';
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_QUERY = 100;
/** The search API pages up to 500; beyond that there is nothing useful to show. */
export const SEARCH_MAX_PAGE = 500;

export const validityNames: Record<string, string> = {
  not_yet_in_force: '尚未施行',
  in_force: '有效',
  amended: '已修改',
  suspended: '暂停执行',
  expired: '已失效',
  repealed: '已废止',
};

export const FILTER_KEYS = ['org', 'topic', 'genre', 'year', 'validity', 'kind'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FacetKey = Exclude<FilterKey, 'org'>;

export type SearchParams = { q: string; org?: string; topic?: string; genre?: string; year?: number; validity?: string; kind?: string; page: number };

function first(query: unknown, key: string): string {
  const raw = (query as Record<string, unknown> | undefined)?.[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim() : '';
}

/** A short code (topic, genre, kind, organisation id): letters, digits, CJK and dashes only, else absent. */
function code(value: string, max = 20): string | undefined {
  return value && value.length <= max && /^[\p{L}\p{N}_-]+$/u.test(value) ? value : undefined;
}

export function parseSearchParams(query: unknown): SearchParams {
  const q = [...first(query, 'q')].slice(0, SEARCH_MAX_QUERY).join('').trim();
  const yearText = first(query, 'year');
  const year = /^\d{4}$/.test(yearText) && Number(yearText) >= 1949 && Number(yearText) <= 2100 ? Number(yearText) : undefined;
  const pageText = first(query, 'page');
  const page = /^\d{1,4}$/.test(pageText) && Number(pageText) >= 1 ? Math.min(Number(pageText), SEARCH_MAX_PAGE) : 1;
  const validityText = first(query, 'validity');
  const kindText = first(query, 'kind');
  return {
    q,
    org: code(first(query, 'org'), 64),
    topic: code(first(query, 'topic')),
    genre: code(first(query, 'genre')),
    year,
    validity: Object.hasOwn(validityNames, validityText) ? validityText : undefined,
    kind: Object.hasOwn(kindNames, kindText) ? kindText : undefined,
    page,
  };
}

export const hasFilters = (p: SearchParams) => FILTER_KEYS.some((k) => p[k] !== undefined);

/** The search URL for these parameters with some changed; any change other than the page goes back to page 1. */
export function searchHref(p: SearchParams, change: Partial<Record<FilterKey, string | number | undefined>> & { page?: number } = {}): string {
  const next = { ...p, page: 1, ...change };
  return withQuery(SEARCH_HREF, { q: next.q, org: next.org, topic: next.topic, genre: next.genre, year: next.year, validity: next.validity, kind: next.kind, page: next.page });
}

/** How a facet value is shown: topic paths, genre names, 2024年, validity and kind names; unknown codes as stored. */
export function facetLabel(key: FacetKey, value: string): string {
  switch (key) {
    case 'topic':
      return topicPath(value) ?? value;
    case 'genre':
      return findGenre(value)?.name ?? value;
    case 'year':
      return `${value}年`;
    case 'validity':
      return validityNames[value] ?? value;
    case 'kind':
      return kindNames[value] ?? value;
  }
}

export const facetTitles: Record<FacetKey, string> = { kind: '类别', topic: '主题分类', genre: '体裁', year: '年份', validity: '有效性' };

/** 2024年3月1日 for an ISO instant (the calendar date in Beijing). */
export function chineseDate(value: string | null | undefined): { iso: string; text: string } | null {
  const iso = beijingDate(value);
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return { iso, text: `${y}年${m}月${d}日` };
}

/** Only same-site paths are followed by the exact-number redirect. */
export const isLocalPath = (url: string) => url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');

/** Every organisation depth-first (a parent, then its children), for the organisation select. */
export function directoryOrder(index: OrgIndex): Org[] {
  const out: Org[] = [];
  const walk = (parentId: string | null) => {
    for (const o of index.children.get(parentId) ?? []) {
      out.push(o);
      walk(o.id);
    }
  };
  walk(null);
  return out;
}
