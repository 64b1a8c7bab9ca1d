// Comments on a consultation: from the public (verified phone or e-mail when configured, duplicate detection by
// normalised text), entered by staff from letters, e-mails and meetings, moderated before anyone sees them, and
// answered (采纳 / 部分采纳 / 不予采纳 with a reason) once the consultation has closed.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { anonymousActor, can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, ValidationError, type FieldError } from '../../platform/errors.ts';
import { normaliseAddress, type Verification } from '../../platform/notify/index.ts';
import type { ConsultationService } from './consultations.service.ts';
import type { CommentRow, CommenterRow } from './consultations.repository.ts';
import { anchorExists, parseDraft } from './domain/articles.ts';
import { COMMENT_MAX, normaliseForDuplicates, plainText } from './domain/text.ts';
import { presentComment, presentStaffComment } from './consultations.presenter.ts';
import { commentChannels, decisions, type Decision, type PublicComment, type PublicCommentInput, type StaffComment, type StaffCommentInput } from './consultations.dto.ts';

export const VERIFY_PURPOSE = 'consultation.comment';
const custom = (path: string, zh: string): FieldError => ({ path, code: 'custom', params: { zh, en: zh } });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type CommentOptions = { verify: 'required' | 'none' };

export class CommentService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly consultations: ConsultationService,
    private readonly verification: Verification,
    private readonly options: CommentOptions,
  ) {}

  get verifyRequired(): boolean {
    return this.options.verify === 'required';
  }

  /** Sends a code to the commenter's phone or e-mail (only while the consultation is open). */
  async issueCode(id: string, channel: 'sms' | 'email', address: string): Promise<{ to: string; expiresAt: string }> {
    const row = await this.consultations.requirePublic(id);
    await this.consultations.check(row, 'comment');
    const issued = await this.verification.issue(channel, address, VERIFY_PURPOSE, (code) => `您正在对“${row.title.slice(0, 30)}”提交意见，验证码 ${code}，10 分钟内有效。`);
    return { to: channel === 'sms' ? `${issued.to.slice(0, 3)}****${issued.to.slice(-4)}` : issued.to.replace(/^(.).*(@.*)$/, '$1***$2'), expiresAt: issued.expiresAt };
  }

  /** A comment from the public; it waits for moderation and is never shown before. */
  async submit(id: string, input: PublicCommentInput, meta: { ip: string | null; requestId?: string | null }): Promise<{ id: string; status: 'pending' }> {
    const row = await this.consultations.requirePublic(id);
    const body = this.checkBody(input.text, input.anchor ?? null, row.draft_text);
    const name = input.name ? plainText(input.name).slice(0, 50) || null : null;
    const errors: FieldError[] = [];
    let contact: { phone: string | null; email: string | null } = { phone: null, email: null };
    if (input.address) {
      const channel = input.channel === 'email' ? 'email' : 'sms';
      const normal = normaliseAddress(channel, input.address);
      if (!normal) errors.push({ path: 'address', code: channel === 'sms' ? 'mobile' : 'email' });
      else contact = channel === 'sms' ? { phone: normal, email: null } : { phone: null, email: normal };
    } else if (this.verifyRequired) errors.push(custom('address', '请填写手机号码或电子邮箱并获取验证码'));
    if (this.verifyRequired && !input.code) errors.push(custom('code', '请填写验证码'));
    if (errors.length) throw new ValidationError(errors);
    const dupKey = sha256(normaliseForDuplicates(body.text));
    const actor = { ...anonymousActor(meta.ip, meta.requestId ?? null), userName: '公众' };
    const commentId = newId();
    const verified = await this.uow(actor, async (tx) => {
      const current = (await this.consultations.repo(tx.db).find(id))!;
      await this.consultations.check(current, 'comment');
      if (await this.consultations.repo(tx.db).hasDuplicate(id, dupKey)) throw new ConflictError('COMMENT_DUPLICATE');
      // A wrong code commits only its counted attempt (so guessing stays limited), nothing else.
      if (this.verifyRequired && !(await this.verification.consume(input.channel === 'email' ? 'email' : 'sms', input.address!, VERIFY_PURPOSE, input.code!, tx.db))) return false;
      const comment = this.row(commentId, id, body, dupKey, 'online', this.consultations.today());
      const commenter: CommenterRow | null = name || contact.phone || contact.email ? { comment_id: commentId, name, ...contact, verified: this.verifyRequired ? 1 : 0 } : null;
      await this.consultations.repo(tx.db).insertComment(comment, commenter);
      // The audit row keeps neither the text's author nor the contact: only that a comment arrived.
      await tx.audit({ action: 'consultation.comment.submit', entityType: 'consultation_comment', entityId: commentId, org: { id: row.org_id, path: row.org_path }, after: { consultationId: id, anchor: comment.anchor, length: body.text.length } });
      return true;
    });
    if (!verified) throw new AppError('COMMENT_VERIFICATION_FAILED', 400);
    return { id: commentId, status: 'pending' };
  }

  /** A comment received by letter, e-mail, fax or at a meeting, typed in by staff; moderated like any other. */
  async enter(actor: Actor, id: string, input: StaffCommentInput): Promise<StaffComment> {
    if (!commentChannels.includes(input.channel) || (input.channel as string) === 'online') throw new ValidationError([custom('channel', '请选择意见来源：信函、电子邮件、传真、座谈会或其他')]);
    const commentId = newId();
    await this.uow(actor, async (tx) => {
      const row = await this.consultations.requireFor(actor, id, 'consultation.manage', tx.db);
      await this.consultations.check(row, 'staff_comment');
      const body = this.checkBody(input.text, input.anchor ?? null, row.draft_text);
      const errors: FieldError[] = [];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.receivedOn ?? '')) errors.push(custom('receivedOn', '请填写收到日期'));
      else if (input.receivedOn > row.closes_on) errors.push(custom('receivedOn', `收到日期晚于征集截止日期（${row.closes_on}），逾期意见不再录入`));
      else if (input.receivedOn < row.opens_on) errors.push(custom('receivedOn', `收到日期早于征集开始日期（${row.opens_on}）`));
      if (errors.length) throw new ValidationError(errors);
      const comment = this.row(commentId, id, body, `staff:${commentId}`, input.channel, input.receivedOn);
      const contact = { name: input.name ? plainText(input.name).slice(0, 50) || null : null, phone: input.phone ? plainText(input.phone).slice(0, 30) || null : null, email: input.email ? plainText(input.email).slice(0, 254) || null : null };
      await this.consultations.repo(tx.db).insertComment(comment, contact.name || contact.phone || contact.email ? { comment_id: commentId, ...contact, verified: 0 } : null);
      await tx.audit({ action: 'consultation.comment.enter', entityType: 'consultation_comment', entityId: commentId, org: { id: row.org_id, path: row.org_path }, after: { consultationId: id, anchor: comment.anchor, channel: input.channel, receivedOn: input.receivedOn } });
    });
    return this.one(actor, commentId);
  }

  async moderate(actor: Actor, commentId: string, input: { approve: boolean; reason?: string | null }): Promise<StaffComment> {
    const reason = plainText(input.reason ?? '').slice(0, 500);
    if (!input.approve && reason.length < 2) throw new ValidationError([custom('reason', '不予公开须说明理由（如：与草案无关、含人身攻击、广告、含个人信息）')]);
    await this.uow(actor, async (tx) => {
      const repo = this.consultations.repo(tx.db);
      const comment = await repo.findComment(commentId);
      if (!comment) throw new AppError('NOT_FOUND', 404);
      const row = await this.consultations.requireFor(actor, comment.consultation_id, 'consultation.moderate', tx.db);
      await this.consultations.check(row, 'moderate');
      const status = input.approve ? 'approved' : 'rejected';
      // A comment taken out of the public list loses its answer: only approved comments are answered.
      await repo.updateComment(commentId, { status, moderation_reason: reason || null, moderated_by: actor.userName, moderated_at: nowIso(), ...(input.approve ? {} : { decision: null, decision_reason: null }) });
      await tx.audit({ action: 'consultation.comment.moderate', entityType: 'consultation_comment', entityId: commentId, org: { id: row.org_id, path: row.org_path }, before: { status: comment.status }, after: { status, reason } });
    });
    return this.one(actor, commentId);
  }

  /** The answer to one approved comment; internal until the result is published. */
  async decide(actor: Actor, commentId: string, input: { decision: Decision; reason: string }): Promise<StaffComment> {
    const reason = plainText(input.reason ?? '').slice(0, 2000);
    const errors: FieldError[] = [];
    if (!decisions.includes(input.decision)) errors.push(custom('decision', '请选择采纳、部分采纳或不予采纳'));
    if (reason.length < 2) errors.push(custom('reason', '请说明采纳或不予采纳的理由'));
    if (errors.length) throw new ValidationError(errors);
    await this.uow(actor, async (tx) => {
      const repo = this.consultations.repo(tx.db);
      const comment = await repo.findComment(commentId);
      if (!comment) throw new AppError('NOT_FOUND', 404);
      const row = await this.consultations.requireFor(actor, comment.consultation_id, 'consultation.manage', tx.db);
      await this.consultations.check(row, 'decide');
      if (comment.status !== 'approved') throw new ValidationError([custom('decision', comment.status === 'pending' ? '请先审核该意见' : '未通过审核的意见无需作出采纳决定')]);
      await repo.updateComment(commentId, { decision: input.decision, decision_reason: reason, decided_by: actor.userName, decided_at: nowIso() });
      await tx.audit({ action: 'consultation.comment.decide', entityType: 'consultation_comment', entityId: commentId, org: { id: row.org_id, path: row.org_path }, before: { decision: comment.decision, reason: comment.decision_reason }, after: { decision: input.decision, reason } });
    });
    return this.one(actor, commentId);
  }

  /** Approved comments for the public, optionally on one article; answers only once the result is out. */
  async listPublic(id: string, query: { anchor?: string; page?: number; pageSize?: number }) {
    const row = await this.consultations.requirePublic(id);
    const repo = this.consultations.repo();
    const size = Math.min(query.pageSize ?? 20, 100);
    const page = query.page ?? 1;
    const anchor = query.anchor === undefined ? undefined : query.anchor === 'general' ? null : query.anchor;
    const [rows, total] = await Promise.all([
      repo.comments(id, { status: 'approved', anchor, offset: (page - 1) * size, limit: size }),
      repo.countComments(id, { status: 'approved', anchor }),
    ]);
    const items: PublicComment[] = rows.map((c) => presentComment(c, row.state === 'concluded'));
    return { items, total, page, pageSize: size };
  }

  /** 待审核意见 across the consultations the actor may moderate, oldest first; no contact data. */
  async moderationQueue(actor: Actor, query: { page?: number; pageSize?: number }) {
    const roots = scopeRoots(actor, 'consultation.moderate');
    const size = Math.min(query.pageSize ?? 20, 100);
    const page = query.page ?? 1;
    if (roots && roots.length === 0) return { items: [], total: 0, page, pageSize: size };
    const { rows, total } = await this.consultations.repo().pendingQueue(roots, (page - 1) * size, size);
    return { items: rows.map((r) => ({ ...presentStaffComment(r, undefined, false), consultationId: r.consultation_id, consultationTitle: r.title })), total, page, pageSize: size };
  }

  /** Every comment of the consultation for staff; contact data for consultation.manage holders only. */
  async list(actor: Actor, id: string, query: { status?: string; page?: number; pageSize?: number }) {
    const row = await this.consultations.requireFor(actor, id, 'consultation.read');
    const repo = this.consultations.repo();
    const size = Math.min(query.pageSize ?? 50, 200);
    const page = query.page ?? 1;
    const [rows, total] = await Promise.all([repo.comments(id, { status: query.status, offset: (page - 1) * size, limit: size }), repo.countComments(id, { status: query.status })]);
    const showContact = can(actor, 'consultation.manage', row.org_path);
    const contacts = new Map((showContact ? await repo.commenters(rows.map((r) => r.id)) : []).map((c) => [c.comment_id, c]));
    return { items: rows.map((r) => presentStaffComment(r, contacts.get(r.id), showContact)), total, page, pageSize: size };
  }

  private async one(actor: Actor, commentId: string): Promise<StaffComment> {
    const repo = this.consultations.repo();
    const comment = (await repo.findComment(commentId))!;
    const row = await this.consultations.requireFor(actor, comment.consultation_id, 'consultation.read');
    const showContact = can(actor, 'consultation.manage', row.org_path);
    const [commenter] = showContact ? await repo.commenters([commentId]) : [];
    return presentStaffComment(comment, commenter, showContact);
  }

  private checkBody(raw: string, anchor: string | null, draftText: string): { text: string; anchor: string | null } {
    const errors: FieldError[] = [];
    const text = plainText(raw ?? '');
    if (text.length < 5) errors.push(custom('text', '意见内容过短（至少 5 个字）'));
    if (text.length > COMMENT_MAX) errors.push({ path: 'text', code: 'maxLength', params: { limit: COMMENT_MAX } });
    if (anchor !== null && anchor !== '' && !anchorExists(parseDraft(draftText), anchor)) errors.push(custom('anchor', `草案中没有这一条款（${anchor}）`));
    if (errors.length) throw new ValidationError(errors);
    return { text, anchor: anchor || null };
  }

  private row(id: string, consultationId: string, body: { text: string; anchor: string | null }, dupKey: string, channel: string, receivedOn: string): CommentRow {
    return {
      id,
      consultation_id: consultationId,
      anchor: body.anchor,
      body: body.text,
      dup_key: dupKey,
      channel,
      received_on: receivedOn,
      status: 'pending',
      moderation_reason: null,
      moderated_by: null,
      moderated_at: null,
      decision: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      created_at: nowIso(),
    };
  }
}
