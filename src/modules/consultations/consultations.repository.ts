// SQL of consultations and their comments. No dialect branches.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import { likeEscape } from '../../platform/db/dialect/types.ts';
import type { ConCommentTable, ConCommenterTable, ConConsultationTable } from './consultations.tables.ts';

export type ConsultationRow = Selectable<ConConsultationTable>;
export type CommentRow = Selectable<ConCommentTable>;
export type CommenterRow = Selectable<ConCommenterTable>;

/** Which consultations a list shows; `phase` is resolved against `today` in SQL. */
export type ConsultationFilter = {
  roots: string[] | null;
  orgPath?: string;
  publicOnly: boolean;
  phase?: 'draft' | 'upcoming' | 'open' | 'closed' | 'concluded' | 'withdrawn';
  today: string;
  q?: string;
};

export class ConsultationsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(id: string): Promise<ConsultationRow | undefined> {
    return this.db.selectFrom('con_consultation').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: ConsultationRow): Promise<void> {
    await this.db.insertInto('con_consultation').values(row).execute();
  }

  async update(id: string, set: Partial<ConsultationRow>): Promise<void> {
    await this.db.updateTable('con_consultation').set(set).where('id', '=', id).execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('con_consultation').where('id', '=', id).execute();
  }

  private filtered(f: ConsultationFilter) {
    let q = this.db.selectFrom('con_consultation').where(inSubtrees(sql.ref('org_path'), f.roots));
    if (f.orgPath) q = q.where(inSubtrees(sql.ref('org_path'), [f.orgPath]));
    if (f.publicOnly) q = q.where('state', 'in', ['published', 'concluded']);
    if (f.q) q = q.where(sql<boolean>`title like ${`%${likeEscape(f.q)}%`} escape '\\'`);
    switch (f.phase) {
      case 'upcoming':
        q = q.where('state', '=', 'published').where('opens_on', '>', f.today);
        break;
      case 'open':
        q = q.where('state', '=', 'published').where('opens_on', '<=', f.today).where('closes_on', '>=', f.today);
        break;
      case 'closed':
        q = q.where('state', '=', 'published').where('closes_on', '<', f.today);
        break;
      case undefined:
        break;
      default:
        q = q.where('state', '=', f.phase);
    }
    return q;
  }

  list(f: ConsultationFilter, offset: number, limit: number): Promise<ConsultationRow[]> {
    return this.filtered(f).selectAll().orderBy('opens_on', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
  }

  async count(f: ConsultationFilter): Promise<number> {
    const r = await this.filtered(f).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Published, past the closing date, no result yet: the to-do list's. */
  overdueResults(roots: string[] | null, today: string): Promise<ConsultationRow[]> {
    return this.db
      .selectFrom('con_consultation')
      .selectAll()
      .where(inSubtrees(sql.ref('org_path'), roots))
      .where('state', '=', 'published')
      .where('closes_on', '<', today)
      .orderBy('closes_on')
      .limit(500)
      .execute();
  }

  async publicIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('con_consultation').select('id').where('state', 'in', ['published', 'concluded']).execute();
    return rows.map((r) => r.id);
  }

  byFinalDocument(documentId: string): Promise<ConsultationRow[]> {
    return this.db.selectFrom('con_consultation').selectAll().where('final_document_id', '=', documentId).where('state', '=', 'concluded').execute();
  }

  // ------------------------------------------------------------------ comments

  findComment(id: string): Promise<CommentRow | undefined> {
    return this.db.selectFrom('con_comment').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertComment(row: CommentRow, commenter: CommenterRow | null): Promise<void> {
    await this.db.insertInto('con_comment').values(row).execute();
    if (commenter) await this.db.insertInto('con_commenter').values(commenter).execute();
  }

  async updateComment(id: string, set: Partial<CommentRow>): Promise<void> {
    await this.db.updateTable('con_comment').set(set).where('id', '=', id).execute();
  }

  async hasDuplicate(consultationId: string, dupKey: string): Promise<boolean> {
    const r = await this.db.selectFrom('con_comment').select('id').where('consultation_id', '=', consultationId).where('dup_key', '=', dupKey).executeTakeFirst();
    return r !== undefined;
  }

  comments(consultationId: string, opts: { status?: string; anchor?: string | null; offset?: number; limit?: number } = {}): Promise<CommentRow[]> {
    let q = this.db.selectFrom('con_comment').selectAll().where('consultation_id', '=', consultationId);
    if (opts.status) q = q.where('status', '=', opts.status);
    if (opts.anchor !== undefined) q = opts.anchor === null ? q.where('anchor', 'is', null) : q.where((eb) => eb.or([eb('anchor', '=', opts.anchor!), eb('anchor', 'like', `${opts.anchor}.%`)]));
    return q.orderBy('created_at').orderBy('id').offset(opts.offset ?? 0).limit(opts.limit ?? 10_000).execute();
  }

  async countComments(consultationId: string, opts: { status?: string; anchor?: string | null } = {}): Promise<number> {
    let q = this.db.selectFrom('con_comment').where('consultation_id', '=', consultationId);
    if (opts.status) q = q.where('status', '=', opts.status);
    if (opts.anchor !== undefined) q = opts.anchor === null ? q.where('anchor', 'is', null) : q.where((eb) => eb.or([eb('anchor', '=', opts.anchor!), eb('anchor', 'like', `${opts.anchor}.%`)]));
    const r = await q.select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Counts by status and, for approved comments, by decision (null = undecided). */
  async tally(consultationId: string): Promise<{ status: string; decision: string | null; n: number }[]> {
    const rows = await this.db
      .selectFrom('con_comment')
      .select(['status', 'decision', sql<number>`cast(count(*) as integer)`.as('n')])
      .where('consultation_id', '=', consultationId)
      .groupBy(['status', 'decision'])
      .execute();
    return rows.map((r) => ({ status: r.status, decision: r.decision, n: Number(r.n) }));
  }

  /** Approved comments per consultation, for lists. */
  async approvedCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('con_comment')
      .select(['consultation_id', sql<number>`cast(count(*) as integer)`.as('n')])
      .where('consultation_id', 'in', ids)
      .where('status', '=', 'approved')
      .groupBy('consultation_id')
      .execute();
    return new Map(rows.map((r) => [r.consultation_id, Number(r.n)]));
  }

  /** Pending comments of published consultations in these subtrees, oldest first (the moderation queue). */
  async pendingQueue(roots: string[] | null, offset: number, limit: number): Promise<{ rows: (CommentRow & { title: string })[]; total: number }> {
    const base = this.db
      .selectFrom('con_comment')
      .innerJoin('con_consultation', 'con_consultation.id', 'con_comment.consultation_id')
      .where('con_comment.status', '=', 'pending')
      .where('con_consultation.state', '=', 'published')
      .where(inSubtrees(sql.ref('con_consultation.org_path'), roots));
    const [rows, total] = await Promise.all([
      base.selectAll('con_comment').select('con_consultation.title as title').orderBy('con_comment.created_at').orderBy('con_comment.id').offset(offset).limit(limit).execute(),
      base.select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirst(),
    ]);
    return { rows, total: Number(total?.n ?? 0) };
  }

  commenters(commentIds: string[]): Promise<CommenterRow[]> {
    if (commentIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('con_commenter').selectAll().where('comment_id', 'in', commentIds).execute();
  }
}
