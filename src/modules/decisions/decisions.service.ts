// The annual catalog of major administrative decision items (重大行政决策事项目录) per government, each item with the
// five statutory procedures, its consultation and its decision document. decision.read / decision.manage on the
// item's organisation; the published catalog is public (without internal notes).
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx, UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { inSubtrees } from '../../platform/db/subtree.ts';
import { sql } from 'kysely';
import { can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors.ts';
import type { OrganisationService } from '../organisations/index.ts';
import type { DocumentService } from '../documents/index.ts';
import type { ConsultationService } from '../consultations/index.ts';
import type { DecItemTable, DecProcedureTable } from './decisions.tables.ts';
import {
  checkProcedure, decideProblems, itemStateNames, procedureKinds, procedureNames, procedureStateNames, procedureStates,
  type ItemState, type ProcedureFact, type ProcedureKind, type ProcedureState,
} from './procedures.ts';

type ItemRow = Selectable<DecItemTable>;
type ProcedureRow = Selectable<DecProcedureTable>;
const custom = (path: string, zh: string): FieldError => ({ path, code: 'custom', params: { zh, en: zh } });
const refused = (zh: string) => new ConflictError('TRANSITION_REFUSED', { reason: { zh, en: zh } });
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type ProcedureView = { kind: ProcedureKind; name: string; status: ProcedureState; statusName: string; doneOn: string | null; documentId: string | null; note?: string | null };
export type DecisionItemView = {
  id: string;
  organisationId: string;
  organisationName: string;
  year: number;
  title: string;
  summary: string;
  department: string;
  status: ItemState;
  statusName: string;
  published: boolean;
  consultationId: string | null;
  decisionDocumentId: string | null;
  decidedOn: string | null;
  procedures: ProcedureView[];
};
export type ItemInput = { organisationId: string; year: number; title: string; summary: string; department: string; consultationId?: string | null };

export class DecisionService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly documents: DocumentService,
    private readonly consultations: ConsultationService,
  ) {}

  /** The published catalog of one government for one year (public). */
  async catalog(organisationId: string, year: number): Promise<{ organisationName: string; year: number; items: DecisionItemView[] }> {
    const org = (await this.orgs.refs([organisationId])).get(organisationId);
    if (!org) throw new NotFoundError();
    const rows = await this.db.selectFrom('dec_item').selectAll().where('org_id', '=', organisationId).where('year', '=', year).where('published', '=', 1).orderBy('created_at').execute();
    return { organisationName: org.name, year, items: await this.present(rows, false) };
  }

  /** Governments and years that have a published catalog (for the portal's index). */
  async catalogIndex(): Promise<{ organisationId: string; organisationName: string; year: number; items: number }[]> {
    const rows = await this.db
      .selectFrom('dec_item')
      .select(['org_id', 'year', sql<number>`cast(count(*) as integer)`.as('n')])
      .where('published', '=', 1)
      .groupBy(['org_id', 'year'])
      .orderBy('year', 'desc')
      .execute();
    const names = await this.orgs.refs([...new Set(rows.map((r) => r.org_id))]);
    return rows.map((r) => ({ organisationId: r.org_id, organisationName: names.get(r.org_id)?.name ?? '', year: Number(r.year), items: Number(r.n) }));
  }

  async list(actor: Actor, query: { organisationId?: string; year?: number; page?: number; pageSize?: number }) {
    const roots = scopeRoots(actor, 'decision.read');
    let q = this.db.selectFrom('dec_item').where(inSubtrees(sql.ref('org_path'), roots));
    if (query.organisationId) q = q.where('org_id', '=', (await this.orgs.requireReadable(actor, query.organisationId)).id);
    if (query.year) q = q.where('year', '=', query.year);
    const size = Math.min(query.pageSize ?? 20, 100);
    const page = query.page ?? 1;
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy('year', 'desc').orderBy('created_at').offset((page - 1) * size).limit(size).execute(),
      q.select(sql<number>`cast(count(*) as integer)`.as('n')).executeTakeFirst(),
    ]);
    return { items: await this.present(rows, true), total: Number(total?.n ?? 0), page, pageSize: size };
  }

  async get(actor: Actor, id: string): Promise<DecisionItemView> {
    const row = await this.require(actor, id, 'decision.read');
    return (await this.present([row], true))[0]!;
  }

  async create(actor: Actor, input: ItemInput): Promise<DecisionItemView> {
    const org = await this.orgs.requireReadable(actor, input.organisationId);
    if (!can(actor, 'decision.manage', org.path)) throw new NotFoundError();
    const fields = this.checkInput(input);
    await this.checkConsultation(actor, fields.consultation_id);
    const now = nowIso();
    const row: ItemRow = { id: newId(), org_id: org.id, org_path: org.path, ...fields, status: 'planned', published: 0, decision_document_id: null, decided_on: null, created_at: now, updated_at: now };
    await this.uow(actor, async (tx) => {
      await tx.db.insertInto('dec_item').values(row).execute();
      for (const kind of procedureKinds) {
        await tx.db.insertInto('dec_procedure').values({ item_id: row.id, kind, required: 1, status: 'pending', done_on: null, note: null, document_id: null, updated_at: now }).execute();
      }
      await this.audit(tx, 'decision.create', row, null, fields);
    });
    return this.get(actor, row.id);
  }

  async update(actor: Actor, id: string, input: Omit<ItemInput, 'organisationId'>): Promise<DecisionItemView> {
    await this.uow(actor, async (tx) => {
      const row = await this.require(actor, id, 'decision.manage', tx.db);
      if (row.status !== 'planned') throw refused('已作出决策或已调出目录的事项不能再修改');
      const fields = this.checkInput({ ...input, organisationId: row.org_id });
      await this.checkConsultation(actor, fields.consultation_id);
      await tx.db.updateTable('dec_item').set({ ...fields, updated_at: nowIso() }).where('id', '=', id).execute();
      await this.audit(tx, 'decision.update', row, { title: row.title, year: row.year }, fields);
    });
    return this.get(actor, id);
  }

  async setProcedure(actor: Actor, id: string, kind: string, input: { status: string; doneOn?: string | null; note?: string | null; documentId?: string | null }): Promise<DecisionItemView> {
    if (!(procedureKinds as readonly string[]).includes(kind)) throw new NotFoundError();
    const errors: FieldError[] = [];
    if (!(procedureStates as readonly string[]).includes(input.status)) errors.push(custom('status', '请选择未完成、已完成或无需开展'));
    if (input.doneOn && !DATE.test(input.doneOn)) errors.push(custom('doneOn', '不是有效的日期'));
    const fact: ProcedureFact = { kind: kind as ProcedureKind, status: input.status as ProcedureState, doneOn: input.status === 'done' ? (input.doneOn ?? null) : null, note: input.note?.trim().slice(0, 1000) || null };
    if (errors.length === 0) errors.push(...checkProcedure(fact).map((m) => custom('status', m)));
    if (errors.length) throw new ValidationError(errors);
    await this.uow(actor, async (tx) => {
      const row = await this.require(actor, id, 'decision.manage', tx.db);
      if (row.status !== 'planned') throw refused('已作出决策的事项不能再修改程序记录');
      const before = await tx.db.selectFrom('dec_procedure').selectAll().where('item_id', '=', id).where('kind', '=', kind).executeTakeFirst();
      const set = { status: fact.status, done_on: fact.doneOn, note: fact.note, document_id: input.documentId ?? null, updated_at: nowIso() };
      await tx.db.updateTable('dec_procedure').set(set).where('item_id', '=', id).where('kind', '=', kind).execute();
      await this.audit(tx, 'decision.procedure', row, before ? { kind, status: before.status, doneOn: before.done_on } : null, { kind, status: fact.status, doneOn: fact.doneOn });
    });
    return this.get(actor, id);
  }

  /** Marks the item decided: refused while a statutory procedure is missing or out of order. */
  async decide(actor: Actor, id: string, input: { decidedOn: string; decisionDocumentId?: string | null }): Promise<DecisionItemView> {
    if (!DATE.test(input.decidedOn ?? '')) throw new ValidationError([custom('decidedOn', '请填写决策日期')]);
    if (input.decisionDocumentId) {
      try {
        await this.documents.getPublic(input.decisionDocumentId);
      } catch {
        throw new ValidationError([custom('decisionDocumentId', '决策文件不存在或尚未发布')]);
      }
    }
    await this.uow(actor, async (tx) => {
      const row = await this.require(actor, id, 'decision.manage', tx.db);
      if (row.status !== 'planned') throw refused(`该事项${itemStateNames[row.status as ItemState]}`);
      const procs = await tx.db.selectFrom('dec_procedure').selectAll().where('item_id', '=', id).execute();
      const problems = decideProblems(procs.map(fact), input.decidedOn);
      if (problems.length) throw refused(`法定程序不完整：${problems.join('；')}`);
      await tx.db.updateTable('dec_item').set({ status: 'decided', decided_on: input.decidedOn, decision_document_id: input.decisionDocumentId ?? null, updated_at: nowIso() }).where('id', '=', id).execute();
      await this.audit(tx, 'decision.decide', row, { status: row.status }, { status: 'decided', decidedOn: input.decidedOn, decisionDocumentId: input.decisionDocumentId ?? null });
    });
    return this.get(actor, id);
  }

  /** Puts the item on (or takes it off) the published catalog. */
  async setPublished(actor: Actor, id: string, published: boolean): Promise<DecisionItemView> {
    await this.uow(actor, async (tx) => {
      const row = await this.require(actor, id, 'decision.manage', tx.db);
      await tx.db.updateTable('dec_item').set({ published: published ? 1 : 0, updated_at: nowIso() }).where('id', '=', id).execute();
      await this.audit(tx, published ? 'decision.publish' : 'decision.unpublish', row, { published: row.published === 1 }, { published });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const row = await this.require(actor, id, 'decision.manage', tx.db);
      if (row.published === 1 || row.status !== 'planned') throw refused('已公布或已决策的事项不能删除，只能调出目录');
      await tx.db.deleteFrom('dec_procedure').where('item_id', '=', id).execute();
      await tx.db.deleteFrom('dec_item').where('id', '=', id).execute();
      await this.audit(tx, 'decision.delete', row, { title: row.title, year: row.year }, null);
    });
  }

  private async require(actor: Actor, id: string, permission: 'decision.read' | 'decision.manage', db: Kysely<DB> = this.db): Promise<ItemRow> {
    const row = await db.selectFrom('dec_item').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !can(actor, permission, row.org_path)) throw new NotFoundError();
    return row;
  }

  /** The linked consultation must exist and be readable by the actor (its 公众参与). */
  private async checkConsultation(actor: Actor, id: string | null): Promise<void> {
    if (!id) return;
    try {
      await this.consultations.get(actor, id);
    } catch {
      throw new ValidationError([custom('consultationId', '关联的意见征集不存在或无权访问')]);
    }
  }

  private checkInput(input: ItemInput) {
    const errors: FieldError[] = [];
    const title = (input.title ?? '').trim();
    if (title.length < 2 || title.length > 200) errors.push(custom('title', '请填写事项名称（2–200 字）'));
    if (!Number.isInteger(input.year) || input.year < 2019 || input.year > 2100) errors.push(custom('year', '年度应为 2019 年（《重大行政决策程序暂行条例》施行）以后的年份'));
    if ((input.department ?? '').trim().length < 2) errors.push(custom('department', '请填写承办单位'));
    if (errors.length) throw new ValidationError(errors);
    return { year: input.year, title, summary: (input.summary ?? '').trim().slice(0, 5000), department: input.department.trim().slice(0, 200), consultation_id: input.consultationId || null };
  }

  private async present(rows: ItemRow[], staff: boolean): Promise<DecisionItemView[]> {
    if (rows.length === 0) return [];
    const procs = await this.db.selectFrom('dec_procedure').selectAll().where('item_id', 'in', rows.map((r) => r.id)).execute();
    const names = await this.orgs.refs([...new Set(rows.map((r) => r.org_id))]);
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.org_id,
      organisationName: names.get(r.org_id)?.name ?? '',
      year: Number(r.year),
      title: r.title,
      summary: r.summary,
      department: r.department,
      status: r.status as ItemState,
      statusName: itemStateNames[r.status as ItemState],
      published: r.published === 1,
      consultationId: r.consultation_id,
      decisionDocumentId: r.decision_document_id,
      decidedOn: r.decided_on,
      procedures: procedureKinds.map((kind) => {
        const p = procs.find((x) => x.item_id === r.id && x.kind === kind);
        const status = (p?.status ?? 'pending') as ProcedureState;
        const view: ProcedureView = { kind, name: procedureNames[kind], status, statusName: procedureStateNames[status], doneOn: p?.done_on ?? null, documentId: p?.document_id ?? null };
        if (staff) view.note = p?.note ?? null; // internal notes stay off public pages
        return view;
      }),
    }));
  }

  private audit(tx: Tx, action: string, row: ItemRow, before: unknown, after: unknown) {
    return tx.audit({ action, entityType: 'decision_item', entityId: row.id, org: { id: row.org_id, path: row.org_path }, before, after });
  }
}

const fact = (p: ProcedureRow): ProcedureFact => ({ kind: p.kind as ProcedureKind, status: p.status as ProcedureState, doneOn: p.done_on, note: p.note });
