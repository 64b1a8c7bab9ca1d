// SQL of business-environment feedback. No dialect branches.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { likeEscape } from '../../platform/db/dialect/types.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import type { FbkCaseTable, FbkContactTable } from './feedback.tables.ts';

export type CaseRow = Selectable<FbkCaseTable>;
export type ContactRow = Selectable<FbkContactTable>;
export type CaseFilter = { roots: string[] | null; orgPath?: string; state?: string; category?: string; q?: string };

export class FeedbackRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(row: Insertable<FbkCaseTable>) {
    return this.db.insertInto('fbk_case').values(row).execute();
  }
  insertContact(row: Insertable<FbkContactTable>) {
    return this.db.insertInto('fbk_contact').values(row).execute();
  }
  async update(id: string, expectedUpdatedAt: string, patch: Updateable<FbkCaseTable>): Promise<boolean> {
    const r = await this.db.updateTable('fbk_case').set(patch).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
  find(id: string): Promise<CaseRow | undefined> {
    return this.db.selectFrom('fbk_case').selectAll().where('id', '=', id).executeTakeFirst();
  }
  contact(id: string): Promise<ContactRow | undefined> {
    return this.db.selectFrom('fbk_contact').selectAll().where('case_id', '=', id).executeTakeFirst();
  }
  findDuplicate(key: string, sinceIso: string): Promise<CaseRow | undefined> {
    return this.db.selectFrom('fbk_case').selectAll().where('dedupe_key', '=', key).where('created_at', '>=', sinceIso).executeTakeFirst();
  }

  private filtered(f: CaseFilter) {
    let q = this.db.selectFrom('fbk_case').where(({ ref }) => inSubtrees(ref('org_path'), f.roots));
    if (f.orgPath) q = q.where(({ ref }) => inSubtrees(ref('org_path'), [f.orgPath!]));
    if (f.state) q = q.where('state', '=', f.state);
    if (f.category) q = q.where('category', '=', f.category);
    if (f.q) {
      const like = `%${likeEscape(f.q)}%`;
      q = q.where((eb) => eb.or([eb('description', 'like', like), eb('tracking_no', 'like', like)]));
    }
    return q;
  }
  list(f: CaseFilter, offset: number, limit: number): Promise<CaseRow[]> {
    return this.filtered(f).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
  }
  async count(f: CaseFilter): Promise<number> {
    const r = await this.filtered(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  /** The statistics facts of one month: no text, no contact. */
  monthFacts(month: string) {
    return this.db.selectFrom('fbk_case').select(['org_id', 'category', 'state', 'due_on', 'replied_on']).where('month', '=', month).execute();
  }
  /** Months that have feedback, newest first. */
  async months(): Promise<string[]> {
    const rows = await this.db.selectFrom('fbk_case').select('month').groupBy('month').orderBy('month', 'desc').limit(120).execute();
    return rows.map((r) => r.month);
  }
  due(roots: string[] | null, until: string): Promise<CaseRow[]> {
    return this.db.selectFrom('fbk_case').selectAll().where(({ ref }) => inSubtrees(ref('org_path'), roots)).where('state', '=', 'received').where('due_on', '<=', until).orderBy('due_on').limit(500).execute();
  }
}
