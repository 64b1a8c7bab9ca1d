import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import type { DocumentTable, EditionHistoryTable, EditionTable, LinkTable } from './documents.tables.ts';

export type DocumentRow = Selectable<DocumentTable>;
export type EditionRow = Selectable<EditionTable>;
export type LinkRow = Selectable<LinkTable>;
export type DocumentWithOrg = DocumentRow & { org_path: string; org_name: string };

export type DocumentListFilter = {
  roots: string[] | null;
  orgPath?: string;
  state?: string;
  q?: string;
  publicOnly?: boolean;
  kind?: string;
  normative?: boolean;
};

/** All SQL for documents, editions, their history and links. */
export class DocumentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withOrg() {
    return this.db
      .selectFrom('doc_document')
      .innerJoin('iam_org', 'iam_org.id', 'doc_document.org_id')
      .selectAll('doc_document')
      .select(['iam_org.path as org_path', 'iam_org.name as org_name']);
  }

  find(id: string): Promise<DocumentWithOrg | undefined> {
    return this.withOrg().where('doc_document.id', '=', id).executeTakeFirst();
  }

  findBySlug(slug: string): Promise<DocumentWithOrg | undefined> {
    return this.withOrg().where('doc_document.slug', '=', slug).executeTakeFirst();
  }

  findMany(ids: string[]): Promise<DocumentWithOrg[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.withOrg().where('doc_document.id', 'in', ids).execute();
  }

  private listQuery(f: DocumentListFilter) {
    // The edition a list shows: the open one for staff views, the published one for public views.
    const editionId = f.publicOnly ? 'doc_document.published_edition_id' : sql`coalesce(doc_document.open_edition_id, doc_document.published_edition_id)`;
    let q = this.db
      .selectFrom('doc_document')
      .innerJoin('iam_org', 'iam_org.id', 'doc_document.org_id')
      .innerJoin('doc_edition', 'doc_edition.id', editionId as never)
      .where((eb) => inSubtrees(eb.ref('iam_org.path'), f.roots));
    if (f.publicOnly) q = q.where('doc_document.public_state', '=', 'published');
    if (f.orgPath) q = q.where((eb) => inSubtrees(eb.ref('iam_org.path'), [f.orgPath!]));
    if (f.state) q = q.where('doc_edition.state', '=', f.state);
    if (f.kind) q = q.where('doc_document.kind', '=', f.kind as 'document');
    if (f.normative) q = q.where('doc_document.normative_kind', 'is not', null);
    if (f.q) q = q.where('doc_edition.title', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return q;
  }

  list(f: DocumentListFilter, offset: number, limit: number) {
    return this.listQuery(f)
      .selectAll('doc_edition')
      .select(['doc_document.id as document_id', 'doc_document.slug', 'doc_document.kind', 'doc_document.index_no', 'doc_document.public_state', 'doc_document.org_id', 'iam_org.name as org_name', 'iam_org.path as org_path'])
      .orderBy(f.publicOnly ? 'doc_edition.published_at' : 'doc_edition.updated_at', 'desc')
      .orderBy('doc_document.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
  }

  async count(f: DocumentListFilter): Promise<number> {
    const row = await this.listQuery(f).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countInOrg(orgId: string): Promise<number> {
    const row = await this.db.selectFrom('doc_document').select(sql<number>`cast(count(*) as integer)`.as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertDocument(row: DocumentRow): Promise<void> {
    await this.db.insertInto('doc_document').values(row).execute();
  }

  async updateDocument(id: string, patch: Partial<DocumentRow>): Promise<void> {
    await this.db.updateTable('doc_document').set(patch).where('id', '=', id).execute();
  }

  findEdition(id: string): Promise<EditionRow | undefined> {
    return this.db.selectFrom('doc_edition').selectAll().where('id', '=', id).executeTakeFirst();
  }

  editionsOf(documentId: string): Promise<EditionRow[]> {
    return this.db.selectFrom('doc_edition').selectAll().where('document_id', '=', documentId).orderBy('version_major').orderBy('version_minor').execute();
  }

  async insertEdition(row: EditionRow): Promise<void> {
    await this.db.insertInto('doc_edition').values(row).execute();
  }

  /** Optimistic locking: updates only when lock_version still matches; returns whether it did. */
  async updateEdition(id: string, lockVersion: number, patch: Partial<EditionRow>): Promise<boolean> {
    const result = await this.db
      .updateTable('doc_edition')
      .set({ ...patch, lock_version: lockVersion + 1 })
      .where('id', '=', id)
      .where('lock_version', '=', lockVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertHistory(row: Selectable<EditionHistoryTable>): Promise<void> {
    await this.db.insertInto('doc_edition_history').values(row).execute();
  }

  historyOf(editionIds: string[]) {
    if (editionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('doc_edition_history').selectAll().where('edition_id', 'in', editionIds).orderBy('at').execute();
  }

  /** Editions whose scheduled time has come. */
  dueScheduled(now: string): Promise<EditionRow[]> {
    return this.db.selectFrom('doc_edition').selectAll().where('state', '=', 'scheduled').where('scheduled_at', '<=', now).execute();
  }

  /** Normative documents whose stored validity is due for recomputation on `today` (see normative-status-store.ts). */
  async validityDue(today: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('doc_document')
      .select('id')
      .where('normative_kind', 'is not', null)
      .where('public_state', 'in', ['published', 'withdrawn'])
      .where((eb) => eb.or([eb('validity_next_on', '<=', today), eb('validity_status_on', 'is', null)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async docNoTaken(orgId: string, docNoNorm: string, exceptDocumentId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('doc_edition')
      .innerJoin('doc_document', 'doc_document.id', 'doc_edition.document_id')
      .select('doc_document.id')
      .where('doc_document.org_id', '=', orgId)
      .where('doc_edition.doc_no_norm', '=', docNoNorm)
      .where('doc_document.id', '!=', exceptDocumentId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Next value of a per-organisation counter (e.g. 索引号 sequence per year), inside the caller's transaction. */
  async nextSequence(orgId: string, name: string): Promise<number> {
    const row = await this.db
      .insertInto('doc_sequence')
      .values({ org_id: orgId, name, value: 1 })
      .onConflict((oc) => oc.columns(['org_id', 'name']).doUpdateSet({ value: sql<number>`doc_sequence.value + 1` }))
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }

  /** Moves a counter to at least `value` (a hand-entered number used it), inside the caller's transaction. */
  async raiseSequence(orgId: string, name: string, value: number): Promise<void> {
    await this.db
      .insertInto('doc_sequence')
      .values({ org_id: orgId, name, value })
      .onConflict((oc) => oc.columns(['org_id', 'name']).doUpdateSet({ value: sql<number>`case when doc_sequence.value < ${value} then ${value} else doc_sequence.value end` }))
      .execute();
  }

  async registrationNoTaken(registrationNo: string, exceptDocumentId: string): Promise<boolean> {
    const row = await this.db.selectFrom('doc_document').select('id').where('registration_no', '=', registrationNo).where('id', '!=', exceptDocumentId).executeTakeFirst();
    return row !== undefined;
  }

  // links
  linksOf(documentId: string): Promise<LinkRow[]> {
    return this.db
      .selectFrom('doc_link')
      .selectAll()
      .where((eb) => eb.or([eb('from_document_id', '=', documentId), eb('to_document_id', '=', documentId)]))
      .orderBy('created_at')
      .execute();
  }
  linksOfType(type: LinkRow['type']): Promise<LinkRow[]> {
    return this.db.selectFrom('doc_link').selectAll().where('type', '=', type).execute();
  }
  async insertLink(row: LinkRow): Promise<void> {
    await this.db.insertInto('doc_link').values(row).execute();
  }
  findLink(id: string): Promise<LinkRow | undefined> {
    return this.db.selectFrom('doc_link').selectAll().where('id', '=', id).executeTakeFirst();
  }
  async deleteLink(id: string): Promise<void> {
    await this.db.deleteFrom('doc_link').where('id', '=', id).execute();
  }
}
