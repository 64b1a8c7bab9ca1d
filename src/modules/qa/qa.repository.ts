// SQL of policy Q&A. No dialect branches: the same queries run on SQLite and PostgreSQL.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { likeEscape } from '../../platform/db/dialect/types.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import type { QaAskerTable, QaItemTable } from './qa.tables.ts';

export type QaRow = Selectable<QaItemTable>;
export type AskerRow = Selectable<QaAskerTable>;

export type QaFilter = {
  /** Subtree roots the caller may read; null = all. */
  roots: string[] | null;
  orgPath?: string;
  states?: readonly string[];
  origin?: string;
  topic?: string;
  audience?: string;
  documentId?: string;
  q?: string;
};

export class QaRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(row: Insertable<QaItemTable>) {
    return this.db.insertInto('qa_item').values(row).execute();
  }
  insertAsker(row: Insertable<QaAskerTable>) {
    return this.db.insertInto('qa_asker').values(row).execute();
  }
  async update(id: string, expectedUpdatedAt: string, patch: Updateable<QaItemTable>): Promise<boolean> {
    const r = await this.db.updateTable('qa_item').set(patch).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  find(id: string): Promise<QaRow | undefined> {
    return this.db.selectFrom('qa_item').selectAll().where('id', '=', id).executeTakeFirst();
  }
  asker(id: string): Promise<AskerRow | undefined> {
    return this.db.selectFrom('qa_asker').selectAll().where('qa_id', '=', id).executeTakeFirst();
  }
  async links(id: string): Promise<string[]> {
    const rows = await this.db.selectFrom('qa_link').select('document_id').where('qa_id', '=', id).orderBy('position').execute();
    return rows.map((r) => r.document_id);
  }
  async setLinks(id: string, documentIds: string[]): Promise<void> {
    await this.db.deleteFrom('qa_link').where('qa_id', '=', id).execute();
    if (documentIds.length) await this.db.insertInto('qa_link').values(documentIds.map((d, i) => ({ qa_id: id, document_id: d, position: i }))).execute();
  }

  /** A question with the same key received since `sinceIso` and not rejected, if any. */
  findDuplicate(key: string, sinceIso: string): Promise<QaRow | undefined> {
    return this.db.selectFrom('qa_item').selectAll().where('dedupe_key', '=', key).where('created_at', '>=', sinceIso).where('state', '!=', 'rejected').executeTakeFirst();
  }

  private filtered(f: QaFilter) {
    let q = this.db.selectFrom('qa_item').where(({ ref }) => inSubtrees(ref('org_path'), f.roots));
    if (f.orgPath) q = q.where('org_path', 'like', `${likeEscape(f.orgPath)}%`);
    if (f.states) q = f.states.length ? q.where('state', 'in', [...f.states]) : q.where('id', '=', '');
    if (f.origin) q = q.where('origin', '=', f.origin);
    if (f.topic) q = q.where('topic', '=', f.topic);
    if (f.audience) q = q.where('audience', 'in', [f.audience, 'all']);
    if (f.documentId) q = q.where('id', 'in', this.db.selectFrom('qa_link').select('qa_id').where('document_id', '=', f.documentId));
    if (f.q) {
      const like = `%${likeEscape(f.q)}%`;
      q = q.where((eb) => eb.or([eb('title', 'like', like), eb('question', 'like', like), eb('answer', 'like', like)]));
    }
    return q;
  }

  list(f: QaFilter, offset: number, limit: number, order: 'published' | 'received' = 'received'): Promise<QaRow[]> {
    const q = this.filtered(f).selectAll();
    const ordered = order === 'published' ? q.orderBy('published_at', 'desc') : q.orderBy('created_at', 'desc');
    return ordered.orderBy('id', 'desc').offset(offset).limit(limit).execute();
  }
  async count(f: QaFilter): Promise<number> {
    const r = await this.filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Open questions (waiting for moderation or an answer) due on or before `until`, oldest deadline first. */
  due(roots: string[] | null, states: readonly string[], until: string): Promise<QaRow[]> {
    return this.db
      .selectFrom('qa_item')
      .selectAll()
      .where(({ ref }) => inSubtrees(ref('org_path'), roots))
      .where('state', 'in', [...states])
      .where('due_on', '<=', until)
      .orderBy('due_on')
      .limit(500)
      .execute();
  }
}
