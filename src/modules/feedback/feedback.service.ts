// Business-environment feedback (营商环境"不满意"线索): enterprises report a problem on a public form (category,
// department concerned, description, optional contact); the department replies within a configurable number of
// working days; monthly statistics by department and category are public and hold counts only.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { anonymousActor, can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors.ts';
import type { WorkingDays } from '../../platform/calendar/types.ts';
import type { Notifier } from '../../platform/notify/index.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { cleanUserText, duplicateKey, normaliseEmail, normalisePhone } from '../qa/index.ts';
import { FeedbackRepository, type CaseFilter, type CaseRow } from './feedback.repository.ts';
import { feedbackStateNames, feedbackTransition, isMonth, monthlyStatistics, trackingNumber, type FeedbackState } from './domain/feedback.ts';

export type FeedbackOptions = { replyDays: number; categories: string[]; today: () => string };
export type FeedbackInput = { category?: string; orgId?: string; description?: string; name?: string; company?: string; phone?: string; email?: string };
export type FeedbackReceipt = { trackingNo: string; orgName: string; receivedOn: string; dueOn: string };
export type FeedbackView = {
  id: string; trackingNo: string; orgId: string; orgName: string; category: string; description: string; state: FeedbackState; stateName: string; receivedOn: string; dueOn: string;
  overdue: boolean; reply: string | null; repliedOn: string | null; canHandle: boolean;
  contact: { name: string | null; company: string | null; phone: string | null; email: string | null } | null;
};
export type PublicStats = { month: string; months: string[]; rows: { orgId: string; orgName: string; category: string; received: number; replied: number; onTime: number }[]; totals: { received: number; replied: number; onTime: number } };

export const FEEDBACK_LIMITS = { description: 2000, reply: 5000, name: 50, company: 100, duplicateDays: 30 } as const;
const custom = (path: string, zh: string): FieldError => ({ path, code: 'custom', params: { zh, en: zh } });
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const refused = (zh: string) => new ConflictError('TRANSITION_REFUSED', { reason: { zh, en: zh } });

export class FeedbackService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly calendar: WorkingDays,
    private readonly notifier: Notifier,
    private readonly options: FeedbackOptions,
  ) {}

  setToday(today: () => string): void {
    this.options.today = today;
  }
  categories(): string[] {
    return this.options.categories;
  }
  private repo(db: Kysely<DB> = this.db) {
    return new FeedbackRepository(db);
  }

  async submit(input: FeedbackInput, meta: { ip: string | null; requestId?: string | null }): Promise<FeedbackReceipt> {
    const errors: FieldError[] = [];
    const category = str(input?.category).trim();
    if (!this.options.categories.includes(category)) errors.push(custom('category', '请选择问题类别'));
    const org = input?.orgId ? (await this.orgs.refs([str(input.orgId)])).get(str(input.orgId)) : undefined;
    if (!org) errors.push(custom('orgId', '请选择涉及的部门'));
    const description = cleanUserText(input?.description);
    if (!description) errors.push(custom('description', '请描述遇到的问题'));
    else if (description.length > FEEDBACK_LIMITS.description) errors.push(custom('description', `问题描述不能超过 ${FEEDBACK_LIMITS.description} 字（现有 ${description.length} 字）`));
    const name = cleanUserText(input?.name);
    if (name.length > FEEDBACK_LIMITS.name) errors.push(custom('name', `联系人不能超过 ${FEEDBACK_LIMITS.name} 字`));
    const company = cleanUserText(input?.company);
    if (company.length > FEEDBACK_LIMITS.company) errors.push(custom('company', `企业名称不能超过 ${FEEDBACK_LIMITS.company} 字`));
    const phone = str(input?.phone).trim() ? normalisePhone(str(input.phone)) : null;
    if (str(input?.phone).trim() && !phone) errors.push(custom('phone', '手机号码格式不正确（11 位手机号）'));
    const email = str(input?.email).trim() ? normaliseEmail(str(input.email)) : null;
    if (str(input?.email).trim() && !email) errors.push(custom('email', '电子邮箱格式不正确'));
    if (errors.length) throw new ValidationError(errors);

    const key = duplicateKey(org!.id, category, description);
    const since = new Date(Date.now() - FEEDBACK_LIMITS.duplicateDays * 86_400_000).toISOString();
    const today = this.options.today();
    const dueOn = this.calendar.addWorkingDays(today, this.options.replyDays).date;
    const actor = { ...anonymousActor(meta.ip, meta.requestId ?? null), userName: '企业（网上）' };
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const dup = await repo.findDuplicate(key, since);
      if (dup) throw new AppError('DUPLICATE_SUBMISSION', 409, { when: dup.received_on });
      const id = newId();
      const now = nowIso();
      const trackingNo = trackingNumber(today);
      await repo.insert({
        id, org_id: org!.id, org_path: org!.path, tracking_no: trackingNo, category, description, dedupe_key: key, state: 'received', received_on: today, month: today.slice(0, 7),
        due_on: dueOn, reply: null, replied_on: null, replied_by: null, created_at: now, updated_at: now,
      });
      if (name || company || phone || email) await repo.insertContact({ case_id: id, name: name || null, company: company || null, phone, email });
      await tx.audit({ action: 'feedback.submit', entityType: 'feedback_case', entityId: id, org: { id: org!.id, path: org!.path }, after: { trackingNo, category, dueOn, withContact: Boolean(phone || email) } });
      return { trackingNo, orgName: org!.name, receivedOn: today, dueOn };
    });
  }

  /** Monthly statistics by department and category: counts only, published on the portal. */
  async statistics(month?: string): Promise<PublicStats> {
    const repo = this.repo();
    const months = await repo.months();
    const m = isMonth(month) ? month : (months[0] ?? this.options.today().slice(0, 7));
    const rows = monthlyStatistics((await repo.monthFacts(m)).map((f) => ({ orgId: f.org_id, category: f.category, state: f.state, dueOn: f.due_on, repliedOn: f.replied_on })));
    const names = await this.orgs.refs([...new Set(rows.map((r) => r.orgId))]);
    const named = rows.map((r) => ({ ...r, orgName: names.get(r.orgId)?.name ?? '' })).sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh') || a.category.localeCompare(b.category, 'zh'));
    const totals = rows.reduce((t, r) => ({ received: t.received + r.received, replied: t.replied + r.replied, onTime: t.onTime + r.onTime }), { received: 0, replied: 0, onTime: 0 });
    return { month: m, months, rows: named, totals };
  }

  async list(actor: Actor, query: { orgId?: string; state?: string; category?: string; q?: string; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    const org = query.orgId ? (await this.orgs.refs([query.orgId])).get(query.orgId) : undefined;
    const filter: CaseFilter = { roots: query.orgId && !org ? [] : scopeRoots(actor, 'feedback.read'), orgPath: org?.path, state: query.state, category: query.category, q: query.q?.trim() || undefined };
    const repo = this.repo();
    const [rows, total] = await Promise.all([repo.list(filter, (page - 1) * pageSize, pageSize), repo.count(filter)]);
    return { items: await this.present(actor, rows), total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<FeedbackView> {
    return (await this.present(actor, [await this.readable(actor, id)]))[0]!;
  }

  async reply(actor: Actor, id: string, text: string): Promise<FeedbackView> {
    const row = await this.readable(actor, id);
    const t = feedbackTransition(row.state as FeedbackState, 'reply', can(actor, 'feedback.handle', row.org_path));
    if (!t.ok) throw refused(t.reason);
    const reply = cleanUserText(text);
    if (!reply) throw new ValidationError([custom('reply', '请填写答复内容')]);
    if (reply.length > FEEDBACK_LIMITS.reply) throw new ValidationError([custom('reply', `答复不能超过 ${FEEDBACK_LIMITS.reply} 字`)]);
    const orgName = (await this.orgs.refs([row.org_id])).get(row.org_id)?.name ?? '承办部门';
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const today = this.options.today();
      if (!(await repo.update(id, row.updated_at, { state: t.next, reply, replied_on: today, replied_by: actor.userName, updated_at: nowIso() }))) throw new ConflictError('EDIT_CONFLICT');
      await tx.audit({ action: 'feedback.reply', entityType: 'feedback_case', entityId: id, org: { id: row.org_id, path: row.org_path }, before: { state: row.state }, after: { state: t.next, repliedOn: today, onTime: today <= row.due_on } });
      const contact = await repo.contact(id);
      const body = `您反映的营商环境问题（编号 ${row.tracking_no}）已由${orgName}答复：${reply.length > 300 ? `${reply.slice(0, 300)}…` : reply}`;
      for (const [channel, to] of [['sms', contact?.phone], ['email', contact?.email]] as const) {
        if (to) await this.notifier.queue(tx.db, { channel, to, subject: channel === 'email' ? '营商环境问题答复' : null, body, purpose: 'feedback.reply', ref: id, scrub: true });
      }
    });
    return this.get(actor, id);
  }

  async reroute(actor: Actor, id: string, toOrgId: string): Promise<FeedbackView> {
    const row = await this.readable(actor, id);
    const t = feedbackTransition(row.state as FeedbackState, 'reroute', can(actor, 'feedback.handle', row.org_path));
    if (!t.ok) throw refused(t.reason);
    const target = (await this.orgs.refs([toOrgId])).get(toOrgId);
    if (!target || !can(actor, 'feedback.handle', target.path)) throw ValidationError.field('toOrgId', 'unknownOrg');
    if (target.id === row.org_id) throw refused('已由该部门办理。');
    await this.uow(actor, async (tx) => {
      if (!(await this.repo(tx.db).update(id, row.updated_at, { org_id: target.id, org_path: target.path, updated_at: nowIso() }))) throw new ConflictError('EDIT_CONFLICT');
      await tx.audit({ action: 'feedback.reroute', entityType: 'feedback_case', entityId: id, org: { id: row.org_id, path: row.org_path }, before: { orgId: row.org_id }, after: { orgId: target.id } });
    });
    return this.get(actor, id);
  }

  async dueCases(actor: Actor, today: string, noticeDays = 3): Promise<(CaseRow & { orgName: string })[]> {
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + noticeDays * 86_400_000).toISOString().slice(0, 10);
    const rows = (await this.repo().due(scopeRoots(actor, 'feedback.handle'), until)).filter((r) => can(actor, 'feedback.handle', r.org_path));
    const names = await this.orgs.refs([...new Set(rows.map((r) => r.org_id))]);
    return rows.map((r) => ({ ...r, orgName: names.get(r.org_id)?.name ?? '' }));
  }

  private async readable(actor: Actor, id: string): Promise<CaseRow> {
    const row = typeof id === 'string' && id.length <= 64 ? await this.repo().find(id) : undefined;
    if (!row || !can(actor, 'feedback.read', row.org_path)) throw new NotFoundError();
    return row;
  }

  private async present(actor: Actor, rows: CaseRow[]): Promise<FeedbackView[]> {
    const names = await this.orgs.refs([...new Set(rows.map((r) => r.org_id))]);
    const today = this.options.today();
    return Promise.all(
      rows.map(async (r) => {
        const canHandle = can(actor, 'feedback.handle', r.org_path);
        const c = canHandle ? await this.repo().contact(r.id) : undefined;
        return {
          id: r.id, trackingNo: r.tracking_no, orgId: r.org_id, orgName: names.get(r.org_id)?.name ?? '', category: r.category, description: r.description,
          state: r.state as FeedbackState, stateName: feedbackStateNames[r.state as FeedbackState], receivedOn: r.received_on, dueOn: r.due_on,
          overdue: r.state === 'received' ? r.due_on < today : (r.replied_on ?? '') > r.due_on, reply: r.reply, repliedOn: r.replied_on, canHandle,
          contact: c ? { name: c.name, company: c.company, phone: c.phone, email: c.email } : null,
        };
      }),
    );
  }
}
