// 行政规范性文件库: published normative documents with their validity today. By default only the documents
// in force (有效, 已修改) are listed, as work-plan item (九) asks; a filter shows the others with their status.
import type { Services } from '../container.ts';
import { ancestorsOf, indexOrganisations, type Org } from './directory.ts';
import { allPublic, docRow, validityOf } from './publishing.ts';
import type { DocRow } from './types.ts';

export const validityStatuses = [
  { value: 'not_yet_in_force', label: '尚未施行' },
  { value: 'in_force', label: '有效' },
  { value: 'amended', label: '已修改' },
  { value: 'suspended', label: '暂停执行' },
  { value: 'expired', label: '已失效' },
  { value: 'repealed', label: '已废止' },
] as const;

/** What the library shows by default: the documents currently in force. */
export const CURRENT_STATUSES: readonly string[] = ['in_force', 'amended'];

export type StatusFilter = '' | 'all' | (typeof validityStatuses)[number]['value'];
export type NormativeFilter = { status: StatusFilter; orgId: string };

/** The cap on how many normative documents one library view reads (see the report on a filtered service query). */
export const NORMATIVE_SCAN_LIMIT = 5_000;

export function parseStatus(raw: string): StatusFilter {
  return raw === 'all' || validityStatuses.some((s) => s.value === raw) ? (raw as StatusFilter) : '';
}

export const statusMatches = (filter: StatusFilter, status: string | undefined) =>
  filter === 'all' || (filter === '' ? CURRENT_STATUSES.includes(status ?? '') : status === filter);

export type NormativeLibrary = { rows: DocRow[]; issuers: Org[]; org: Org | null };

export async function loadNormative(services: Services, filter: NormativeFilter): Promise<NormativeLibrary> {
  const [docs, orgs] = await Promise.all([allPublic(services, { normative: true }, NORMATIVE_SCAN_LIMIT), services.organisations.publicDirectory()]);
  const index = indexOrganisations(orgs);
  const org = index.byId.get(filter.orgId) ?? null;
  const chains = new Map<string, Set<string>>();
  const chainOf = (orgId: string) => {
    let chain = chains.get(orgId);
    if (!chain) {
      const self = index.byId.get(orgId);
      chain = new Set(self ? [...ancestorsOf(self, index).map((o) => o.id), self.id] : [orgId]);
      chains.set(orgId, chain);
    }
    return chain;
  };
  const issuerIds = new Set(docs.flatMap((d) => [...chainOf(d.organisationId)]));
  const issuers = orgs.filter((o) => issuerIds.has(o.id));
  const inOrg = org ? docs.filter((d) => chainOf(d.organisationId).has(org.id)) : docs;
  const rows: DocRow[] = [];
  for (let i = 0; i < inOrg.length; i += 50) {
    const batch = inOrg.slice(i, i + 50);
    const validities = await Promise.all(batch.map((d) => validityOf(services, d)));
    batch.forEach((d, j) => {
      if (statusMatches(filter.status, validities[j]?.status)) rows.push(docRow(d, validities[j]));
    });
  }
  return { rows, issuers, org };
}
