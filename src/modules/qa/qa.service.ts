// Policy Q&A (政策问答): public questions (moderated, routed to the department that issued the policy, answered
// within a working-day deadline, published with the answer if the department chooses, the asker notified) and
// knowledge-base entries written by staff, both reviewed before publication. Only `published` is ever public; the
// asker's contact and internal notes never leave the staff API.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork, Tx } from '../../platform/db/unit-of-work.ts';
import { fromBool, newId, nowIso, toBool } from '../../platform/db/ids.ts';
import { anonymousActor, can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors.ts';
import type { WorkingDays } from '../../platform/calendar/types.ts';
import type { Notifier } from '../../platform/notify/index.ts';
import type { OrganisationService } from '../organisations/index.ts';
import type { DocumentService } from '../documents/index.ts';
import type { IndexedRecord } from '../../platform/search/index.ts';
import { QaRepository, type QaFilter, type QaRow } from './qa.repository.ts';
import { qaActions, qaOpenStates, qaStateNames, qaTransition, type QaEventInput, type QaOrigin, type QaRole, type QaState } from './domain/qa-lifecycle.ts';
import { cleanUserText, duplicateKey, normaliseEmail, normalisePhone } from './domain/user-text.ts';

export const QA_CHANGED = 'qa.changed';
export const qaAudiences = ['all', 'citizen', 'enterprise'] as const;
export type QaAudience = (typeof qaAudiences)[number];
export const audienceNames: Record<QaAudience, string> = { all: '公众和企业', citizen: '公众', enterprise: '企业' };

export const QA_LIMITS = { title: 100, question: 2000, answer: 10_000, name: 50, links: 10, duplicateDays: 30 } as const;

export type QaOptions = { answerDays: number; today: () => string };
export type PublicMeta = { ip: string | null; requestId?: string | null };

export type AskInput = { title?: string; question: string; documentId?: string; orgId?: string; topic?: string; audience?: string; name?: string; phone?: string; email?: string };
export type EntryInput = { orgId: string; title: string; question: string; answer?: string; topic?: string; audience?: string; documentIds?: string[] };
export type EntryPatch = Partial<Omit<EntryInput, 'orgId'>>;

export type QaDocRef = { id: string; title: string; slug: string };
export type PublicQa = {
  id: string; title: string; question: string; answer: string; topic: string | null; audience: QaAudience; audienceName: string;
  orgId: string; orgName: string; publishedAt: string; answeredOn: string | null; documents: QaDocRef[]; url: string;
};
export type StaffQa = Omit<PublicQa, 'answer' | 'publishedAt' | 'url'> & {
  answer: string | null; origin: QaOrigin; state: QaState; stateName: string; receivedOn: string; dueOn: string | null; publishWanted: boolean;
  publishedAt: string | null; internalNote: string | null; createdAt: string; updatedAt: string; actions: string[];
  /** Only for staff who may answer or moderate it. */
  asker: { name: string | null; phone: string | null; email: string | null } | null;
};
export type AskReceipt = { id: string; orgName: string; receivedOn: string; dueOn: string };

const custom = (path: string, zh: string): FieldError => ({ path, code: 'custom', params: { zh, en: zh } });
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const refused = (zh: string) => new ConflictError('TRANSITION_REFUSED', { reason: { zh, en: zh } });

export class QaService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly documents: DocumentService,
    private readonly calendar: WorkingDays,
    private readonly notifier: Notifier,
    private readonly options: QaOptions,
  ) {}

  setToday(today: () => string): void {
    this.options.today = today;
  }
  private repo(db: Kysely<DB> = this.db) {
    return new QaRepository(db);
  }

  // ================================================================== public

  /** A question asked on the portal: checked, routed, deadline set; waits for moderation (never public before). */
  async ask(input: AskInput, meta: PublicMeta): Promise<AskReceipt> {
    const errors: FieldError[] = [];
    const question = cleanUserText(input?.question);
    if (!question) errors.push(custom('question', '请填写您的问题'));
    else if (question.length > QA_LIMITS.question) errors.push(custom('question', `问题不能超过 ${QA_LIMITS.question} 字（现有 ${question.length} 字）`));
    const title = cleanUserText(input?.title).replace(/\n/g, ' ') || question.replace(/\s+/g, ' ').slice(0, 40);
    if (title.length > QA_LIMITS.title) errors.push(custom('title', `标题不能超过 ${QA_LIMITS.title} 字`));
    const name = cleanUserText(input?.name).slice(0, QA_LIMITS.name + 1);
    if (name.length > QA_LIMITS.name) errors.push(custom('name', `姓名不能超过 ${QA_LIMITS.name} 字`));
    const phone = str(input?.phone).trim() ? normalisePhone(str(input.phone)) : null;
    if (str(input?.phone).trim() && !phone) errors.push(custom('phone', '手机号码格式不正确（11 位手机号）'));
    const email = str(input?.email).trim() ? normaliseEmail(str(input.email)) : null;
    if (str(input?.email).trim() && !email) errors.push(custom('email', '电子邮箱格式不正确'));
    const audience = this.audienceOf(input?.audience, errors);
    const route = await this.routeOf(input, errors);
    if (errors.length) throw new ValidationError(errors);
    const { org, documentIds } = route!;

    const key = duplicateKey(org.id, question);
    const since = new Date(Date.now() - QA_LIMITS.duplicateDays * 86_400_000).toISOString();
    const today = this.options.today();
    const dueOn = this.calendar.addWorkingDays(today, this.options.answerDays).date;
    const actor = { ...anonymousActor(meta.ip, meta.requestId ?? null), userName: '提问人（网上）' };
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const dup = await repo.findDuplicate(key, since);
      if (dup) throw new AppError('DUPLICATE_SUBMISSION', 409, { when: dup.received_on });
      const now = nowIso();
      const id = newId();
      await repo.insert({
        id, org_id: org.id, org_path: org.path, origin: 'public', state: 'pending', title, question, answer: null, topic: cleanUserText(input?.topic).slice(0, 40) || null,
        audience, dedupe_key: key, received_on: today, due_on: dueOn, publish_wanted: 0, answered_on: null, answered_by: null, published_at: null, internal_note: null,
        created_at: now, updated_at: now,
      });
      await repo.setLinks(id, documentIds);
      if (name || phone || email) await repo.insertAsker({ qa_id: id, name: name || null, phone, email });
      // No personal data in the audit trail.
      await tx.audit({ action: 'qa.ask', entityType: 'qa_item', entityId: id, org: { id: org.id, path: org.path }, after: { state: 'pending', dueOn, documentIds, withContact: Boolean(phone || email) } });
      return { id, orgName: org.name, receivedOn: today, dueOn };
    });
  }

  async publicList(query: { q?: string; topic?: string; audience?: string; orgId?: string; documentId?: string; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    const org = query.orgId ? (await this.orgs.refs([query.orgId])).get(query.orgId) : undefined;
    if (query.orgId && !org) return { items: [] as PublicQa[], total: 0, page, pageSize };
    const filter: QaFilter = { roots: null, orgPath: org?.path, states: ['published'], topic: query.topic, audience: query.audience, documentId: query.documentId, q: query.q?.trim() || undefined };
    const repo = this.repo();
    const [rows, total] = await Promise.all([repo.list(filter, (page - 1) * pageSize, pageSize, 'published'), repo.count(filter)]);
    return { items: await this.presentPublic(rows), total, page, pageSize };
  }

  async publicGet(id: string): Promise<PublicQa> {
    const row = await this.repo().find(id);
    if (!row || row.state !== 'published') throw new NotFoundError();
    return (await this.presentPublic([row]))[0]!;
  }

  /** 相关问答 on a policy's page: the published Q&As linked to it, newest first. */
  async publishedForDocument(documentId: string, limit = 10): Promise<PublicQa[]> {
    return (await this.publicList({ documentId, pageSize: limit })).items;
  }

  // ================================================================== staff

  /** A knowledge-base entry written by staff: starts as a draft and is reviewed before publication. */
  async create(actor: Actor, input: EntryInput): Promise<StaffQa> {
    const org = typeof input?.orgId === 'string' ? (await this.orgs.refs([input.orgId])).get(input.orgId) : undefined;
    if (!org || !can(actor, 'qa.answer', org.path)) throw ValidationError.field('orgId', 'unknownOrg');
    const errors: FieldError[] = [];
    const fields = await this.entryFields(input, errors, true);
    if (errors.length) throw new ValidationError(errors);
    const id = await this.uow(actor, async (tx) => {
      const now = nowIso();
      const id = newId();
      const today = this.options.today();
      await this.repo(tx.db).insert({
        id, org_id: org.id, org_path: org.path, origin: 'staff', state: 'draft', title: fields.title!, question: fields.question!, answer: fields.answer ?? null,
        topic: fields.topic ?? null, audience: fields.audience ?? 'all', dedupe_key: duplicateKey(org.id, fields.question!), received_on: today, due_on: null,
        publish_wanted: 1, answered_on: fields.answer ? today : null, answered_by: fields.answer ? actor.userName : null, published_at: null, internal_note: null, created_at: now, updated_at: now,
      });
      await this.repo(tx.db).setLinks(id, fields.documentIds ?? []);
      await tx.audit({ action: 'qa.create', entityType: 'qa_item', entityId: id, org: { id: org.id, path: org.path }, after: { title: fields.title, documentIds: fields.documentIds ?? [] } });
      return id;
    });
    return this.get(actor, id);
  }

  /** Edits the wording, answer, topic, audience or linked policies while the Q&A is not public. */
  async update(actor: Actor, id: string, patch: EntryPatch): Promise<StaffQa> {
    const row = await this.readable(actor, id);
    const editable: QaState[] = ['assigned', 'answered', 'draft', 'in_review'];
    if (!editable.includes(row.state as QaState)) throw refused(`“${qaStateNames[row.state as QaState]}”状态下不能修改，请先撤下或处理。`);
    const perm = row.state === 'in_review' ? 'qa.manage' : 'qa.answer';
    if (!can(actor, perm, row.org_path)) throw refused(row.state === 'in_review' ? '待发布审核的问答只能由审核人修改。' : '您没有修改本部门问答的权限。');
    const errors: FieldError[] = [];
    const fields = await this.entryFields(patch ?? {}, errors, false);
    if (errors.length) throw new ValidationError(errors);
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const ok = await repo.update(id, row.updated_at, {
        ...(fields.title !== undefined && { title: fields.title }),
        ...(fields.question !== undefined && { question: fields.question }),
        ...(fields.answer !== undefined && { answer: fields.answer || null }),
        ...(fields.topic !== undefined && { topic: fields.topic || null }),
        ...(fields.audience !== undefined && { audience: fields.audience }),
        updated_at: nowIso(),
      });
      if (!ok) throw new ConflictError('EDIT_CONFLICT');
      if (fields.documentIds) await repo.setLinks(id, fields.documentIds);
      await tx.audit({ action: 'qa.update', entityType: 'qa_item', entityId: id, org: { id: row.org_id, path: row.org_path }, before: { title: row.title, state: row.state }, after: { fields: Object.keys(fields) } });
    });
    return this.get(actor, id);
  }

  /** Moderation, routing, answer, review and publication: one event through the transition table. */
  async act(actor: Actor, id: string, input: QaEventInput): Promise<StaffQa> {
    const row = await this.readable(actor, id);
    const roles = this.rolesOn(actor, row.org_path);
    const answer = input.answer !== undefined ? cleanUserText(input.answer) : undefined;
    if (answer && answer.length > QA_LIMITS.answer) throw new ValidationError([custom('answer', `答复不能超过 ${QA_LIMITS.answer} 字`)]);
    const reason = input.reason !== undefined ? cleanUserText(input.reason).slice(0, 500) : undefined;
    const event = { ...input, answer, reason };
    let target: { id: string; path: string; name: string } | undefined;
    if (event.type === 'reroute' && event.toOrgId) {
      target = (await this.orgs.refs([event.toOrgId])).get(event.toOrgId);
      if (!target || !can(actor, 'qa.moderate', target.path)) throw ValidationError.field('toOrgId', 'unknownOrg');
    }
    const result = qaTransition(row.state as QaState, event, { roles, origin: row.origin as QaOrigin, hasAnswer: Boolean(row.answer), orgId: row.org_id });
    if (!result.ok) throw refused(result.reason.zh);
    const next = result.next;
    // Read outside the transaction: on SQLite a read on the pool while the transaction holds the connection waits forever.
    const orgName = (await this.orgs.refs([row.org_id])).get(row.org_id)?.name ?? '承办部门';
    await this.uow(actor, async (tx) => {
      const now = nowIso();
      const today = this.options.today();
      const patch: Parameters<QaRepository['update']>[2] = { state: next, updated_at: now };
      if (event.type === 'answer') Object.assign(patch, { answer, answered_on: today, answered_by: actor.userName, publish_wanted: fromBool(Boolean(event.publish)) });
      if (event.type === 'reject' || event.type === 'return' || event.type === 'unpublish') patch.internal_note = reason ?? null;
      if (event.type === 'reroute' && target) Object.assign(patch, { org_id: target.id, org_path: target.path });
      if (next === 'published') patch.published_at = now;
      if (!(await this.repo(tx.db).update(id, row.updated_at, patch))) throw new ConflictError('EDIT_CONFLICT');
      await tx.audit({
        action: `qa.${event.type}`, entityType: 'qa_item', entityId: id, org: { id: row.org_id, path: row.org_path },
        before: { state: row.state, orgId: row.org_id }, after: { state: next, ...(target && { orgId: target.id }), ...(reason && { reason }), ...(event.type === 'answer' && { publish: Boolean(event.publish) }) },
      });
      if (next === 'published' || row.state === 'published') await tx.emit({ topic: QA_CHANGED, payload: { qaId: id } });
      if (event.type === 'answer') await this.notifyAsker(tx, row, orgName, answer!);
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<StaffQa> {
    const row = await this.readable(actor, id);
    const [view] = await this.presentStaff(actor, [row], true);
    return view!;
  }

  async list(actor: Actor, query: { state?: string; origin?: string; orgId?: string; q?: string; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    const org = query.orgId ? (await this.orgs.refs([query.orgId])).get(query.orgId) : undefined;
    const filter: QaFilter = { roots: scopeRoots(actor, 'qa.read'), orgPath: org?.path, states: query.state ? [query.state] : undefined, origin: query.origin, q: query.q?.trim() || undefined };
    if (query.orgId && !org) filter.roots = [];
    const repo = this.repo();
    const [rows, total] = await Promise.all([repo.list(filter, (page - 1) * pageSize, pageSize), repo.count(filter)]);
    return { items: await this.presentStaff(actor, rows, false), total, page, pageSize };
  }

  /** Open public questions due within `noticeDays` calendar days (or overdue), for the to-do list. */
  async dueQuestions(actor: Actor, today: string, noticeDays = 3): Promise<(QaRow & { orgName: string })[]> {
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + noticeDays * 86_400_000).toISOString().slice(0, 10);
    const rows = (await this.repo().due(scopeRoots(actor, 'qa.read'), qaOpenStates, until)).filter((r) => can(actor, r.state === 'pending' ? 'qa.moderate' : 'qa.answer', r.org_path));
    const names = await this.orgs.refs([...new Set(rows.map((r) => r.org_id))]);
    return rows.map((r) => ({ ...r, orgName: names.get(r.org_id)?.name ?? '' }));
  }

  /** The Q&A as search indexes it (kind 'qa', facet 问答), or null when it is not public. */
  async indexable(id: string): Promise<IndexedRecord | null> {
    const row = await this.repo().find(id);
    if (!row || row.state !== 'published') return null;
    const item = (await this.presentPublic([row]))[0]!;
    return {
      id: item.id,
      orgId: item.orgId,
      orgPath: row.org_path,
      title: item.title,
      body: `问：${item.question}\n答：${item.answer}`,
      docNo: null,
      indexNo: null,
      topic: null,
      genre: null,
      year: Number(item.publishedAt.slice(0, 4)),
      validity: null,
      publishedAt: item.publishedAt,
      url: item.url,
      kind: 'qa',
    };
  }
  async publicIds(): Promise<string[]> {
    return (await this.repo().list({ roots: null, states: ['published'] }, 0, 100_000)).map((r) => r.id);
  }

  // ================================================================== helpers

  private async readable(actor: Actor, id: string): Promise<QaRow> {
    const row = typeof id === 'string' && id.length <= 64 ? await this.repo().find(id) : undefined;
    if (!row || !can(actor, 'qa.read', row.org_path)) throw new NotFoundError();
    return row;
  }

  private rolesOn(actor: Actor, path: string): QaRole[] {
    if (actor.kind === 'system') return ['system'];
    const roles: QaRole[] = [];
    if (can(actor, 'qa.moderate', path)) roles.push('moderator');
    if (can(actor, 'qa.answer', path)) roles.push('answerer');
    if (can(actor, 'qa.manage', path)) roles.push('manager');
    return roles;
  }

  private audienceOf(raw: unknown, errors: FieldError[]): QaAudience {
    if (raw === undefined || raw === null || raw === '') return 'all';
    if ((qaAudiences as readonly unknown[]).includes(raw)) return raw as QaAudience;
    errors.push({ path: 'audience', code: 'enum', params: { values: qaAudiences.join(', ') } });
    return 'all';
  }

  /** The department: the issuing organisation of the linked (published) policy, else the one the asker chose. */
  private async routeOf(input: AskInput, errors: FieldError[]) {
    if (input?.documentId) {
      const doc = await this.publicDocument(str(input.documentId));
      if (!doc) {
        errors.push(custom('documentId', '所选政策文件不存在或未公开'));
        return null;
      }
      const org = (await this.orgs.refs([doc.organisationId])).get(doc.organisationId);
      return org ? { org, documentIds: [doc.id] } : null;
    }
    const org = input?.orgId ? (await this.orgs.refs([str(input.orgId)])).get(str(input.orgId)) : undefined;
    if (!org) {
      errors.push(custom('orgId', '请选择要咨询的部门，或从政策文件页面提问'));
      return null;
    }
    return { org, documentIds: [] as string[] };
  }

  private async publicDocument(id: string) {
    if (!id || id.length > 64) return null;
    return this.documents.getPublic(id).catch(() => null);
  }

  private async entryFields(input: EntryPatch, errors: FieldError[], required: boolean) {
    const out: { title?: string; question?: string; answer?: string; topic?: string; audience?: QaAudience; documentIds?: string[] } = {};
    const text = (key: 'title' | 'question' | 'answer', max: number, label: string) => {
      if (input[key] === undefined) {
        if (required && key !== 'answer') errors.push(custom(key, `请填写${label}`));
        return;
      }
      const v = cleanUserText(input[key]);
      if (key !== 'answer' && !v) errors.push(custom(key, `请填写${label}`));
      else if (v.length > max) errors.push(custom(key, `${label}不能超过 ${max} 字`));
      else out[key] = key === 'title' ? v.replace(/\n/g, ' ') : v;
    };
    text('title', QA_LIMITS.title, '标题');
    text('question', QA_LIMITS.question, '问题');
    text('answer', QA_LIMITS.answer, '答复');
    if (input.topic !== undefined) out.topic = cleanUserText(input.topic).slice(0, 40);
    if (input.audience !== undefined) out.audience = this.audienceOf(input.audience, errors);
    if (input.documentIds !== undefined) {
      const ids = [...new Set(Array.isArray(input.documentIds) ? input.documentIds : [])];
      if (ids.length > QA_LIMITS.links) errors.push(custom('documentIds', `最多关联 ${QA_LIMITS.links} 个政策文件`));
      const docs = await Promise.all(ids.map((d) => this.publicDocument(str(d))));
      if (docs.some((d) => !d)) errors.push(custom('documentIds', '关联的政策文件不存在或未公开'));
      out.documentIds = docs.filter((d) => d).map((d) => d!.id);
    }
    return out;
  }

  private async notifyAsker(tx: Tx, row: QaRow, orgName: string, answer: string): Promise<void> {
    const asker = await this.repo(tx.db).asker(row.id);
    if (!asker?.phone && !asker?.email) return;
    const body = `您于 ${row.received_on} 提出的政策问题“${row.title}”已由${orgName}答复：${answer.length > 300 ? `${answer.slice(0, 300)}…` : answer}`;
    for (const [channel, to] of [['sms', asker.phone], ['email', asker.email]] as const) {
      if (to) await this.notifier.queue(tx.db, { channel, to, subject: channel === 'email' ? '政策问答答复' : null, body, purpose: 'qa.answer', ref: row.id, scrub: true });
    }
  }

  private async docRefs(rows: QaRow[]): Promise<Map<string, QaDocRef[]>> {
    const out = new Map<string, QaDocRef[]>();
    for (const r of rows) {
      const ids = await this.repo().links(r.id);
      const docs = await Promise.all(ids.map((d) => this.publicDocument(d)));
      out.set(r.id, docs.filter((d) => d).map((d) => ({ id: d!.id, title: d!.edition.title, slug: d!.slug })));
    }
    return out;
  }

  private async presentPublic(rows: QaRow[]): Promise<PublicQa[]> {
    const [names, docs] = await Promise.all([this.orgs.refs([...new Set(rows.map((r) => r.org_id))]), this.docRefs(rows)]);
    return rows.map((r) => ({
      id: r.id, title: r.title, question: r.question, answer: r.answer ?? '', topic: r.topic, audience: r.audience as QaAudience, audienceName: audienceNames[r.audience as QaAudience] ?? '',
      orgId: r.org_id, orgName: names.get(r.org_id)?.name ?? '', publishedAt: r.published_at ?? r.updated_at, answeredOn: r.answered_on, documents: docs.get(r.id) ?? [], url: `/qa/${r.id}`,
    }));
  }

  private async presentStaff(actor: Actor, rows: QaRow[], withAsker: boolean): Promise<StaffQa[]> {
    const [names, docs] = await Promise.all([this.orgs.refs([...new Set(rows.map((r) => r.org_id))]), this.docRefs(rows)]);
    const out: StaffQa[] = [];
    for (const r of rows) {
      const mayContact = withAsker && (can(actor, 'qa.answer', r.org_path) || can(actor, 'qa.moderate', r.org_path));
      const asker = mayContact ? await this.repo().asker(r.id) : undefined;
      out.push({
        id: r.id, title: r.title, question: r.question, answer: r.answer, topic: r.topic, audience: r.audience as QaAudience, audienceName: audienceNames[r.audience as QaAudience] ?? '',
        orgId: r.org_id, orgName: names.get(r.org_id)?.name ?? '', answeredOn: r.answered_on, documents: docs.get(r.id) ?? [],
        origin: r.origin as QaOrigin, state: r.state as QaState, stateName: qaStateNames[r.state as QaState], receivedOn: r.received_on, dueOn: r.due_on,
        publishWanted: toBool(r.publish_wanted), publishedAt: r.published_at, internalNote: r.internal_note, createdAt: r.created_at, updatedAt: r.updated_at,
        actions: qaActions(r.state as QaState, this.rolesOn(actor, r.org_path)),
        asker: asker ? { name: asker.name, phone: asker.phone, email: asker.email } : null,
      });
    }
    return out;
  }
}
