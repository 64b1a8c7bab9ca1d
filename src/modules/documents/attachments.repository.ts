import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { newId } from '../../platform/db/ids.ts';
import type { AttachmentTable } from './documents.tables.ts';

export type AttachmentRow = Selectable<AttachmentTable>;
/** An attachment without its extracted text (lists never need it). */
export type AttachmentSummary = Omit<AttachmentRow, 'text'> & { text_chars: number };

/** All SQL for edition attachments. */
export class AttachmentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private summaries() {
    return this.db
      .selectFrom('doc_attachment')
      .select(['id', 'edition_id', 'filename', 'mime', 'size', 'sha256', 'storage_key', 'accessible', 'html_version_of', 'sort_order', 'created_at'])
      .select(sql<number>`coalesce(length(text), 0)`.as('text_chars'));
  }

  async listForEdition(editionId: string): Promise<AttachmentSummary[]> {
    const rows = await this.summaries().where('edition_id', '=', editionId).orderBy('sort_order').orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({ ...r, text_chars: Number(r.text_chars) }));
  }

  async find(editionId: string, id: string): Promise<AttachmentSummary | undefined> {
    const row = await this.summaries().where('edition_id', '=', editionId).where('id', '=', id).executeTakeFirst();
    return row && { ...row, text_chars: Number(row.text_chars) };
  }

  /** Extracted text of an edition's attachments, in list order, for the search index. */
  async textsOf(editionId: string): Promise<{ filename: string; text: string }[]> {
    const rows = await this.db
      .selectFrom('doc_attachment')
      .select(['filename', 'text'])
      .where('edition_id', '=', editionId)
      .where('text', 'is not', null)
      .orderBy('sort_order')
      .orderBy('created_at')
      .execute();
    return rows.filter((r) => r.text).map((r) => ({ filename: r.filename, text: r.text! }));
  }

  async nextSortOrder(editionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('doc_attachment')
      .select(sql<number>`coalesce(max(sort_order), -1)`.as('m'))
      .where('edition_id', '=', editionId)
      .executeTakeFirstOrThrow();
    return Number(row.m) + 1;
  }

  async insert(row: AttachmentRow): Promise<void> {
    await this.db.insertInto('doc_attachment').values(row).execute();
  }

  async update(id: string, patch: Partial<Pick<AttachmentRow, 'filename' | 'accessible' | 'sort_order' | 'html_version_of'>>): Promise<void> {
    await this.db.updateTable('doc_attachment').set(patch).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    // An HTML version whose PDF goes away stands alone again.
    await this.db.updateTable('doc_attachment').set({ html_version_of: null }).where('html_version_of', '=', id).execute();
    await this.db.deleteFrom('doc_attachment').where('id', '=', id).execute();
  }

  async blobInUse(sha256: string): Promise<boolean> {
    return (await this.db.selectFrom('doc_attachment').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined;
  }

  /** Copy-on-write: a new edition gets its own rows pointing at the same blobs, with HTML-version links remapped. */
  async copyToEdition(fromEditionId: string, toEditionId: string): Promise<number> {
    const rows = await this.db.selectFrom('doc_attachment').selectAll().where('edition_id', '=', fromEditionId).execute();
    const ids = new Map(rows.map((r) => [r.id, newId()]));
    for (const r of rows) {
      await this.insert({ ...r, id: ids.get(r.id)!, edition_id: toEditionId, html_version_of: r.html_version_of ? (ids.get(r.html_version_of) ?? null) : null });
    }
    return rows.length;
  }

  /**
   * Takes the edition's row lock while it is still editable, so an attachment change and a concurrent submit are
   * serialised (on PostgreSQL the update waits for the other transaction and re-checks the state). False when the
   * edition is no longer a draft or a rejected edition.
   */
  async lockEditable(editionId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('doc_edition')
      .set({ updated_at: now })
      .where('id', '=', editionId)
      .where('state', 'in', ['draft', 'rejected'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
