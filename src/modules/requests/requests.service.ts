// Disclosure-on-application cases: intake (online and offline), the event ledger driven by the pure lifecycle,
// deadlines computed from the ledger, answers, fees, released files, Art. 44 conversion, remedies and privacy.
// Reading needs request.read on the case's organisation subtree; anything outside answers like a missing case.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { UnitOfWork } from '../../platform/db/unit-of-work.ts';
import { fromBool, newId, nowIso, parseJson, toBool } from '../../platform/db/ids.ts';
import { anonymousActor, can, scopeRoots, type Actor } from '../../platform/authz/actor.ts';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors.ts';
import { isValidUscc } from '../../platform/text/identifiers.ts';
import { checkAttachment, type FileStore } from '../../platform/files/index.ts';
import type { WorkingDays } from '../../platform/calendar/types.ts';
import type { OrganisationService } from '../organisations/index.ts';
import type { DocumentAttachments, DocumentService } from '../documents/index.ts';
import { RequestsRepository, type CaseRow, type EventRow, type StatisticsWindow } from './requests.repository.ts';
import { applicantKinds, answerOutcomes, caseEventTypes, caseStateNames, channels, remedyKinds, remedyResults, type AnswerOutcome, type ApplicantKind, type CaseEventType, type CaseState, type Channel, type RemedyKind, type RemedyResult } from './domain/model.ts';
import { answerableOutcomes, outcomeInfo } from './domain/outcomes.ts';
import { availableActions, caseEventNames, concludedStates, concludingOutcome, transition, type CaseContext, type CaseRole } from './domain/case-lifecycle.ts';
import { computeDeadlines, defaultDeadlineRules, type DeadlineEvent, type DeadlineRules } from './domain/deadlines.ts';
import { computeFee, defaultFeeBands, yuan, type FeeBands, type FeeQuote } from './domain/fees.ts';
import { codeMatches, formatTrackingNo, hashCode, idHash, informationKey, isValidResidentId, newTrackingCode, receiptRules } from './domain/intake.ts';
import type {
  ApplicationInput, ApplicationReceipt, CaseEventView, CaseListItem, Deadlines, OfflineRegistrationInput, PublicCaseView, RemedyView, StaffCaseDetail, UploadedFile,
} from './requests.dto.ts';
import type { LetterData } from './letters/letter.types.ts';
import type { Notifier } from '../../platform/notify/notifier.ts';
import { dueNoticeMessage, dueNoticeRecipients, loadDueNoticeStaff, type DueNotice } from './due-notices.ts';
import type { ReqApplicantTable, ReqCaseTable } from './requests.tables.ts';
import { transact } from '../../platform/db/transaction-scope.ts';

export type PublicMeta = { ip: string | null; requestId?: string | null };
/** The letters engineer's renderer (src/modules/requests/letters/), wired in container.ts. */
export type LetterRenderer = (orgId: string, data: LetterData) => Promise<Uint8Array>;

export interface RequestOptions {
  trackingPattern: string;
  uploadMaxBytes: number;
  legalReviewRequired: boolean;
  feeBands: FeeBands;
  deadlineRules: DeadlineRules;
  today: () => string;
}

export const beijingToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: unknown): s is string => typeof s === 'string' && DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const forms = ['paper', 'electronic', 'inspect'] as const;
const deliveries = ['online', 'email', 'post', 'pickup'] as const;
const PROOF_TYPES = new Set(['pdf', 'png', 'jpg', 'gif', 'webp']);
const OPEN_STATES: CaseState[] = ['registered', 'correction_requested', 'in_progress', 'consulting', 'fee_notice', 'legal_review'];
const ANSWERED: CaseState[] = ['answered', 'delivered', 'archived'];
const custom = (path: string, zh: string): FieldError => ({ path, code: 'custom', params: { zh, en: zh } });
const fail = (path: string, zh: string) => new ValidationError([custom(path, zh)]);
const refused = (zh: string) => new ConflictError('TRANSITION_REFUSED', { reason: { zh, en: zh } });
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** A staff event as sent to POST /requests/:id/events. */
export type EventInput = { type: CaseEventType; occurredOn: string } & Record<string, unknown>;

export class RequestService {
  private readonly letterRenderer: { fn: LetterRenderer | null } = { fn: null };

  constructor(
    private readonly db: Kysely<DB>,
    private readonly uow: UnitOfWork,
    private readonly orgs: OrganisationService,
    private readonly files: FileStore,
    /** Swap for the overrides-aware calendar (services.calendar) once it is on main. */
    private readonly calendar: WorkingDays,
    private readonly documents: DocumentService | null,
    private readonly attachments: DocumentAttachments | null,
    private readonly options: RequestOptions,
  ) {}

  /** The answer-letter renderer is written in ./letters; container.ts wires it here. */
  setLetterRenderer(fn: LetterRenderer): void {
    this.letterRenderer.fn = fn;
  }

  /** Sends near-due/overdue notices to the case's staff through the outbox (see due-notices.ts). */
  setNotifier(notifier: Notifier): void {
    this.notifier = notifier;
  }
  private notifier: Notifier | null = null;

  /** Replaces the clock (Beijing date). For tests and replays; production uses beijingToday. */
  setToday(today: () => string): void {
    this.options.today = today;
  }

  /** Today's date (Beijing) as the case rules see it, so the staff pages default event dates to the server's day. */
  currentDate(): string {
    return this.today();
  }

  private repo(db: Kysely<DB> = this.db) {
    return new RequestsRepository(db);
  }
  private today() {
    return this.options.today();
  }

  // ================================================================== public (applicant) side

  async apply(input: ApplicationInput, proofs: UploadedFile[], meta: PublicMeta): Promise<ApplicationReceipt> {
    const today = this.today();
    const { row, applicant } = await this.checkApplication(input, 'online', today, today);
    const stored = await this.storeFiles(proofs, 'identityProof', true);
    const code = newTrackingCode();
    const actor = { ...anonymousActor(meta.ip, meta.requestId ?? null), userName: '申请人（网上）' };
    const created = await this.uow(actor, (tx) => this.insertNewCase(tx, row, applicant, stored, hashCode(code), actor.userName, { channel: 'online', rule: receiptRules.online }));
    return { trackingNo: created.tracking_no, code, receivedOn: created.received_on, answerDue: this.deadlinesOf(await this.repo().events(created.id)).answerDue! };
  }

  async track(trackingNo: string, code: string): Promise<PublicCaseView | null> {
    const c = await this.byCode(trackingNo, code);
    return c ? this.publicView(c, code) : null;
  }

  async correct(trackingNo: string, code: string, input: { text: string }, files: UploadedFile[], meta: PublicMeta): Promise<PublicCaseView> {
    const c = await this.byCode(trackingNo, code);
    if (!c) throw new NotFoundError();
    const text = str(input.text);
    if (!text) throw fail('text', '请填写补正内容');
    if (text.length > 2000) throw fail('text', '补正内容不能超过 2000 字');
    const stored = await this.storeFiles(files, 'file', false);
    await this.applyEvent(c.id, { ...anonymousActor(meta.ip, meta.requestId ?? null), userName: '申请人' }, ['applicant'], { type: 'corrected', occurredOn: this.today(), text }, stored, 'correction');
    return (await this.track(trackingNo, code))!;
  }

  async withdraw(trackingNo: string, code: string, input: { reason?: string }, meta: PublicMeta): Promise<PublicCaseView> {
    const c = await this.byCode(trackingNo, code);
    if (!c) throw new NotFoundError();
    await this.applyEvent(c.id, { ...anonymousActor(meta.ip, meta.requestId ?? null), userName: '申请人' }, ['applicant'], { type: 'withdrawn', occurredOn: this.today(), reason: str(input.reason)?.slice(0, 500) ?? '' });
    return (await this.track(trackingNo, code))!;
  }

  async releasedFileForApplicant(trackingNo: string, code: string, fileId: string): Promise<{ filename: string; bytes: Buffer } | null> {
    const c = await this.byCode(trackingNo, code);
    if (!c || !ANSWERED.includes(c.state as CaseState)) return null;
    const f = await this.repo().file(c.id, fileId);
    if (!f || f.kind !== 'released') return null;
    const bytes = await this.files.get(f.storage_key);
    return bytes ? { filename: f.filename, bytes } : null;
  }

  async letterForApplicant(trackingNo: string, code: string): Promise<Uint8Array | null> {
    const c = await this.byCode(trackingNo, code);
    if (!c || !ANSWERED.includes(c.state as CaseState)) return null;
    return this.renderLetter(c);
  }

  private async byCode(trackingNo: string, code: string): Promise<CaseRow | null> {
    const c = typeof trackingNo === 'string' && trackingNo.length <= 60 ? await this.repo().findByTrackingNo(trackingNo) : undefined;
    // Compare even when the case is missing, so a wrong number and a wrong code take the same time.
    const ok = codeMatches(typeof code === 'string' ? code.slice(0, 64) : '', c?.code_hash ?? '');
    return c && ok ? c : null;
  }

  private async publicView(c: CaseRow, code: string): Promise<PublicCaseView> {
    const repo = this.repo();
    const events = await repo.events(c.id);
    const d = this.deadlinesOf(events);
    const org = (await this.orgs.refs([c.org_id])).get(c.org_id);
    const q = `code=${encodeURIComponent(code)}`;
    const base = `/api/v1/requests/${encodeURIComponent(c.tracking_no)}`;
    const view: PublicCaseView = {
      trackingNo: c.tracking_no,
      orgName: org?.name ?? '',
      informationTitle: c.info_title,
      state: c.state as CaseState,
      stateName: caseStateNames[c.state as CaseState],
      receivedOn: c.received_on,
      answerDue: d.answerDue,
      deadlineSteps: d.steps.map((s) => s.label),
      // Legal review is internal deliberation; the applicant sees the steps that concern them.
      history: events.filter((e) => !e.type.startsWith('legal_review_')).map((e) => ({ label: caseEventNames[e.type as CaseEventType], occurredOn: e.occurred_on })),
    };
    if (c.state === 'correction_requested') {
      const e = [...events].reverse().find((x) => x.type === 'correction_requested');
      view.correction = { what: String(parseJson<Record<string, unknown>>(e?.payload, {}).what ?? ''), dueOn: d.correctionDue?.date ?? null };
    }
    if (c.state === 'fee_notice') {
      const e = parseJson<Record<string, unknown>>([...events].reverse().find((x) => x.type === 'fee_notified')?.payload, {});
      view.fee = { amountYuan: yuan(Number(e.amountFen ?? 0)), method: e.method === 'per_volume' ? '按量计收' : '按件计收', payBy: d.feePaymentDue?.date ?? null };
    }
    if (ANSWERED.includes(c.state as CaseState) && c.outcome) {
      const released = await repo.files(c.id, 'released');
      view.answer = {
        outcome: c.outcome as AnswerOutcome,
        outcomeName: outcomeInfo[c.outcome as AnswerOutcome].name,
        basis: c.answer_basis ?? '',
        answeredOn: c.answered_on ?? c.concluded_on ?? '',
        text: c.answer_text ?? '',
        letterUrl: `${base}/letter.docx?${q}`,
        releasedFiles: released.map((f) => ({ name: f.filename, url: `${base}/released/${f.id}?${q}` })),
      };
    }
    if (c.state === 'transferred' && c.transferred_to_case_id) {
      const to = await repo.findCase(c.transferred_to_case_id);
      const toOrg = to ? (await this.orgs.refs([to.org_id])).get(to.org_id) : undefined;
      if (to) view.transferredTo = { orgName: toOrg?.name ?? '', trackingNo: to.tracking_no };
    }
    return view;
  }

  // ================================================================== intake shared by online and offline

  private async checkApplication(input: ApplicationInput, channel: Channel, receivedOn: string, appliedOn: string) {
    const errors: FieldError[] = [];
    const a = input?.applicant ?? ({} as ApplicationInput['applicant']);
    const info = input?.information ?? ({} as ApplicationInput['information']);
    const org = typeof input?.orgId === 'string' ? (await this.orgs.refs([input.orgId])).get(input.orgId) : undefined;
    if (!org) errors.push({ path: 'orgId', code: 'unknownOrg' });
    if (!(applicantKinds as readonly string[]).includes(a.kind)) errors.push({ path: 'applicant.kind', code: 'enum', params: { values: applicantKinds.join(', ') } });
    const name = str(a.name);
    if (!name || name.length > 100) errors.push(custom('applicant.name', a.kind === 'natural' ? '请填写申请人姓名（100 字以内）' : '请填写法人或其他组织名称（100 字以内）'));
    const idNumber = (str(a.idNumber) ?? '').toUpperCase();
    if (a.kind === 'natural') {
      if (!isValidResidentId(idNumber)) errors.push(custom('applicant.idNumber', '不是有效的 18 位居民身份证号码（出生日期或校验位不符）'));
    } else if (a.kind && !isValidUscc(idNumber)) errors.push({ path: 'applicant.idNumber', code: 'uscc' });
    if (a.kind && a.kind !== 'natural' && !str(a.contactPerson)) errors.push(custom('applicant.contactPerson', '法人或其他组织须填写联系人'));
    const phone = str(a.phone);
    if (!phone || !/^[0-9+\-() ]{5,30}$/.test(phone)) errors.push(custom('applicant.phone', '请填写有效的联系电话'));
    if (str(a.email) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(a.email!)) errors.push({ path: 'applicant.email', code: 'format', params: { format: 'email' } });
    if (str(a.postcode) && !/^\d{6}$/.test(a.postcode!)) errors.push(custom('applicant.postcode', '邮政编码应为 6 位数字'));
    for (const [k, max] of [['address', 200], ['contactPerson', 50], ['legalRepresentative', 50]] as const) if ((a[k]?.length ?? 0) > max) errors.push({ path: `applicant.${k}`, code: 'maxLength', params: { limit: max } });
    const title = str(info.title);
    if (!title || title.length > 200) errors.push(custom('information.title', '请填写所需政府信息的名称（200 字以内）'));
    if ((info.docNumber?.length ?? 0) > 100) errors.push({ path: 'information.docNumber', code: 'maxLength', params: { limit: 100 } });
    if ((info.description?.length ?? 0) > 2000) errors.push({ path: 'information.description', code: 'maxLength', params: { limit: 2000 } });
    if ((info.purpose?.length ?? 0) > 500) errors.push({ path: 'information.purpose', code: 'maxLength', params: { limit: 500 } });
    if (!(forms as readonly string[]).includes(input?.form)) errors.push({ path: 'form', code: 'enum', params: { values: forms.join(', ') } });
    if (!(deliveries as readonly string[]).includes(input?.delivery)) errors.push({ path: 'delivery', code: 'enum', params: { values: deliveries.join(', ') } });
    if (!isDate(appliedOn)) errors.push(custom('appliedOn', '申请日期应为 YYYY-MM-DD'));
    if (!isDate(receivedOn)) errors.push(custom('receivedOn', '收到申请日期应为 YYYY-MM-DD'));
    else if (receivedOn > this.today()) errors.push(custom('receivedOn', '收到申请日期不能晚于今天'));
    else if (isDate(appliedOn) && receivedOn < appliedOn) errors.push(custom('receivedOn', '收到申请日期不能早于申请日期'));
    if (errors.length) throw new ValidationError(errors);
    const now = nowIso();
    const id = newId();
    const row = {
      id,
      org_id: org!.id,
      org_path: org!.path,
      applicant_kind: a.kind as string,
      channel: channel as string,
      applied_on: appliedOn,
      received_on: receivedOn,
      state: 'registered',
      outcome: null,
      concluded_on: null,
      info_title: title!,
      info_doc_number: str(info.docNumber) ?? null,
      info_description: str(info.description) ?? null,
      info_purpose: str(info.purpose) ?? null,
      info_key: informationKey(title!, info.docNumber),
      form: input.form as string,
      delivery: input.delivery as string,
      suggest_proactive: fromBool(Boolean(input.suggestProactive)),
      note: null as string | null,
      answer_text: null,
      answer_basis: null,
      answered_on: null,
      handler_id: null,
      proactive_document_id: null,
      transferred_to_case_id: null,
      transferred_from_case_id: null,
      last_seq: 1,
      created_at: now,
      updated_at: now,
    };
    const applicant = {
      case_id: id,
      name: name!,
      id_number: idNumber,
      id_hash: idHash(idNumber),
      contact_person: str(a.contactPerson) ?? null,
      legal_representative: a.kind !== 'natural' ? (str(a.legalRepresentative) ?? null) : null,
      phone: phone!,
      email: str(a.email) ?? null,
      address: str(a.address) ?? null,
      postcode: str(a.postcode) ?? null,
    };
    return { row, applicant };
  }

  /** Checks and stores uploads (content-addressed; an unused blob left by a refused request is harmless). */
  private async storeFiles(files: UploadedFile[], path: string, required: boolean) {
    if (required && files.length === 0) throw fail(path, '请上传身份证明（身份证件或营业执照等的照片或 PDF）');
    if (files.length > 5) throw fail(path, '最多上传 5 个文件');
    const out: { filename: string; key: string; sha256: string; size: number; contentType: string }[] = [];
    for (const f of files) {
      const name = (f.filename || 'file').replace(/[\\/\0]/g, '_').slice(-120);
      const checked = await checkAttachment(f.bytes, name, this.options.uploadMaxBytes);
      if (!checked.ok) throw new AppError(checked.code, checked.code === 'ATTACHMENT_TOO_LARGE' ? 413 : 400, checked.params, [{ path, code: 'invalid' }]);
      if (required && !PROOF_TYPES.has(checked.type.ext)) throw fail(path, '身份证明须为图片（PNG、JPEG）或 PDF 文件');
      const blob = await this.files.put(f.bytes);
      out.push({ filename: name, key: blob.key, sha256: blob.sha256, size: blob.size, contentType: checked.type.mime });
    }
    return out;
  }

  private async insertNewCase(
    tx: Parameters<Parameters<UnitOfWork>[1]>[0],
    row: Omit<ReqCaseTable, 'tracking_no' | 'code_hash'>,
    applicant: ReqApplicantTable,
    files: Awaited<ReturnType<RequestService['storeFiles']>>,
    codeHash: string,
    actorName: string,
    payload: Record<string, unknown>,
  ): Promise<CaseRow> {
    const repo = this.repo(tx.db);
    const year = row.received_on.slice(0, 4);
    const trackingNo = formatTrackingNo(this.options.trackingPattern, year, await repo.nextCounter(`tracking:${year}`));
    const c: CaseRow = { ...row, tracking_no: trackingNo, code_hash: codeHash };
    await repo.insertCase(c);
    await repo.insertApplicant(applicant);
    await repo.insertEvent({ id: newId(), case_id: c.id, seq: 1, type: 'registered', occurred_on: c.received_on, payload: JSON.stringify({ receivedOn: c.received_on, ...payload }), actor_id: tx.actor.userId, actor_name: actorName, at: c.created_at });
    for (const f of files) await repo.insertFile({ id: newId(), case_id: c.id, kind: 'proof', filename: f.filename, storage_key: f.key, sha256: f.sha256, size: f.size, content_type: f.contentType, redacted: 0, created_at: c.created_at });
    // No personal data in the audit trail: the case, its channel and the applicant's kind only.
    await tx.audit({ action: 'request.register', entityType: 'request_case', entityId: c.id, org: { id: c.org_id, path: c.org_path }, after: { trackingNo, channel: c.channel, applicantKind: c.applicant_kind, receivedOn: c.received_on } });
    return c;
  }

  // ================================================================== staff side

  async registerOffline(actor: Actor, input: OfflineRegistrationInput, proofs: UploadedFile[]): Promise<StaffCaseDetail & { code: string }> {
    const org = typeof input?.orgId === 'string' ? (await this.orgs.refs([input.orgId])).get(input.orgId) : undefined;
    if (!org || !can(actor, 'request.handle', org.path)) throw ValidationError.field('orgId', 'unknownOrg');
    if (!(channels as readonly string[]).includes(input.channel) || (input.channel as string) === 'online') throw new ValidationError([{ path: 'channel', code: 'enum', params: { values: channels.filter((c) => c !== 'online').join(', ') } }]);
    const { row, applicant } = await this.checkApplication(input, input.channel, input.receivedOn, input.appliedOn);
    if ((input.note?.length ?? 0) > 1000) throw new ValidationError([{ path: 'note', code: 'maxLength', params: { limit: 1000 } }]);
    const stored = await this.storeFiles(proofs, 'identityProof', true);
    const code = newTrackingCode();
    const c = await this.uow(actor, (tx) => this.insertNewCase(tx, { ...row, note: str(input.note) ?? null }, applicant, stored, hashCode(code), actor.userName, { channel: input.channel, rule: receiptRules[input.channel] }));
    return { ...(await this.get(actor, c.id)), code };
  }

  private async readable(actor: Actor, id: string, db?: Kysely<DB>): Promise<CaseRow> {
    const c = typeof id === 'string' && id.length <= 64 ? await this.repo(db).findCase(id) : undefined;
    if (!c || !can(actor, 'request.read', c.org_path)) throw new NotFoundError();
    return c;
  }

  private rolesOn(actor: Actor, path: string): CaseRole[] {
    if (actor.kind === 'system') return ['system'];
    const roles: CaseRole[] = [];
    if (can(actor, 'request.handle', path)) roles.push('handler');
    if (can(actor, 'request.legal_review', path)) roles.push('legal_counsel');
    if (can(actor, 'request.approve_extension', path)) roles.push('office_head');
    return roles;
  }

  private deadlinesOf(events: EventRow[], today = this.today()): Deadlines {
    const list: DeadlineEvent[] = events.map((e) => ({ type: e.type as CaseEventType, occurredOn: e.occurred_on, payload: parseJson(e.payload, {}) }));
    return computeDeadlines(list, today, this.calendar, this.options.deadlineRules);
  }

  private contextOf(events: EventRow[], roles: CaseRole[], today: string): CaseContext {
    const d = this.deadlinesOf(events, today);
    let legal: AnswerOutcome | null = null;
    for (const e of events) {
      if (e.type === 'legal_review_passed') legal = (parseJson<Record<string, unknown>>(e.payload, {}).outcome as AnswerOutcome) ?? null;
      if (e.type === 'legal_review_requested' || e.type === 'legal_review_returned') legal = null;
    }
    return {
      roles,
      correctionRequested: events.some((e) => e.type === 'correction_requested'),
      extended: events.some((e) => e.type === 'extension_approved'),
      feeNotified: events.some((e) => e.type === 'fee_notified'),
      legalApprovedOutcome: legal,
      legalReviewRequired: this.options.legalReviewRequired,
      today,
      correctionDue: d.correctionDue?.date ?? null,
      feeDue: d.feePaymentDue?.date ?? null,
    };
  }

  /** Staff record an event: POST /requests/:id/events. */
  async record(actor: Actor, id: string, input: EventInput): Promise<StaffCaseDetail> {
    const c = await this.readable(actor, id);
    await this.applyEvent(c.id, actor, this.rolesOn(actor, c.org_path), input);
    return this.get(actor, id);
  }

  /** Validates, runs the lifecycle, appends the event and updates the case in one transaction. */
  private async applyEvent(caseId: string, actor: Actor, roles: CaseRole[], input: EventInput, files: Awaited<ReturnType<RequestService['storeFiles']>> = [], fileKind = 'correction'): Promise<void> {
    if (!input || !(caseEventTypes as readonly string[]).includes(input.type) || input.type === 'registered') throw new ValidationError([{ path: 'type', code: 'enum', params: { values: caseEventTypes.filter((t) => t !== 'registered').join(', ') } }]);
    if (!isDate(input.occurredOn)) throw fail('occurredOn', '日期应为 YYYY-MM-DD');
    const today = this.today();
    if (input.occurredOn > today) throw fail('occurredOn', `日期不能晚于今天（${today}）`);
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const c = (await repo.findCase(caseId))!;
      const events = await repo.events(c.id);
      const last = events.at(-1)!;
      if (input.occurredOn < last.occurred_on) throw fail('occurredOn', `日期不能早于上一事件“${caseEventNames[last.type as CaseEventType]}”的日期 ${last.occurred_on}${input.type === 'answered' ? '（答复不能早于收到申请）' : ''}`);
      const payload = await this.payloadOf(tx.db, repo, c, events, input);
      const ctx = this.contextOf(events, roles, input.occurredOn);
      const result = transition(c.state as CaseState, { type: input.type, outcome: payload.outcome as AnswerOutcome | undefined, days: payload.days as number | undefined, toOrgId: payload.toOrgId as string | undefined, fromOrgId: c.org_id }, ctx);
      if (!result.ok) throw refused(result.reason.zh);
      const seq = c.last_seq + 1;
      const now = nowIso();
      await repo.insertEvent({ id: newId(), case_id: c.id, seq, type: input.type, occurred_on: input.occurredOn, payload: JSON.stringify(payload), actor_id: actor.userId, actor_name: actor.userName, at: now });
      for (const f of files) await repo.insertFile({ id: newId(), case_id: c.id, kind: fileKind, filename: f.filename, storage_key: f.key, sha256: f.sha256, size: f.size, content_type: f.contentType, redacted: 0, created_at: now });
      const concluding = concludedStates.includes(result.next) && !concludedStates.includes(c.state as CaseState) ? concludingOutcome({ type: input.type, outcome: payload.outcome as AnswerOutcome | undefined }) : null;
      const patch: Record<string, unknown> = { state: result.next, last_seq: seq, updated_at: now };
      if (concluding) Object.assign(patch, { outcome: concluding, concluded_on: input.occurredOn });
      if (input.type === 'answered') Object.assign(patch, { answer_text: payload.text, answer_basis: payload.basis, answered_on: input.occurredOn });
      if (input.type === 'accepted' && actor.userId) patch.handler_id = actor.userId;
      if (input.type === 'transferred') patch.transferred_to_case_id = await this.openTransferredCase(tx, c, payload, input.occurredOn);
      if (!(await repo.updateCase(c.id, c.last_seq, patch))) throw new ConflictError('REQUEST_CHANGED');
      // Audit carries the case's state change and the event's non-personal fields only.
      const { text: _t, opinion: _o, reason: _r, what: _w, ...safe } = payload;
      await tx.audit({ action: `request.${input.type}`, entityType: 'request_case', entityId: c.id, org: { id: c.org_id, path: c.org_path }, before: { state: c.state }, after: { state: result.next, occurredOn: input.occurredOn, ...safe } });
    });
  }

  /** Checks and normalises the event's payload; what the ledger stores. */
  private async payloadOf(db: Kysely<DB>, repo: RequestsRepository, c: CaseRow, events: EventRow[], input: EventInput): Promise<Record<string, unknown>> {
    const text = (k: string, max: number, required: string | null): string | undefined => {
      const v = input[k];
      if (v !== undefined && typeof v !== 'string') throw fail(k, '应为文字');
      const s = str(v);
      if (!s && required) throw fail(k, required);
      if (s && s.length > max) throw new ValidationError([{ path: k, code: 'maxLength', params: { limit: max } }]);
      return s;
    };
    switch (input.type) {
      case 'correction_requested': {
        const what = text('what', 2000, '请写明需要补正的事项');
        const dueOn = input.dueOn;
        if (dueOn !== undefined && (!isDate(dueOn) || dueOn <= input.occurredOn)) throw fail('dueOn', '补正期限应为晚于告知日期的日期');
        return { what, ...(dueOn ? { dueOn } : {}) };
      }
      case 'corrected':
        return { text: text('text', 2000, null) ?? '' };
      case 'consultation_started': {
        if (input.kind !== 'third_party' && input.kind !== 'agency') throw new ValidationError([{ path: 'kind', code: 'enum', params: { values: 'third_party, agency' } }]);
        return { kind: input.kind, party: text('party', 200, '请填写征求意见的对象') };
      }
      case 'consultation_answered':
        return { opinion: text('opinion', 2000, null) ?? '' };
      case 'extension_approved': {
        if (!Number.isInteger(input.days)) throw fail('days', '延期天数须为 1–20 的整数');
        return { days: input.days, reason: text('reason', 500, '请填写延期理由') };
      }
      case 'fee_notified': {
        const hasPages = input.pages !== undefined;
        const hasCount = input.requestCount !== undefined;
        if (hasPages && hasCount) throw fail('pages', '同一申请只能按件或按量一种方式收费，不能同时使用');
        if (!hasPages && !hasCount) throw fail('pages', '请填写页数（按量计收）或件数（按件计收）');
        const quote = await this.quoteFor(repo, c, hasPages ? { pages: input.pages } : { requestCount: input.requestCount });
        return { method: quote.method, amountFen: quote.amountFen, explanation: quote.explanation, ...(hasPages ? { pages: input.pages } : { requestCount: input.requestCount }) };
      }
      case 'legal_review_requested': {
        const outcome = input.outcome as AnswerOutcome;
        if (!(answerableOutcomes as string[]).includes(outcome)) throw new ValidationError([{ path: 'outcome', code: 'enum', params: { values: answerableOutcomes.join(', ') } }]);
        return { outcome, text: text('text', 5000, null) ?? '' };
      }
      case 'legal_review_passed':
      case 'legal_review_returned': {
        const requested = [...events].reverse().find((e) => e.type === 'legal_review_requested');
        const outcome = parseJson<Record<string, unknown>>(requested?.payload, {}).outcome ?? null;
        return { outcome, opinion: text('opinion', 2000, input.type === 'legal_review_returned' ? '退回须写明审核意见' : null) ?? '' };
      }
      case 'answered': {
        const outcome = input.outcome as AnswerOutcome;
        if (!(answerOutcomes as readonly string[]).includes(outcome)) throw new ValidationError([{ path: 'outcome', code: 'enum', params: { values: answerableOutcomes.join(', ') } }]);
        const extra = text('basis', 1000, null);
        return { outcome, text: text('text', 10_000, '请填写答复内容'), basis: [outcomeInfo[outcome]?.basis, extra].filter(Boolean).join('；') };
      }
      case 'delivered':
        return { method: text('method', 100, null) ?? '' };
      case 'withdrawn':
        return { reason: text('reason', 500, null) ?? '' };
      case 'transferred': {
        const to = typeof input.toOrgId === 'string' ? (await this.orgs.refs([input.toOrgId], db)).get(input.toOrgId) : undefined;
        if (!to) throw ValidationError.field('toOrgId', 'unknownOrg');
        const receivedOn = input.receivedOn ?? input.occurredOn;
        if (!isDate(receivedOn) || receivedOn < input.occurredOn || receivedOn > this.today()) throw fail('receivedOn', '接收机关收到日期不能早于转办日期，也不能晚于今天');
        return { toOrgId: to.id, toOrgName: to.name, receivedOn, reason: text('reason', 500, '请说明转办理由') };
      }
      default:
        return {};
    }
  }

  /** Misdirected: the receiving organisation gets its own case, registered on its receipt date (same tracking code). */
  private async openTransferredCase(tx: Parameters<Parameters<UnitOfWork>[1]>[0], from: CaseRow, payload: Record<string, unknown>, _on: string): Promise<string> {
    const repo = this.repo(tx.db);
    const to = (await this.orgs.refs([payload.toOrgId as string], tx.db)).get(payload.toOrgId as string)!;
    const applicant = (await repo.applicant(from.id))!;
    const now = nowIso();
    const id = newId();
    const receivedOn = payload.receivedOn as string;
    const row = { ...from, id, org_id: to.id, org_path: to.path, received_on: receivedOn, state: 'registered', outcome: null, concluded_on: null, answer_text: null, answer_basis: null, answered_on: null, handler_id: null, proactive_document_id: null, transferred_to_case_id: null, transferred_from_case_id: from.id, last_seq: 1, created_at: now, updated_at: now };
    const { tracking_no: _n, code_hash, ...rest } = row;
    const created = await this.insertNewCase(tx, rest, { ...applicant, case_id: id }, [], code_hash, tx.actor.userName, { channel: from.channel, transferredFrom: from.tracking_no, rule: '转办：以接收机关收到之日为收到申请之日' });
    for (const f of await repo.files(from.id, 'proof')) await repo.insertFile({ ...f, id: newId(), case_id: created.id });
    return created.id;
  }

  /**
   * Organisations a misdirected case may be transferred to: the public directory (active organisations, names only),
   * for anyone who handles cases somewhere; a handler's own organisation tree does not reach other departments.
   */
  async transferTargets(actor: Actor): Promise<{ items: { id: string; parentId: string | null; name: string }[] }> {
    const roots = scopeRoots(actor, 'request.handle');
    if (roots !== null && roots.length === 0) throw new NotFoundError();
    const orgs = await this.orgs.publicDirectory();
    return { items: orgs.map((o) => ({ id: o.id, parentId: o.parentId ?? null, name: o.name })) };
  }

  async quote(actor: Actor, input: { caseId?: string; pages?: number; requestCount?: number; before?: number }): Promise<FeeQuote> {
    if (input.pages !== undefined && input.requestCount !== undefined) throw fail('pages', '同一申请只能按件或按量一种方式收费，不能同时使用');
    if (input.caseId) {
      const c = await this.readable(actor, input.caseId);
      return this.quoteFor(this.repo(), c, input);
    }
    if (!scopeRoots(actor, 'request.read')?.length && actor.kind !== 'system') throw new NotFoundError();
    return this.quoteOf(input.pages !== undefined ? { pages: input.pages } : { requestCount: input.requestCount, before: input.before ?? 0 });
  }

  private async quoteFor(repo: RequestsRepository, c: CaseRow, input: { pages?: unknown; requestCount?: unknown }): Promise<FeeQuote> {
    if (input.pages !== undefined) return this.quoteOf({ pages: input.pages });
    const applicant = await repo.applicant(c.id);
    const month = c.received_on.slice(0, 7);
    const before = applicant ? await repo.applicantCasesInMonth(applicant.id_hash, c.org_id, `${month}-01`, c.received_on, c.id) : 0;
    return this.quoteOf({ requestCount: input.requestCount, before });
  }

  private quoteOf(input: { pages?: unknown; requestCount?: unknown; before?: number }): FeeQuote {
    try {
      if (input.pages !== undefined) return computeFee({ method: 'per_volume', pages: input.pages as number }, this.options.feeBands);
      return computeFee({ method: 'per_request', before: input.before ?? 0, count: input.requestCount as number }, this.options.feeBands);
    } catch {
      throw fail(input.pages !== undefined ? 'pages' : 'requestCount', input.pages !== undefined ? '页数须为正整数' : '件数须为正整数');
    }
  }

  // ---- reading

  async list(actor: Actor, query: CaseListQuery) {
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? 20, 100);
    let orgPath: string | undefined;
    if (query.organisationId) {
      const org = (await this.orgs.refs([query.organisationId])).get(query.organisationId);
      orgPath = org?.path ?? '/-/';
    }
    if (query.receivedFrom && query.receivedTo && query.receivedFrom > query.receivedTo) throw fail('receivedTo', '收到日期的结束日期不能早于开始日期');
    const filter = {
      roots: scopeRoots(actor, 'request.read'),
      orgPath,
      state: query.state,
      q: query.q?.trim() || undefined,
      applicantKind: query.applicantKind,
      receivedFrom: query.receivedFrom,
      receivedTo: query.receivedTo,
    };
    const repo = this.repo();
    // Due dates are computed from each case's ledger, not stored: urgency filters and the due-date order work on
    // the filtered set in memory (cases open at one organisation number in the hundreds, not millions).
    if (query.urgency || query.sort === 'due') {
      const rows = await repo.listAll(query.urgency ? { ...filter, states: OPEN_STATES } : filter);
      const byDue = (a: CaseListItem, b: CaseListItem) => (a.answerDue?.date ?? '9999').localeCompare(b.answerDue?.date ?? '9999') || a.receivedOn.localeCompare(b.receivedOn);
      const items = (await this.listItems(rows)).filter((i) => !query.urgency || i.urgency === query.urgency).sort(byDue);
      return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
    }
    const [rows, total] = await Promise.all([repo.list(filter, (page - 1) * pageSize, pageSize), repo.count(filter)]);
    return { items: await this.listItems(rows), total, page, pageSize };
  }

  private async listItems(rows: CaseRow[]): Promise<CaseListItem[]> {
    const events = await this.repo().eventsOf(rows.map((r) => r.id));
    const orgs = await this.orgs.refs(rows.map((r) => r.org_id));
    return rows.map((r) => this.listItem(r, events.get(r.id) ?? [], orgs.get(r.org_id)?.name ?? ''));
  }

  private listItem(r: CaseRow, events: EventRow[], orgName: string): CaseListItem {
    const d = this.deadlinesOf(events);
    const accepted = events.find((e) => e.type === 'accepted');
    return {
      id: r.id,
      trackingNo: r.tracking_no,
      orgId: r.org_id,
      orgName,
      informationTitle: r.info_title,
      applicantKind: r.applicant_kind as ApplicantKind,
      channel: r.channel as Channel,
      state: r.state as CaseState,
      stateName: caseStateNames[r.state as CaseState],
      receivedOn: r.received_on,
      answerDue: d.answerDue,
      urgency: d.urgency,
      handlerName: accepted?.actor_name ?? null,
    };
  }

  async get(actor: Actor, id: string): Promise<StaffCaseDetail> {
    const c = await this.readable(actor, id);
    const repo = this.repo();
    const [events, applicant, files, remedies] = await Promise.all([repo.events(c.id), repo.applicant(c.id), repo.files(c.id), repo.remedies(c.id)]);
    const linked = [c.transferred_to_case_id, c.transferred_from_case_id].filter((x): x is string => !!x);
    const linkedRows = (await Promise.all(linked.map((x) => repo.findCase(x)))).filter((x): x is CaseRow => !!x);
    const orgs = await this.orgs.refs([c.org_id, ...linkedRows.map((r) => r.org_id)]);
    const orgName = orgs.get(c.org_id)?.name ?? '';
    const base = `/api/v1/requests/${c.id}`;
    const similar = (await repo.sameInformation(c.info_key, scopeRoots(actor, 'request.read'), c.id)).map((s) => ({ id: s.id, trackingNo: s.tracking_no, informationTitle: s.info_title }));
    const feeEvent = events.find((e) => e.type === 'fee_notified');
    const fee = feeEvent ? parseJson<Record<string, unknown>>(feeEvent.payload, {}) : null;
    const link = (x: string | null) => {
      const r = linkedRows.find((l) => l.id === x);
      return r ? { orgId: r.org_id, orgName: orgs.get(r.org_id)?.name ?? '', caseId: r.id } : null;
    };
    const roles = this.rolesOn(actor, c.org_path);
    const today = this.today();
    return {
      ...this.listItem(c, events, orgName),
      applicant: {
        kind: c.applicant_kind as ApplicantKind,
        name: applicant?.name ?? '',
        idNumber: applicant?.id_number ?? '',
        contactPerson: applicant?.contact_person ?? undefined,
        legalRepresentative: applicant?.legal_representative ?? undefined,
        phone: applicant?.phone ?? '',
        email: applicant?.email ?? undefined,
        address: applicant?.address ?? undefined,
        postcode: applicant?.postcode ?? undefined,
        proofs: files.filter((f) => f.kind === 'proof').map((f) => ({ id: f.id, filename: f.filename, url: `${base}/files/${f.id}` })),
      },
      information: { title: c.info_title, docNumber: c.info_doc_number ?? undefined, description: c.info_description ?? undefined, purpose: c.info_purpose ?? undefined },
      form: c.form as StaffCaseDetail['form'],
      delivery: c.delivery as StaffCaseDetail['delivery'],
      suggestProactive: toBool(c.suggest_proactive),
      appliedOn: c.applied_on,
      deadlines: this.deadlinesOf(events, today),
      events: events.map((e): CaseEventView => ({ id: e.id, type: e.type as CaseEventType, label: caseEventNames[e.type as CaseEventType], occurredOn: e.occurred_on, at: e.at, actorName: e.actor_name, payload: parseJson(e.payload, {}) })),
      actions: roles.length ? availableActions(c.state as CaseState, this.contextOf(events, roles, today)) : [],
      answer: c.outcome && c.answered_on ? { outcome: c.outcome as AnswerOutcome, outcomeName: outcomeInfo[c.outcome as AnswerOutcome].name, basis: c.answer_basis ?? '', text: c.answer_text ?? '', answeredOn: c.answered_on } : null,
      releasedFiles: files.filter((f) => f.kind === 'released').map((f) => ({ id: f.id, filename: f.filename, url: `${base}/files/${f.id}`, redacted: toBool(f.redacted) })),
      fee: fee ? { method: fee.method as 'per_request' | 'per_volume', amountFen: Number(fee.amountFen), notifiedOn: feeEvent!.occurred_on, paidOn: events.find((e) => e.type === 'fee_paid')?.occurred_on ?? null } : null,
      remedies: remedies.map(presentRemedy),
      similar,
      proactiveDocumentId: c.proactive_document_id,
      transferredTo: link(c.transferred_to_case_id),
      transferredFrom: link(c.transferred_from_case_id),
    };
  }

  /** A proof, correction or released file of a case (case staff only). */
  async file(actor: Actor, id: string, fileId: string): Promise<{ filename: string; bytes: Buffer; contentType: string }> {
    const c = await this.readable(actor, id);
    const f = await this.repo().file(c.id, fileId);
    const bytes = f ? await this.files.get(f.storage_key) : null;
    if (!f || !bytes) throw new NotFoundError();
    return { filename: f.filename, bytes, contentType: f.content_type };
  }

  /** Attaches released information (after redaction, marked so) to a case being handled or answered. */
  async addReleased(actor: Actor, id: string, file: UploadedFile | undefined, redacted: boolean): Promise<StaffCaseDetail> {
    const c = await this.readable(actor, id);
    if (!can(actor, 'request.handle', c.org_path)) throw new NotFoundError();
    if (!file) throw fail('file', '请选择要上传的文件');
    if (!['in_progress', 'consulting', 'legal_review', 'answered'].includes(c.state)) throw new ConflictError('REQUEST_FILE_NOT_ALLOWED');
    const [stored] = await this.storeFiles([file], 'file', false);
    await this.uow(actor, async (tx) => {
      const fid = newId();
      await this.repo(tx.db).insertFile({ id: fid, case_id: c.id, kind: 'released', filename: stored!.filename, storage_key: stored!.key, sha256: stored!.sha256, size: stored!.size, content_type: stored!.contentType, redacted: fromBool(redacted), created_at: nowIso() });
      await tx.audit({ action: 'request.release_file', entityType: 'request_case', entityId: c.id, org: { id: c.org_id, path: c.org_path }, after: { fileId: fid, filename: stored!.filename, redacted } });
    });
    return this.get(actor, id);
  }

  async letter(actor: Actor, id: string): Promise<Uint8Array> {
    const c = await this.readable(actor, id);
    if (!ANSWERED.includes(c.state as CaseState)) throw refused('案件尚未作出答复，不能生成答复书');
    return this.renderLetter(c);
  }

  private async renderLetter(c: CaseRow): Promise<Uint8Array> {
    if (!this.letterRenderer.fn) throw new AppError('REQUEST_LETTER_UNAVAILABLE', 501);
    const repo = this.repo();
    const [applicant, released] = await Promise.all([repo.applicant(c.id), repo.files(c.id, 'released')]);
    const org = (await this.orgs.refs([c.org_id])).get(c.org_id);
    const data: LetterData = {
      orgName: org?.name ?? '',
      trackingNo: c.tracking_no,
      applicantName: applicant?.name ?? '',
      appliedOn: c.applied_on,
      receivedOn: c.received_on,
      informationTitle: c.info_title,
      outcomeName: c.outcome ? outcomeInfo[c.outcome as AnswerOutcome].name : '',
      legalBasis: c.answer_basis ?? '',
      answerText: c.answer_text ?? '',
      answeredOn: c.answered_on ?? '',
      releasedFileNames: released.map((f) => f.filename),
    };
    return this.letterRenderer.fn(c.org_id, data);
  }

  /** Art. 44: one action turns an answered case into a draft document with the released information. */
  async convert(actor: Actor, id: string): Promise<{ documentId: string }> {
    const c = await this.readable(actor, id);
    if (!can(actor, 'request.handle', c.org_path)) throw new NotFoundError();
    if (!ANSWERED.includes(c.state as CaseState) || (c.outcome !== 'granted' && c.outcome !== 'partial')) throw new ConflictError('REQUEST_NOT_CONVERTIBLE');
    if (c.proactive_document_id) throw new ConflictError('REQUEST_ALREADY_CONVERTED');
    if (!this.documents) throw new AppError('REQUEST_NOT_CONVERTIBLE', 501);
    // The draft is written on the handler's behalf (case handlers hold no document.edit); it still goes through the
    // organisation's review and publication like any draft.
    const onBehalf: Actor = { kind: 'system', userId: actor.userId, userName: actor.userName, grants: [], scopes: null, ip: actor.ip, requestId: actor.requestId };
    const released = await this.repo().files(c.id, 'released');
    const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
    const body = [`<p>${esc(c.answer_text ?? '')}</p>`, released.length ? `<p>附件：${released.map((f) => esc(f.filename)).join('、')}</p>` : ''].join('');
    const doc = await this.documents.create(onBehalf, { organisationId: c.org_id, title: c.info_title, bodyHtml: body, ...(c.info_doc_number ? { docNo: c.info_doc_number.slice(0, 60) } : {}), note: `由依申请公开案件 ${c.tracking_no} 转为主动公开`.slice(0, 100) });
    if (this.attachments) {
      for (const f of released) {
        const bytes = await this.files.get(f.storage_key);
        if (bytes) await this.attachments.upload(onBehalf, doc.id, doc.edition.id, f.filename, bytes).catch(() => undefined);
      }
    }
    await this.uow(actor, async (tx) => {
      if (!(await this.repo(tx.db).setProactiveDocument(c.id, doc.id))) throw new ConflictError('REQUEST_ALREADY_CONVERTED');
      await tx.audit({ action: 'request.convert', entityType: 'request_case', entityId: c.id, org: { id: c.org_id, path: c.org_path }, after: { documentId: doc.id } });
    });
    return { documentId: doc.id };
  }

  /** Requests for the same information from several applicants (Art. 44), for the handler. */
  async groups(actor: Actor) {
    const roots = scopeRoots(actor, 'request.read');
    if (roots !== null && roots.length === 0) return { items: [] };
    const repo = this.repo();
    const keys = await repo.repeatedKeys(roots, 50);
    const items = [];
    for (const key of keys) {
      const rows = await repo.sameInformation(key, roots);
      items.push({
        key,
        reason: key.startsWith('no:') ? '文号相同' : '信息名称相同（忽略空格与标点）',
        informationTitle: rows[0]?.info_title ?? '',
        count: rows.length,
        suggestedProactive: rows.filter((r) => r.suggest_proactive === 1).length,
        cases: rows.map((r) => ({ id: r.id, trackingNo: r.tracking_no, orgId: r.org_id, state: r.state, stateName: caseStateNames[r.state as CaseState], receivedOn: r.received_on })),
      });
    }
    return { items };
  }

  // ---- remedies (reconsideration, litigation)

  async listRemedies(actor: Actor, caseId: string): Promise<RemedyView[]> {
    const c = await this.readable(actor, caseId);
    return (await this.repo().remedies(c.id)).map(presentRemedy);
  }

  async addRemedy(actor: Actor, caseId: string, input: RemedyInput): Promise<RemedyView> {
    const c = await this.handled(actor, caseId);
    const v = this.checkRemedy(c, input);
    return this.uow(actor, async (tx) => {
      const now = nowIso();
      const row = { id: newId(), case_id: c.id, org_id: c.org_id, kind: v.kind, filed_on: v.filedOn, result: v.result, decided_on: v.decidedOn, note: v.note, created_at: now, updated_at: now };
      await this.repo(tx.db).insertRemedy(row);
      await tx.audit({ action: 'request.remedy.add', entityType: 'request_remedy', entityId: row.id, org: { id: c.org_id, path: c.org_path }, after: v });
      return presentRemedy(row);
    });
  }

  async updateRemedy(actor: Actor, caseId: string, remedyId: string, input: Partial<RemedyInput>): Promise<RemedyView> {
    const c = await this.handled(actor, caseId);
    return this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const before = await repo.remedy(c.id, remedyId);
      if (!before) throw new NotFoundError();
      const v = this.checkRemedy(c, { kind: before.kind as RemedyKind, filedOn: before.filed_on, result: before.result as RemedyResult, decidedOn: before.decided_on, note: before.note, ...input });
      const patch = { kind: v.kind, filed_on: v.filedOn, result: v.result, decided_on: v.decidedOn, note: v.note, updated_at: nowIso() };
      await repo.updateRemedy(before.id, patch);
      await tx.audit({ action: 'request.remedy.update', entityType: 'request_remedy', entityId: before.id, org: { id: c.org_id, path: c.org_path }, before: presentRemedy(before), after: v });
      return presentRemedy({ ...before, ...patch });
    });
  }

  async removeRemedy(actor: Actor, caseId: string, remedyId: string): Promise<void> {
    const c = await this.handled(actor, caseId);
    await this.uow(actor, async (tx) => {
      const repo = this.repo(tx.db);
      const before = await repo.remedy(c.id, remedyId);
      if (!before) throw new NotFoundError();
      await repo.deleteRemedy(before.id);
      await tx.audit({ action: 'request.remedy.delete', entityType: 'request_remedy', entityId: before.id, org: { id: c.org_id, path: c.org_path }, before: presentRemedy(before) });
    });
  }

  private async handled(actor: Actor, caseId: string): Promise<CaseRow> {
    const c = await this.readable(actor, caseId);
    if (!can(actor, 'request.handle', c.org_path)) throw new NotFoundError();
    return c;
  }

  private checkRemedy(c: CaseRow, input: Partial<RemedyInput>) {
    const errors: FieldError[] = [];
    const today = this.today();
    if (!(remedyKinds as readonly string[]).includes(input.kind ?? '')) errors.push({ path: 'kind', code: 'enum', params: { values: remedyKinds.join(', ') } });
    if (!(remedyResults as readonly string[]).includes(input.result ?? '')) errors.push({ path: 'result', code: 'enum', params: { values: remedyResults.join(', ') } });
    if (!isDate(input.filedOn) || input.filedOn > today || input.filedOn < c.received_on) errors.push(custom('filedOn', `申请复议或起诉日期应在收到申请（${c.received_on}）之后、今天之前`));
    const decidedOn = input.decidedOn ?? null;
    if (input.result === 'pending' && decidedOn) errors.push(custom('decidedOn', '尚未审结的案件不能有审结日期'));
    if (input.result && input.result !== 'pending' && (!isDate(decidedOn) || decidedOn > today || (isDate(input.filedOn) && decidedOn < input.filedOn))) errors.push(custom('decidedOn', '已审结的须填写审结日期，且不能早于申请日期或晚于今天'));
    if ((input.note?.length ?? 0) > 1000) errors.push({ path: 'note', code: 'maxLength', params: { limit: 1000 } });
    if (errors.length) throw new ValidationError(errors);
    return { kind: input.kind as RemedyKind, filedOn: input.filedOn!, result: input.result as RemedyResult, decidedOn, note: str(input.note) ?? null };
  }

  // ---- deadlines: to-dos and notifications

  /** Open cases in the actor's readable subtrees that are near-due or overdue today. */
  async dueCases(actor: Actor, today = this.today()): Promise<CaseListItem[]> {
    const roots = scopeRoots(actor, 'request.read');
    if (roots !== null && roots.length === 0) return [];
    const rows = await this.repo().listAll({ roots, states: OPEN_STATES });
    const events = await this.repo().eventsOf(rows.map((r) => r.id));
    const orgs = await this.orgs.refs(rows.map((r) => r.org_id));
    return rows
      .map((r) => {
        const item = this.listItem(r, events.get(r.id) ?? [], orgs.get(r.org_id)?.name ?? '');
        const d = this.deadlinesOf(events.get(r.id) ?? [], today);
        return { ...item, answerDue: d.answerDue, urgency: d.urgency };
      })
      .filter((i) => i.urgency !== 'ok');
  }

  /**
   * Records a notification per near-due/overdue case and day (req_notification, deduplicated): the outbox edge for
   * a future SMS/e-mail gateway. Run by the maintenance loop; returns how many were recorded.
   */
  async recordDueNotifications(today = this.today()): Promise<number> {
    const items = await this.dueCases({ kind: 'system', userId: null, userName: '系统', grants: [], scopes: null, ip: null, requestId: null }, today);
    const staff = items.length && this.notifier ? await loadDueNoticeStaff(this.db) : [];
    let n = 0;
    for (const i of items) {
      const urgency = i.urgency as DueNotice['urgency'];
      const sent = await transact(this.db, async (trx) => {
        if (!(await this.repo(trx).notify(i.id, i.orgId, urgency, today, i.answerDue?.date ?? null))) return false;
        if (!this.notifier) return true;
        const { org_path } = await trx.selectFrom('req_case').select('org_path').where('id', '=', i.id).executeTakeFirstOrThrow();
        const notice: DueNotice = { caseId: i.id, trackingNo: i.trackingNo, orgPath: org_path, orgName: i.orgName, urgency, dueOn: i.answerDue?.date ?? null };
        for (const to of dueNoticeRecipients(staff, org_path, urgency)) await this.notifier.queue(trx, dueNoticeMessage(notice, to));
        return true;
      });
      if (sent) n += 1;
    }
    if (n > 0) void this.notifier?.deliverDue();
    return n;
  }

  notifications(caseId: string) {
    return this.repo().notifications(caseId);
  }

  /** For the annual report: facts without personal data (see domain/model.ts). */
  statisticsFacts(orgIds: string[], window?: StatisticsWindow) {
    return this.repo().statisticsFacts(orgIds, window);
  }
  remedyFacts(orgIds: string[], window?: StatisticsWindow) {
    return this.repo().remedyFacts(orgIds, window);
  }
}

/** Filters of the staff case list (GET /requests). */
export type CaseListQuery = {
  organisationId?: string;
  state?: string;
  urgency?: 'near' | 'overdue';
  q?: string;
  applicantKind?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** received: newest receipt first (default); due: earliest answer due date first, concluded cases last. */
  sort?: 'received' | 'due';
  page?: number;
  pageSize?: number;
};

export type RemedyInput = { kind: RemedyKind; filedOn: string; result: RemedyResult; decidedOn?: string | null; note?: string | null };

function presentRemedy(r: { id: string; kind: string; filed_on: string; result: string; decided_on: string | null; note: string | null }): RemedyView {
  return { id: r.id, kind: r.kind as RemedyKind, filedOn: r.filed_on, result: r.result as RemedyResult, decidedOn: r.decided_on, note: r.note };
}

export { defaultDeadlineRules, defaultFeeBands };
