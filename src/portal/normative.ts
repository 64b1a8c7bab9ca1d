// 行政规范性文件库: published normative documents, filtered in SQL on the stored validity status (documents
// service), by default only those currently in force (有效, 已修改) as work-plan item (九) asks; filters for
// status, issuer (with its subtree), year, 主题分类 and 专题. Bad filter values fall back to the defaults.
import type { Services } from '../container.ts';
import { AppError } from '../platform/errors.ts';
import { topicByCode } from '../shared/catalogs/index.ts';
import { beijingDate } from './format.ts';
import { ancestorsOf, indexOrganisations, type Org } from './directory.ts';
import { documentHref, withQuery, NORMATIVE_HREF, feedHrefs } from './urls.ts';
import type { DocRow } from './types.ts';
import { CURRENT_STATUSES } from '../modules/documents/index.ts';

export const validityStatuses = [
  { value: 'not_yet_in_force', label: '尚未施行' },
  { value: 'in_force', label: '有效' },
  { value: 'amended', label: '已修改' },
  { value: 'suspended', label: '暂停执行' },
  { value: 'expired', label: '已失效' },
  { value: 'repealed', label: '已废止' },
] as const;

/** What the library shows by default: the documents currently in force. */

export type StatusFilter = '' | 'all' | (typeof validityStatuses)[number]['value'];
export type NormativeFilter = { status: StatusFilter; orgId: string; year?: number; topic?: string; themeId?: string };

export type Theme = Awaited<ReturnType<Services['themes']['list']>>[number];
export type NormativeLibrary = { rows: DocRow[]; total: number; issuers: Org[]; years: number[]; themes: Theme[]; org: Org | null; theme: Theme | null };

export function parseStatus(raw: string): StatusFilter {
  return raw === 'all' || validityStatuses.some((s) => s.value === raw) ? (raw as StatusFilter) : '';
}

export const statusMatches = (filter: StatusFilter, status: string | undefined) =>
  filter === 'all' || (filter === '' ? (CURRENT_STATUSES as readonly string[]).includes(status ?? '') : status === filter);

/** Reads the filter from a query string; anything malformed is dropped. */
export function parseNormativeFilter(query: unknown, defaultStatus: StatusFilter = ''): NormativeFilter {
  const get = (key: string, max: number) => {
    const raw = (query as Record<string, unknown> | undefined)?.[key];
    const v = Array.isArray(raw) ? raw[0] : raw;
    return typeof v === 'string' ? v.trim().slice(0, max) : '';
  };
  const statusText = get('status', 20);
  const year = /^\d{4}$/.test(get('year', 4)) ? Number(get('year', 4)) : undefined;
  const topic = get('topic', 4);
  const id = (v: string) => (/^[0-9a-zA-Z-]{1,64}$/.test(v) ? v : '');
  return {
    status: statusText === '' ? defaultStatus : parseStatus(statusText),
    orgId: id(get('org', 64)),
    year: year && year >= 1949 && year <= 2100 ? year : undefined,
    topic: topicByCode(topic) ? topic : undefined,
    themeId: id(get('theme', 64)) || undefined,
  };
}

export const filterQuery = (f: NormativeFilter) => ({ status: f.status, org: f.orgId || undefined, year: f.year, topic: f.topic, theme: f.themeId });
export const normativeHref = (f: NormativeFilter, page = 1) => withQuery(NORMATIVE_HREF, { ...filterQuery(f), page });
export const normativeFeedHref = (f: NormativeFilter) => withQuery(feedHrefs.normative, filterQuery(f));

export async function loadNormative(services: Services, filter: NormativeFilter, page: number, pageSize: number): Promise<NormativeLibrary> {
  const [orgs, facets, themes] = await Promise.all([services.organisations.publicDirectory(), services.normative.facets(), services.themes.list()]);
  const index = indexOrganisations(orgs);
  const org = index.byId.get(filter.orgId) ?? null;
  const theme = themes.find((t) => t.id === filter.themeId) ?? null;
  // Issuers and the organisations above them, so a county picks up its townships' documents.
  const issuerIds = new Set(facets.issuerIds.flatMap((id) => {
    const self = index.byId.get(id);
    return self ? [...ancestorsOf(self, index).map((o) => o.id), self.id] : [];
  }));
  const result = await services.normative
    .list({ status: filter.status, organisationId: org?.id, year: filter.year, topic: filter.topic, themeId: theme?.id, page, pageSize })
    .catch((err) => {
      if (err instanceof AppError && err.status === 404) return { items: [], total: 0 };
      throw err;
    });
  const rows: DocRow[] = result.items.map((d) => ({
    id: d.id,
    href: documentHref(d),
    title: d.title,
    docNo: d.docNo,
    publishedOn: beijingDate(d.publishedAt),
    organisationName: d.organisationName,
    validity: d.status ? { status: d.status, name: d.statusName ?? d.status } : null,
  }));
  return { rows, total: result.total, issuers: orgs.filter((o) => issuerIds.has(o.id)), years: facets.years, themes, org, theme };
}
