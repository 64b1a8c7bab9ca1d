// 行政规范性文件库: published normative documents filtered in SQL on the stored validity status (kept current by
// normative-status-store.ts), issuer subtree, year, 主题分类 and 专题. By default only documents currently in force.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { parseJson } from '../../platform/db/ids.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { NormativeRepository, type LibraryFilter } from './normative.repository.ts';
import { normativeStatusNames, normativeStatuses, type NormativeStatus } from './domain/index.ts';

/** What "currently valid" means for the library's default view and the expiry reminders. */
export const CURRENT_STATUSES: readonly NormativeStatus[] = ['in_force', 'amended'];

export type LibraryQuery = {
  /** '' = currently valid (default), 'all', or one status. */
  status?: string;
  organisationId?: string;
  year?: number;
  topic?: string;
  themeId?: string;
  page?: number;
  pageSize?: number;
};

export type LibraryItem = {
  id: string; slug: string; title: string; docNo: string | null; registrationNo: string | null;
  organisationId: string; organisationName: string; topic: string | null;
  writtenOn: string | null; effectiveFrom: string | null; expiresOn: string | null; publishedAt: string | null;
  status: string | null; statusName: string | null;
};

export class NormativeLibrary {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly orgs: OrganisationService,
  ) {}

  /** Unknown organisation or theme ids answer 404; an unknown status is the default view. */
  async list(query: LibraryQuery): Promise<{ items: LibraryItem[]; total: number; page: number; pageSize: number }> {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    const repo = new NormativeRepository(this.db);
    const filter: LibraryFilter = { statuses: statusesFor(query.status), year: query.year, topic: query.topic || undefined };
    if (query.organisationId) {
      const org = (await this.orgs.refs([query.organisationId])).get(query.organisationId);
      if (!org) throw new NotFoundError();
      filter.orgPath = org.path;
    }
    if (query.themeId) {
      const theme = await repo.findTheme(query.themeId);
      if (!theme) throw new NotFoundError();
      filter.theme = { id: theme.id, topicCodes: parseJson<string[]>(theme.topic_codes, []) };
    }
    const [rows, total] = await Promise.all([repo.listLibrary(filter, (page - 1) * pageSize, pageSize), repo.countLibrary(filter)]);
    const items = rows.map((r) => ({
      id: r.id, slug: r.slug, title: r.title, docNo: r.doc_no, registrationNo: r.registration_no, organisationId: r.org_id, organisationName: r.org_name,
      topic: r.topic, writtenOn: r.written_on, effectiveFrom: r.effective_from, expiresOn: r.expires_on, publishedAt: r.published_at,
      status: r.validity_status, statusName: r.validity_status ? normativeStatusNames[r.validity_status as NormativeStatus].zh : null,
    }));
    return { items, total, page, pageSize };
  }

  /** Values the filter form offers: issuing organisations and years that have documents. */
  async facets(): Promise<{ issuerIds: string[]; years: number[] }> {
    const repo = new NormativeRepository(this.db);
    const [issuerIds, years] = await Promise.all([repo.issuerIds(), repo.years()]);
    return { issuerIds, years };
  }
}

export function statusesFor(status: string | undefined): readonly string[] | null {
  if (status === 'all') return null;
  if (status && (normativeStatuses as readonly string[]).includes(status)) return [status];
  return CURRENT_STATUSES;
}
