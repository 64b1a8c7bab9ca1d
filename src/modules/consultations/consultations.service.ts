// Consultations on drafts (意见征集): drafting, publishing, extending, withdrawing, the answers and the adoption
// report. Comments are in comments.service.ts. Staff need consultation.* on the consultation's organisation; anything
// else answers 404 like a missing consultation. Every change writes an audit row in its transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Tx, UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso, parseJson } from '../../platform/db/ids.ts';
import { can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import type { Permission } from '../../platform/authz/roles.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors.ts';
import type { WorkingDays } from '../../platform/calendar/types.ts';
import type { OrganisationService, OrgRef } from '../organisations/index.ts';
import type { DocumentService } from '../documents/index.ts';
import { ConsultationsRepository, type ConsultationFilter, type ConsultationRow } from './consultations.repository.ts';
import { parseDraft } from './domain/articles.ts';
import { phaseOf, transition, type ConsultationEvent, type Guard, type Phase, type StoredState } from './domain/lifecycle.ts';
import { checkPeriod, consultationKinds, kindNames, type ConsultationKind, type PeriodRules } from './domain/periods.ts';
import { plainText } from './domain/text.ts';
import { presentSummary, presentView, presentStaffView } from './consultations.presenter.ts';
import type { IndexedRecord } from '../../platform/search/index.ts';
import type { Channel, ConsultationInput, ConsultationSummary, ConsultationView, StaffConsultationView } from './consultations.dto.ts';

/** Outbox topic of every change to a consultation (payload: consultationId); the search indexer listens. */
export const CONSULTATION_CHANGED = 'consultation.changed';

export type ConsultationOptions = { periodRules: PeriodRules; today: () => string };

const custom = (path: string, zh: string): FieldError => ({ path, code: 'custom', params: { zh, en: zh } });
export const refused = (zh: string) => new ConflictError('TRANSITION_REFUSED', { reason: { zh, en: zh } });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string) => DATE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

export class ConsultationService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly documents: DocumentService,
    private readonly calendar: () => Pick<WorkingDays, 'workingDaysBetween'>,
    private readonly options: ConsultationOptions,
  ) {}

  setToday(today: () => string): void {
    this.options.today = today;
  }

  today(): string {
    return this.options.today();
  }

  repo(db: Kysely<DB> = this.db): ConsultationsRepository {
    return new ConsultationsRepository(db);
  }

  phase(row: ConsultationRow): Phase {
    return phaseOf(row.state as StoredState, row.opens_on, row.closes_on, this.today());
  }

  /** The consultation if the actor holds the permission on its organisation; 404 otherwise. */
  async requireFor(actor: Actor, id: string, permission: Permission, db: Kysely<DB> = this.db): Promise<ConsultationRow> {
    const row = await this.repo(db).find(id);
    if (!row || !can(actor, permission, row.org_path)) throw new NotFoundError();
    return row;
  }

  /** A public read: published or concluded only. */
  async requirePublic(id: string): Promise<ConsultationRow> {
    const row = await this.repo().find(id);
    if (!row || (row.state !== 'published' && row.state !== 'concluded')) throw new NotFoundError();
    return row;
  }

  /** Applies the transition table; throws 409 with the reason when refused. */
  async check(row: ConsultationRow, event: ConsultationEvent, guard: Partial<Guard> = {}, db: Kysely<DB> = this.db): Promise<StoredState | null> {
    const full: Guard = { pending: 0, undecided: 0, periodProblem: null, reason: '', ...guard };
    if (event === 'publish_result') {
      const tally = await this.repo(db).tally(row.id);
      full.pending = tally.filter((t) => t.status === 'pending').reduce((s, t) => s + t.n, 0);
      full.undecided = tally.filter((t) => t.status === 'approved' && t.decision === null).reduce((s, t) => s + t.n, 0);
    }
    const r = transition(this.phase(row), event, full);
    if (!r.ok) throw refused(r.reason);
    return r.next;
  }

  // ---------------------------------------------------------------- public reads

  async listPublic(query: { phase?: 'upcoming' | 'open' | 'closed' | 'concluded'; organisationId?: string; q?: string; page?: number; pageSize?: number }) {
    let orgPath: string | undefined;
    if (query.organisationId) {
      const org = (await this.orgs.refs([query.organisationId])).get(query.organisationId);
      if (!org) throw new NotFoundError();
      orgPath = org.path;
    }
    return this.page({ roots: null, publicOnly: true, orgPath, phase: query.phase, q: query.q, today: this.today() }, query.page, query.pageSize);
  }

  async getPublic(id: string): Promise<ConsultationView> {
    const row = await this.requirePublic(id);
    return presentView(this.ctx(), row, await this.orgName(row));
  }

  /** The consultation as search indexes it, or null when the public may not see it (draft, withdrawn, deleted). */
  async indexable(id: string): Promise<IndexedRecord | null> {
    const row = await this.repo().find(id);
    if (!row || (row.state !== 'published' && row.state !== 'concluded')) return null;
    const publishedAt = row.published_at ?? row.updated_at;
    const parts = [`${kindNames[row.kind as ConsultationKind] ?? ''}征求意见，期限 ${row.opens_on} 至 ${row.closes_on}。`, row.explanation, row.draft_text];
    if (row.state === 'concluded' && row.result_summary) parts.push(`意见采纳情况：${row.result_summary}`);
    return {
      id: row.id,
      orgId: row.org_id,
      orgPath: row.org_path,
      title: row.title,
      body: parts.filter(Boolean).join('\n'),
      docNo: null,
      indexNo: null,
      topic: null,
      genre: null,
      year: Number(publishedAt.slice(0, 4)),
      validity: null,
      publishedAt,
      url: `/consultations/${encodeURIComponent(row.id)}`,
      kind: 'consultation',
    };
  }

  /** Ids of every consultation the public may see (for a full reindex). */
  async publicIds(): Promise<string[]> {
    return this.repo().publicIds();
  }

  /** Concluded consultations whose final document this is (for "征求意见及采纳情况" on the document page). */
  async forDocument(documentId: string): Promise<{ id: string; title: string; resultPublishedAt: string | null }[]> {
    const rows = await this.repo().byFinalDocument(documentId);
    return rows.map((r) => ({ id: r.id, title: r.title, resultPublishedAt: r.result_published_at }));
  }

  // ---------------------------------------------------------------- staff

  async list(actor: Actor, query: { organisationId?: string; phase?: ConsultationFilter['phase']; q?: string; page?: number; pageSize?: number }) {
    const roots = scopeRoots(actor, 'consultation.read');
    let orgPath: string | undefined;
    if (query.organisationId) orgPath = (await this.orgs.requireReadable(actor, query.organisationId)).path;
    return this.page({ roots, publicOnly: false, orgPath, phase: query.phase, q: query.q, today: this.today() }, query.page, query.pageSize);
  }

  async get(actor: Actor, id: string): Promise<StaffConsultationView> {
    const row = await this.requireFor(actor, id, 'consultation.read');
    return presentStaffView(this.ctx(), row, await this.orgName(row), actor);
  }

  async create(actor: Actor, input: ConsultationInput): Promise<StaffConsultationView> {
    const org = await this.orgs.requireReadable(actor, input.organisationId);
    if (!can(actor, 'consultation.manage', org.path)) throw new NotFoundError();
    const fields = this.checkInput(input);
    const now = nowIso();
    const row: ConsultationRow = {
      id: newId(),
      org_id: org.id,
      org_path: org.path,
      ...fields,
      state: 'draft',
      withdraw_reason: null,
      result_summary: null,
      result_published_at: null,
      final_document_id: null,
      published_at: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await this.uow(actor, async (tx) => {
      await this.repo(tx.db).insert(row);
      await this.audit(tx, 'consultation.create', row, null, fields);
    });
    return this.get(actor, row.id);
  }

  async update(actor: Actor, id: string, input: Omit<ConsultationInput, 'organisationId'>): Promise<StaffConsultationView> {
    await this.uow(actor, async (tx) => {
      const row = await this.requireFor(actor, id, 'consultation.manage', tx.db);
      await this.check(row, 'edit');
      const fields = this.checkInput({ ...input, organisationId: row.org_id });
      // An announced consultation cannot be moved to have opened already (nobody could have commented).
      if (row.state === 'published' && fields.opens_on <= this.today()) throw new ValidationError([custom('opensOn', '已发布的征集只能把开始日期改为今天以后的日期')]);
      await this.repo(tx.db).update(id, { ...fields, updated_at: nowIso() });
      await this.audit(tx, 'consultation.update', row, snapshot(row), fields);
    });
    return this.get(actor, id);
  }

  async publish(actor: Actor, id: string): Promise<StaffConsultationView> {
    await this.uow(actor, async (tx) => {
      const row = await this.requireFor(actor, id, 'consultation.manage', tx.db);
      const problem = row.opens_on < this.today() ? '开始日期已过，请改为今天或以后的日期后再发布' : this.periodProblem(row);
      const next = await this.check(row, 'publish', { periodProblem: problem });
      await this.repo(tx.db).update(id, { state: next!, published_at: nowIso(), updated_at: nowIso() });
      await this.audit(tx, 'consultation.publish', row, { state: row.state }, { state: next, opensOn: row.opens_on, closesOn: row.closes_on });
    });
    return this.get(actor, id);
  }

  async extend(actor: Actor, id: string, closesOn: string, reason: string | null): Promise<StaffConsultationView> {
    if (!validDate(closesOn)) throw new ValidationError([custom('closesOn', '不是有效的日期')]);
    await this.uow(actor, async (tx) => {
      const row = await this.requireFor(actor, id, 'consultation.manage', tx.db);
      const problem = closesOn <= row.closes_on ? '延长后的截止日期须晚于原截止日期' : this.periodProblem({ ...row, closes_on: closesOn });
      await this.check(row, 'extend', { periodProblem: problem });
      await this.repo(tx.db).update(id, { closes_on: closesOn, updated_at: nowIso() });
      await this.audit(tx, 'consultation.extend', row, { closesOn: row.closes_on }, { closesOn, reason });
    });
    return this.get(actor, id);
  }

  async withdraw(actor: Actor, id: string, reason: string): Promise<StaffConsultationView> {
    await this.uow(actor, async (tx) => {
      const row = await this.requireFor(actor, id, 'consultation.manage', tx.db);
      const next = await this.check(row, 'withdraw', { reason: plainText(reason) });
      await this.repo(tx.db).update(id, { state: next!, withdraw_reason: plainText(reason), updated_at: nowIso() });
      await this.audit(tx, 'consultation.withdraw', row, { state: row.state }, { state: next, reason });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.uow(actor, async (tx) => {
      const row = await this.requireFor(actor, id, 'consultation.manage', tx.db);
      await this.check(row, 'delete');
      await this.repo(tx.db).remove(id);
      await this.audit(tx, 'consultation.delete', row, snapshot(row), null);
    });
  }

  /** Publishes every answer together with the adoption report (Decidim's "publish answers"), optionally linking the final document. */
  async publishResult(actor: Actor, id: string, input: { summary: string; finalDocumentId?: string | null }): Promise<StaffConsultationView> {
    const summary = plainText(input.summary);
    if (summary.length < 10) throw new ValidationError([custom('summary', '请填写采纳情况说明（至少 10 个字）')]);
    const finalId = input.finalDocumentId ? await this.publishedDocument(input.finalDocumentId) : null;
    await this.uow(actor, async (tx) => {
      const row = await this.requireFor(actor, id, 'consultation.manage', tx.db);
      const next = await this.check(row, 'publish_result', {}, tx.db);
      const at = nowIso();
      await this.repo(tx.db).update(id, { state: next!, result_summary: summary, result_published_at: at, final_document_id: finalId, updated_at: at });
      await this.audit(tx, 'consultation.publish_result', row, { state: row.state }, { state: next, summary, finalDocumentId: finalId });
    });
    return this.get(actor, id);
  }

  /** Links (or changes) the final document once it is published. */
  async linkFinal(actor: Actor, id: string, documentId: string | null): Promise<StaffConsultationView> {
    const finalId = documentId ? await this.publishedDocument(documentId) : null;
    await this.uow(actor, async (tx) => {
      const row = await this.requireFor(actor, id, 'consultation.manage', tx.db);
      await this.check(row, 'link_final');
      await this.repo(tx.db).update(id, { final_document_id: finalId, updated_at: nowIso() });
      await this.audit(tx, 'consultation.link_final', row, { finalDocumentId: row.final_document_id }, { finalDocumentId: finalId });
    });
    return this.get(actor, id);
  }

  /** Consultations past their closing date without a published result, in the actor's organisations (to-do list). */
  async overdueResults(actor: Actor): Promise<(ConsultationSummary & { daysPast: number })[]> {
    const roots = scopeRoots(actor, 'consultation.manage');
    if (roots && roots.length === 0) return [];
    const today = this.today();
    const rows = await this.repo().overdueResults(roots, today);
    const names = await this.orgs.refs([...new Set(rows.map((r) => r.org_id))]);
    return rows.map((r) => ({
      ...presentSummary(this.ctx(), r, names.get(r.org_id)?.name ?? '', 0),
      daysPast: Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.closes_on}T00:00:00Z`)) / 86_400_000),
    }));
  }

  // ---------------------------------------------------------------- helpers

  ctx() {
    return { repo: this.repo(), today: this.today(), calendar: this.calendar(), rules: this.options.periodRules, documents: this.documents };
  }

  private async page(filter: ConsultationFilter, page = 1, pageSize = 20) {
    const size = Math.min(Math.max(pageSize, 1), 100);
    const repo = this.repo();
    const [rows, total] = await Promise.all([repo.list(filter, (page - 1) * size, size), repo.count(filter)]);
    const [names, counts] = await Promise.all([this.orgs.refs([...new Set(rows.map((r) => r.org_id))]), repo.approvedCounts(rows.map((r) => r.id))]);
    const items = rows.map((r) => presentSummary(this.ctx(), r, names.get(r.org_id)?.name ?? '', counts.get(r.id) ?? 0));
    return { items, total, page, pageSize: size };
  }

  private async orgName(row: ConsultationRow): Promise<string> {
    return (await this.orgs.refs([row.org_id])).get(row.org_id)?.name ?? '';
  }

  private async publishedDocument(id: string): Promise<string> {
    try {
      return (await this.documents.getPublic(id)).id;
    } catch {
      throw new ValidationError([custom('finalDocumentId', '最终文件不存在或尚未发布：请先发布最终文件再关联')]);
    }
  }

  private periodProblem(row: Pick<ConsultationRow, 'kind' | 'opens_on' | 'closes_on' | 'shortened_reason'>): string | null {
    return checkPeriod(
      { kind: row.kind as ConsultationKind, opensOn: row.opens_on, closesOn: row.closes_on, shortenedReason: row.shortened_reason },
      this.options.periodRules,
      this.calendar(),
    ).problem;
  }

  /** Checks and cleans the editable fields; all problems at once, with Chinese messages. */
  private checkInput(input: ConsultationInput) {
    const errors: FieldError[] = [];
    const title = plainText(input.title ?? '');
    const draftText = plainText(input.draftText ?? '');
    const explanation = plainText(input.explanation ?? '');
    const contact = plainText(input.contact ?? '');
    if (!(consultationKinds as readonly string[]).includes(input.kind)) errors.push(custom('kind', '请选择草案类别'));
    if (title.length < 2) errors.push(custom('title', '请填写征集标题'));
    if (explanation.length < 10) errors.push(custom('explanation', '请填写起草说明（至少 10 个字）'));
    if (contact.length < 2) errors.push(custom('contact', '请填写联系方式（联系人、电话或邮箱）'));
    const draft = parseDraft(draftText);
    if (draft.articles.length === 0) errors.push(custom('draftText', '草案中没有找到条文：每条应以“第一条”“第二条”等开头并另起一行'));
    for (const issue of draft.issues.slice(0, 5)) errors.push(custom('draftText', issue.message));
    const opensOk = validDate(input.opensOn ?? '');
    const closesOk = validDate(input.closesOn ?? '');
    if (!opensOk) errors.push(custom('opensOn', '不是有效的日期'));
    if (!closesOk) errors.push(custom('closesOn', '不是有效的日期'));
    const channels: Channel[] = (input.channels ?? []).map((c) => ({ kind: plainText(c.kind).slice(0, 20), detail: plainText(c.detail).slice(0, 300) })).filter((c) => c.kind);
    if (channels.length === 0) errors.push(custom('channels', '请至少列出一种提交意见的渠道（网上、信函、电子邮件、传真等）'));
    const fields = {
      kind: input.kind,
      title,
      draft_text: draftText,
      explanation,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      shortened_reason: input.shortenedReason ? plainText(input.shortenedReason) || null : null,
      channels: JSON.stringify(channels),
      contact,
    };
    if (opensOk && closesOk && errors.length === 0) {
      const problem = this.periodProblem(fields);
      if (problem) errors.push(custom('closesOn', problem));
    }
    if (errors.length) throw new ValidationError(errors);
    return fields;
  }

  /** Every change is audited; a change the public may see is announced (the search index follows it). */
  private async audit(tx: Tx, action: string, row: ConsultationRow, before: unknown, after: unknown) {
    await tx.audit({ action, entityType: 'consultation', entityId: row.id, org: { id: row.org_id, path: row.org_path }, before, after });
    if (row.state !== 'draft' || action === 'consultation.publish') await tx.emit({ topic: CONSULTATION_CHANGED, payload: { consultationId: row.id } });
  }
}

function snapshot(row: ConsultationRow) {
  return { title: row.title, kind: row.kind, kindName: kindNames[row.kind as ConsultationKind], opensOn: row.opens_on, closesOn: row.closes_on, state: row.state, channels: parseJson(row.channels, []) };
}

export type { OrgRef };
