import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import type { CleanupItemTable, CleanupTable, FilingTable } from './normative.tables.ts';

export type FilingRow = Selectable<FilingTable>;
export type CleanupRow = Selectable<CleanupTable>;
export type CleanupItemRow = Selectable<CleanupItemTable>;

/** A filing with what lists show: the document's title and 发文字号, both organisations' names and paths. */
export type FilingView = FilingRow & {
  title: string;
  doc_no: string | null;
  issuer_name: string;
  issuer_path: string;
  authority_name: string | null;
  authority_path: string | null;
};

export type FilingFilter = {
  /** Subtrees where the actor acts for the issuer (files, oversees). */
  issuerRoots: string[] | null;
  /** Subtrees where the actor is the filing authority (reviews). */
  authorityRoots: string[];
  state?: string;
  /** Overdue on this date: not filed by due_on, or not reviewed by review_due_on. */
  overdueOn?: string;
  orgPath?: string;
  q?: string;
};

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQL for filings, filing-authority settings, clean-up campaigns and their items. */
export class NormativeProcessRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private filings() {
    return this.db
      .selectFrom('doc_filing')
      .innerJoin('doc_document', 'doc_document.id', 'doc_filing.document_id')
      .innerJoin('doc_edition', 'doc_edition.id', 'doc_document.published_edition_id')
      .innerJoin('iam_org as issuer', 'issuer.id', 'doc_filing.issuer_org_id')
      .leftJoin('iam_org as authority', 'authority.id', 'doc_filing.authority_org_id')
      .selectAll('doc_filing')
      .select(['doc_edition.title', 'doc_edition.doc_no', 'issuer.name as issuer_name', 'issuer.path as issuer_path', 'authority.name as authority_name', 'authority.path as authority_path']);
  }

  findFiling(id: string): Promise<FilingView | undefined> {
    return this.filings().where('doc_filing.id', '=', id).executeTakeFirst();
  }

  filingOf(documentId: string): Promise<FilingRow | undefined> {
    return this.db.selectFrom('doc_filing').selectAll().where('document_id', '=', documentId).executeTakeFirst();
  }

  private filtered(f: FilingFilter) {
    let q = this.filings().where((eb) =>
      eb.or([inSubtrees(eb.ref('issuer.path'), f.issuerRoots), ...(f.authorityRoots.length ? [inSubtrees(eb.ref('authority.path'), f.authorityRoots)] : [])]),
    );
    if (f.state) q = q.where('doc_filing.state', '=', f.state as FilingRow['state']);
    if (f.overdueOn) {
      const day = f.overdueOn;
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('doc_filing.state', '=', 'due'), eb('doc_filing.due_on', '<', day)]),
          eb.and([eb('doc_filing.state', '=', 'filed'), eb('doc_filing.review_due_on', '<', day)]),
        ]),
      );
    }
    if (f.orgPath) q = q.where((eb) => eb.or([inSubtrees(eb.ref('issuer.path'), [f.orgPath!]), inSubtrees(eb.ref('authority.path'), [f.orgPath!])]));
    if (f.q) q = q.where((eb) => eb.or([eb('doc_edition.title', 'like', like(f.q!)), eb('doc_edition.doc_no', 'like', like(f.q!))]));
    return q;
  }

  listFilings(f: FilingFilter, offset: number, limit: number): Promise<FilingView[]> {
    return this.filtered(f).orderBy('doc_filing.due_on').orderBy('doc_filing.id').offset(offset).limit(limit).execute();
  }

  async countFilings(f: FilingFilter): Promise<number> {
    const row = await this.filtered(f).clearSelect().select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertFiling(row: FilingRow): Promise<void> {
    await this.db.insertInto('doc_filing').values(row).execute();
  }

  async updateFiling(id: string, patch: Partial<FilingRow>): Promise<void> {
    await this.db.updateTable('doc_filing').set(patch).where('id', '=', id).execute();
  }

  /** Not-yet-filed filings of an organisation follow a new authority setting. */
  async readdressDue(orgId: string, authorityOrgId: string, now: string): Promise<number> {
    const r = await this.db.updateTable('doc_filing').set({ authority_org_id: authorityOrgId, updated_at: now }).where('issuer_org_id', '=', orgId).where('state', '=', 'due').executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  authorityFor(orgId: string): Promise<string | undefined> {
    return this.db.selectFrom('doc_filing_authority').select('authority_org_id').where('org_id', '=', orgId).executeTakeFirst().then((r) => r?.authority_org_id);
  }

  async setAuthority(orgId: string, authorityOrgId: string, userId: string | null, now: string): Promise<void> {
    await this.db.deleteFrom('doc_filing_authority').where('org_id', '=', orgId).execute();
    await this.db.insertInto('doc_filing_authority').values({ org_id: orgId, authority_org_id: authorityOrgId, updated_by: userId, updated_at: now }).execute();
  }

  // ---- clean-up campaigns

  private cleanups() {
    return this.db.selectFrom('doc_cleanup').innerJoin('iam_org', 'iam_org.id', 'doc_cleanup.org_id').selectAll('doc_cleanup').select(['iam_org.name as org_name', 'iam_org.path as org_path']);
  }

  findCleanup(id: string) {
    return this.cleanups().where('doc_cleanup.id', '=', id).executeTakeFirst();
  }

  listCleanups(f: { roots: string[] | null; orgPath?: string; state?: string }, offset: number, limit: number) {
    let q = this.cleanups().where((eb) => inSubtrees(eb.ref('iam_org.path'), f.roots));
    if (f.orgPath) q = q.where((eb) => inSubtrees(eb.ref('iam_org.path'), [f.orgPath!]));
    if (f.state) q = q.where('doc_cleanup.state', '=', f.state as CleanupRow['state']);
    return q.orderBy('doc_cleanup.created_at', 'desc').orderBy('doc_cleanup.id', 'desc').offset(offset).limit(limit).execute();
  }

  async insertCleanup(row: CleanupRow): Promise<void> {
    await this.db.insertInto('doc_cleanup').values(row).execute();
  }

  async updateCleanup(id: string, patch: Partial<CleanupRow>): Promise<void> {
    await this.db.updateTable('doc_cleanup').set(patch).where('id', '=', id).execute();
  }

  async deleteCleanup(id: string): Promise<void> {
    await this.db.deleteFrom('doc_cleanup_item').where('cleanup_id', '=', id).execute();
    await this.db.deleteFrom('doc_cleanup').where('id', '=', id).execute();
  }

  /** Items with the document's published title, 发文字号 and dates, in the order they were added. */
  items(cleanupId: string) {
    return this.db
      .selectFrom('doc_cleanup_item')
      .innerJoin('doc_document', 'doc_document.id', 'doc_cleanup_item.document_id')
      .innerJoin('doc_edition', 'doc_edition.id', 'doc_document.published_edition_id')
      .selectAll('doc_cleanup_item')
      .select(['doc_edition.title', 'doc_edition.doc_no', 'doc_edition.published_at', 'doc_document.slug'])
      .where('doc_cleanup_item.cleanup_id', '=', cleanupId)
      .orderBy('doc_cleanup_item.created_at')
      .orderBy('doc_cleanup_item.id')
      .execute();
  }

  async insertItem(row: CleanupItemRow): Promise<void> {
    await this.db.insertInto('doc_cleanup_item').values(row).execute();
  }

  async deleteItem(cleanupId: string, itemId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('doc_cleanup_item').where('cleanup_id', '=', cleanupId).where('id', '=', itemId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async decide(cleanupId: string, itemIds: string[], patch: Pick<CleanupItemRow, 'decision' | 'reason' | 'decided_by' | 'updated_at'>): Promise<number> {
    if (itemIds.length === 0) return 0;
    const r = await this.db.updateTable('doc_cleanup_item').set(patch).where('cleanup_id', '=', cleanupId).where('id', 'in', itemIds).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** The organisation's published normative documents not yet in the campaign, newest first, for picking. */
  candidates(f: { orgPath: string; cleanupId: string; q?: string; publishedBefore?: string }, offset: number, limit: number) {
    let q = this.db
      .selectFrom('doc_document')
      .innerJoin('iam_org', 'iam_org.id', 'doc_document.org_id')
      .innerJoin('doc_edition', 'doc_edition.id', 'doc_document.published_edition_id')
      .where('doc_document.public_state', '=', 'published')
      .where('doc_document.normative_kind', 'is not', null)
      .where((eb) => inSubtrees(eb.ref('iam_org.path'), [f.orgPath]))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('doc_cleanup_item').select('doc_cleanup_item.id').where('doc_cleanup_item.cleanup_id', '=', f.cleanupId).whereRef('doc_cleanup_item.document_id', '=', 'doc_document.id'))),
      );
    if (f.q) q = q.where((eb) => eb.or([eb('doc_edition.title', 'like', like(f.q!)), eb('doc_edition.doc_no', 'like', like(f.q!))]));
    // published_at is an instant; a date bound compares on its first ten characters (UTC ≈ Beijing for whole days).
    if (f.publishedBefore) q = q.where('doc_edition.published_at', '<', `${f.publishedBefore}T00:00:00.000Z`);
    return {
      rows: q
        .select(['doc_document.id', 'doc_document.slug', 'doc_edition.title', 'doc_edition.doc_no', 'doc_edition.published_at', 'iam_org.name as org_name'])
        .orderBy('doc_edition.published_at', 'desc')
        .orderBy('doc_document.id')
        .offset(offset)
        .limit(limit)
        .execute(),
      count: q.select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
    };
  }
}
