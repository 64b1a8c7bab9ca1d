import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ColumnTable } from './documents.tables.ts';

export type ColumnRow = Selectable<ColumnTable>;

/** SQL for each organisation's disclosure catalog (信息公开目录) and the documents placed in its columns. */
export class CatalogRepository {
  constructor(private readonly db: Kysely<DB>) {}

  columnsOf(orgId: string): Promise<(ColumnRow & { documents: number })[]> {
    return this.db
      .selectFrom('doc_column')
      .leftJoin('doc_column_item', 'doc_column_item.column_id', 'doc_column.id')
      .leftJoin('doc_document', (j) => j.onRef('doc_document.id', '=', 'doc_column_item.document_id').on('doc_document.public_state', '=', 'published'))
      .selectAll('doc_column')
      .select(sql<number>`cast(count(doc_document.id) as integer)`.as('documents'))
      .where('doc_column.org_id', '=', orgId)
      .groupBy('doc_column.id')
      .orderBy('doc_column.sort_order')
      .orderBy('doc_column.name')
      .execute();
  }

  findColumn(id: string): Promise<ColumnRow | undefined> {
    return this.db.selectFrom('doc_column').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findColumns(ids: string[]): Promise<ColumnRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('doc_column').selectAll().where('id', 'in', ids).execute();
  }

  async hasColumns(orgId: string): Promise<boolean> {
    return (await this.db.selectFrom('doc_column').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst()) !== undefined;
  }

  /** Inserts columns, skipping codes the organisation already has (safe when two instances race). */
  async insertColumns(rows: ColumnRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 100) {
      await this.db.insertInto('doc_column').values(rows.slice(i, i + 100)).onConflict((oc) => oc.columns(['org_id', 'code']).doNothing()).execute();
    }
  }

  async updateColumn(id: string, patch: Partial<ColumnRow>): Promise<void> {
    await this.db.updateTable('doc_column').set(patch).where('id', '=', id).execute();
  }

  async deleteColumn(id: string): Promise<void> {
    await this.db.deleteFrom('doc_column').where('id', '=', id).execute();
  }

  async countChildrenAndItems(id: string): Promise<number> {
    const children = await this.db.selectFrom('doc_column').select(sql<number>`cast(count(*) as integer)`.as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
    const items = await this.db.selectFrom('doc_column_item').select(sql<number>`cast(count(*) as integer)`.as('n')).where('column_id', '=', id).executeTakeFirstOrThrow();
    return Number(children.n) + Number(items.n);
  }

  columnsOfDocument(documentId: string): Promise<ColumnRow[]> {
    return this.db
      .selectFrom('doc_column')
      .innerJoin('doc_column_item', 'doc_column_item.column_id', 'doc_column.id')
      .selectAll('doc_column')
      .where('doc_column_item.document_id', '=', documentId)
      .execute();
  }

  async setDocumentColumns(documentId: string, columnIds: string[], now: string): Promise<void> {
    await this.db.deleteFrom('doc_column_item').where('document_id', '=', documentId).execute();
    if (columnIds.length) await this.db.insertInto('doc_column_item').values(columnIds.map((c) => ({ column_id: c, document_id: documentId, created_at: now }))).execute();
  }

  /** Published documents of a column, newest first. */
  publishedIn(columnId: string, offset: number, limit: number) {
    const base = this.db
      .selectFrom('doc_column_item')
      .innerJoin('doc_document', 'doc_document.id', 'doc_column_item.document_id')
      .innerJoin('doc_edition', 'doc_edition.id', 'doc_document.published_edition_id')
      .where('doc_column_item.column_id', '=', columnId)
      .where('doc_document.public_state', '=', 'published');
    return Promise.all([
      base
        .select(['doc_document.id', 'doc_document.slug', 'doc_document.index_no', 'doc_edition.title', 'doc_edition.doc_no', 'doc_edition.published_at', 'doc_edition.written_on'])
        .orderBy('doc_edition.published_at', 'desc')
        .offset(offset)
        .limit(limit)
        .execute(),
      base.select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
    ]);
  }
}
