// SQL of disclosure-on-application cases. No dialect branches: the same queries run on SQLite and PostgreSQL.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { likeEscape } from '../../platform/db/dialect/types.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { ReqApplicantTable, ReqCaseTable, ReqEventTable, ReqFileTable, ReqRemedyTable } from './requests.tables.ts';
import type { AnswerOutcome, ApplicantKind, CaseStatisticsFact, RemedyKind, RemedyResult, RemedyStatisticsFact } from './domain/model.ts';

export type CaseRow = Selectable<ReqCaseTable>;
export type ApplicantRow = Selectable<ReqApplicantTable>;
export type EventRow = Selectable<ReqEventTable>;
export type FileRow = Selectable<ReqFileTable>;
export type RemedyRow = Selectable<ReqRemedyTable>;

export type CaseFilter = {
  /** Subtree roots the actor may read; null = all. */
  roots: string[] | null;
  orgPath?: string;
  state?: string;
  states?: readonly string[];
  q?: string;
  applicantKind?: string;
  /** Received on or after / on or before (YYYY-MM-DD). */
  receivedFrom?: string;
  receivedTo?: string;
};

/** Dates (YYYY-MM-DD) bounding the statistics a caller needs, e.g. 1 January of last year to 31 December. */
export type StatisticsWindow = { from: string; to: string };

const chunks = (ids: string[], size = 500): string[][] => Array.from({ length: Math.ceil(ids.length / size) }, (_, i) => ids.slice(i * size, (i + 1) * size));

export class RequestsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The next value of a named counter (tracking numbers per year), inside the caller's transaction. */
  async nextCounter(scope: string): Promise<number> {
    const updated = await this.db.updateTable('req_counter').set({ value: sql`value + 1` }).where('scope', '=', scope).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await this.db.insertInto('req_counter').values({ scope, value: 1 }).execute();
    const row = await this.db.selectFrom('req_counter').select('value').where('scope', '=', scope).executeTakeFirstOrThrow();
    return Number(row.value);
  }

  insertCase(row: Insertable<ReqCaseTable>) {
    return this.db.insertInto('req_case').values(row).execute();
  }
  insertApplicant(row: Insertable<ReqApplicantTable>) {
    return this.db.insertInto('req_applicant').values(row).execute();
  }
  insertEvent(row: Insertable<ReqEventTable>) {
    return this.db.insertInto('req_event').values(row).execute();
  }
  insertFile(row: Insertable<ReqFileTable>) {
    return this.db.insertInto('req_file').values(row).execute();
  }

  /** Updates a case only if nobody appended an event since it was read (optimistic lock on last_seq). */
  async updateCase(id: string, expectedSeq: number, patch: Updateable<ReqCaseTable>): Promise<boolean> {
    const r = await this.db.updateTable('req_case').set(patch).where('id', '=', id).where('last_seq', '=', expectedSeq).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async setProactiveDocument(id: string, documentId: string): Promise<boolean> {
    const r = await this.db.updateTable('req_case').set({ proactive_document_id: documentId, updated_at: nowIso() }).where('id', '=', id).where('proactive_document_id', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  findCase(id: string): Promise<CaseRow | undefined> {
    return this.db.selectFrom('req_case').selectAll().where('id', '=', id).executeTakeFirst();
  }
  findByTrackingNo(trackingNo: string): Promise<CaseRow | undefined> {
    return this.db.selectFrom('req_case').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst();
  }
  applicant(caseId: string): Promise<ApplicantRow | undefined> {
    return this.db.selectFrom('req_applicant').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  }
  events(caseId: string): Promise<EventRow[]> {
    return this.db.selectFrom('req_event').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
  }
  async eventsOf(caseIds: string[]): Promise<Map<string, EventRow[]>> {
    const out = new Map<string, EventRow[]>(caseIds.map((id) => [id, []]));
    for (let i = 0; i < caseIds.length; i += 500) {
      const chunk = caseIds.slice(i, i + 500);
      const rows = await this.db.selectFrom('req_event').selectAll().where('case_id', 'in', chunk).orderBy('case_id').orderBy('seq').execute();
      for (const r of rows) out.get(r.case_id)!.push(r);
    }
    return out;
  }
  files(caseId: string, kind?: string): Promise<FileRow[]> {
    let q = this.db.selectFrom('req_file').selectAll().where('case_id', '=', caseId);
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('created_at').orderBy('id').execute();
  }
  file(caseId: string, fileId: string): Promise<FileRow | undefined> {
    return this.db.selectFrom('req_file').selectAll().where('case_id', '=', caseId).where('id', '=', fileId).executeTakeFirst();
  }

  private filtered(f: CaseFilter) {
    let q = this.db.selectFrom('req_case').where((eb) => inSubtrees(eb.ref('org_path'), f.roots));
    if (f.orgPath) q = q.where('org_path', 'like', `${likeEscape(f.orgPath)}%`);
    if (f.state) q = q.where('state', '=', f.state);
    if (f.states) q = q.where('state', 'in', [...f.states]);
    if (f.applicantKind) q = q.where('applicant_kind', '=', f.applicantKind);
    if (f.receivedFrom) q = q.where('received_on', '>=', f.receivedFrom);
    if (f.receivedTo) q = q.where('received_on', '<=', f.receivedTo);
    if (f.q) {
      const like = `%${likeEscape(f.q)}%`;
      q = q.where((eb) => eb.or([eb('info_title', 'like', like), eb('tracking_no', 'like', like), eb('info_doc_number', 'like', like)]));
    }
    return q;
  }
  list(f: CaseFilter, offset: number, limit: number): Promise<CaseRow[]> {
    return this.filtered(f).selectAll().orderBy('received_on', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
  }
  listAll(f: CaseFilter): Promise<CaseRow[]> {
    return this.filtered(f).selectAll().orderBy('received_on').orderBy('id').execute();
  }
  async count(f: CaseFilter): Promise<number> {
    const row = await this.filtered(f).select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Cases for the same information (same normalised 文号 or title) within the readable subtrees. */
  sameInformation(infoKey: string, roots: string[] | null, excludeId?: string): Promise<CaseRow[]> {
    let q = this.db.selectFrom('req_case').selectAll().where('info_key', '=', infoKey).where((eb) => inSubtrees(eb.ref('org_path'), roots));
    if (excludeId) q = q.where('id', '!=', excludeId);
    return q.orderBy('received_on').orderBy('id').limit(100).execute();
  }
  async repeatedKeys(roots: string[] | null, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('req_case')
      .select(['info_key', sql<number>`cast(count(*) as integer)`.as('n')])
      .where((eb) => inSubtrees(eb.ref('org_path'), roots))
      .where('state', 'not in', ['withdrawn', 'transferred'])
      .groupBy('info_key')
      .having(sql`count(*)`, '>', 1)
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('info_key')
      .limit(limit)
      .execute();
    return rows.map((r) => r.info_key);
  }

  /** The applicant's applications at this organisation received in [from, to] before this case (fees per month). */
  async applicantCasesInMonth(idHash: string, orgId: string, from: string, to: string, excludeId: string): Promise<number> {
    const row = await this.db
      .selectFrom('req_case')
      .innerJoin('req_applicant', 'req_applicant.case_id', 'req_case.id')
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('req_applicant.id_hash', '=', idHash)
      .where('req_case.org_id', '=', orgId)
      .where('req_case.received_on', '>=', from)
      .where('req_case.received_on', '<=', to)
      .where('req_case.id', '!=', excludeId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // ---- remedies
  remedies(caseId: string): Promise<RemedyRow[]> {
    return this.db.selectFrom('req_remedy').selectAll().where('case_id', '=', caseId).orderBy('filed_on').orderBy('id').execute();
  }
  remedy(caseId: string, id: string): Promise<RemedyRow | undefined> {
    return this.db.selectFrom('req_remedy').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  }
  insertRemedy(row: Insertable<ReqRemedyTable>) {
    return this.db.insertInto('req_remedy').values(row).execute();
  }
  updateRemedy(id: string, patch: Updateable<ReqRemedyTable>) {
    return this.db.updateTable('req_remedy').set(patch).where('id', '=', id).execute();
  }
  deleteRemedy(id: string) {
    return this.db.deleteFrom('req_remedy').where('id', '=', id).execute();
  }

  // ---- notifications (outbox edge for a future SMS/e-mail gateway)
  async notify(caseId: string, orgId: string, kind: string, day: string, dueOn: string | null): Promise<boolean> {
    const r = await this.db
      .insertInto('req_notification')
      .values({ id: newId(), case_id: caseId, org_id: orgId, kind, day, due_on: dueOn, created_at: nowIso(), sent_at: null })
      .onConflict((oc) => oc.columns(['case_id', 'kind', 'day']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  notifications(caseId: string) {
    return this.db.selectFrom('req_notification').selectAll().where('case_id', '=', caseId).orderBy('day').orderBy('kind').execute();
  }

  // ---- statistics (annual report tables 3 and 4): no personal data
  /**
   * Case facts of these organisations; with a window, only cases that touch it (received by `to` and not concluded
   * before `from`), which is every case the tables of the years in the window can count.
   */
  async statisticsFacts(orgIds: string[], window?: StatisticsWindow): Promise<CaseStatisticsFact[]> {
    const out: CaseStatisticsFact[] = [];
    for (const chunk of chunks(orgIds)) {
      let q = this.db.selectFrom('req_case').select(['id', 'org_id', 'applicant_kind', 'received_on', 'concluded_on', 'outcome']).where('org_id', 'in', chunk);
      if (window) q = q.where('received_on', '<=', window.to).where((eb) => eb.or([eb('concluded_on', 'is', null), eb('concluded_on', '>=', window.from)]));
      const rows = await q.orderBy('received_on').orderBy('id').execute();
      out.push(...rows.map((r) => ({ caseId: r.id, orgId: r.org_id, applicantKind: r.applicant_kind as ApplicantKind, receivedOn: r.received_on, concludedOn: r.concluded_on, outcome: r.outcome as AnswerOutcome | null })));
    }
    return out;
  }
  /** Remedy facts; with a window, those filed by `to` and not decided before `from`. */
  async remedyFacts(orgIds: string[], window?: StatisticsWindow): Promise<RemedyStatisticsFact[]> {
    const out: RemedyStatisticsFact[] = [];
    for (const chunk of chunks(orgIds)) {
      let q = this.db.selectFrom('req_remedy').selectAll().where('org_id', 'in', chunk);
      if (window) q = q.where('filed_on', '<=', window.to).where((eb) => eb.or([eb('decided_on', 'is', null), eb('decided_on', '>=', window.from)]));
      const rows = await q.orderBy('filed_on').orderBy('id').execute();
      out.push(...rows.map((r) => ({ caseId: r.case_id, orgId: r.org_id, kind: r.kind as RemedyKind, filedOn: r.filed_on, result: r.result as RemedyResult, decidedOn: r.decided_on })));
    }
    return out;
  }
}
