// What the requests module answers over HTTP and to the portal: the contract between the case service, the admin
// SPA and the portal pages. Applicant personal data appears only in StaffCaseDetail (case staff of the handling
// organisation); PublicCaseView carries status, deadline and answer, nothing else.
import type { AnswerOutcome, ApplicantKind, CaseEventType, CaseState, Channel, RemedyKind, RemedyResult } from './domain/model.ts';

export type InformationForm = 'paper' | 'electronic' | 'inspect'; // 纸质 / 电子 / 当场查阅
export type DeliveryMethod = 'online' | 'email' | 'post' | 'pickup'; // 网上查看 / 电子邮件 / 邮寄 / 自行领取

export interface ApplicantInput {
  kind: ApplicantKind;
  /** Natural person's name, or the organisation's name. */
  name: string;
  /** Natural person: 18-digit resident ID (checked); organisations: 统一社会信用代码 (checked). */
  idNumber: string;
  /** Organisations: the person to contact (联系人). */
  contactPerson?: string;
  /** Organisations: 法定代表人或负责人. */
  legalRepresentative?: string;
  phone: string;
  email?: string;
  address?: string;
  postcode?: string;
}

export interface InformationInput {
  /** 所需信息名称 */
  title: string;
  /** 文号, optional */
  docNumber?: string;
  /** 其他特征描述 */
  description?: string;
  /** 用途, optional. */
  purpose?: string;
}

/** The public form (portal multipart form or POST /api/v1/requests multipart). The identity proof file is required. */
export interface ApplicationInput {
  orgId: string;
  applicant: ApplicantInput;
  information: InformationInput;
  form: InformationForm;
  delivery: DeliveryMethod;
  /** Art. 44: the applicant suggests publishing the information proactively. */
  suggestProactive: boolean;
}

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

export interface ApplicationReceipt {
  trackingNo: string; // e.g. YS-2026-000123 (configurable pattern)
  /** Shown once; only its hash is stored. */
  code: string;
  receivedOn: string;
  answerDue: DueDate;
}

/** Staff register an offline application; receivedOn follows Art. 31 for the channel (see docs/requests.md). */
export interface OfflineRegistrationInput extends ApplicationInput {
  channel: Exclude<Channel, 'online'>;
  /** Date written on the application. */
  appliedOn: string;
  /** in_person: the day submitted; post_signed: the day signed for; letter/fax/email: the day both sides confirmed. */
  receivedOn: string;
  note?: string;
}

export interface DueDate {
  date: string;
  provisional: boolean;
}

/** One line of "how the due date was computed", in order, in Chinese. */
export interface DeadlineStep {
  label: string; // e.g. '收到申请 2026-03-02，起算 20 个工作日'
  date?: string;
  workingDays?: number;
}

export interface Deadlines {
  /** The date the answer is due (null once the case is concluded). */
  answerDue: DueDate | null;
  /** While a correction is requested: the date by which the applicant must correct (the notice's, or the default). */
  correctionDue?: DueDate | null;
  /** While registered and no correction was requested: the last day to send the one-time 补正告知 (receipt + 7 wd). */
  correctionNoticeDue?: DueDate | null;
  consultationDue?: DueDate | null;
  feePaymentDue?: DueDate | null;
  /** Working days the clock was paused (consultations, fee notice). */
  pausedWorkingDays: number;
  extensionDays: number;
  /** Once concluded: the due date that applied, and whether the case was concluded by then. */
  answerDueWas?: DueDate | null;
  concludedOn?: string | null;
  onTime?: boolean | null;
  /** 'ok' | 'near' (≤ 3 working days) | 'overdue' */
  urgency: 'ok' | 'near' | 'overdue';
  steps: DeadlineStep[];
}

export interface PublicCaseView {
  trackingNo: string;
  orgName: string;
  informationTitle: string;
  state: CaseState;
  stateName: string;
  receivedOn: string;
  answerDue: DueDate | null;
  /** How the due date was computed, in Chinese (the deadline engine's steps). */
  deadlineSteps: string[];
  /** The case's public steps (no internal review steps, no texts or names), oldest first. */
  history: { label: string; occurredOn: string }[];
  /** Present while a correction is requested: what to correct and by when. */
  correction?: { what: string; dueOn: string | null };
  /** Present while a fee notice is open. */
  fee?: { amountYuan: string; method: string; payBy: string | null };
  answer?: {
    outcome: AnswerOutcome;
    outcomeName: string;
    /** The legal basis as written into the letter. */
    basis: string;
    answeredOn: string;
    text: string;
    letterUrl: string; // /api/v1/requests/<trackingNo>/letter.docx?code=…
    releasedFiles: { name: string; url: string }[];
  };
  /** Present when the case was transferred: where it continues (the same code opens it). */
  transferredTo?: { orgName: string; trackingNo: string };
}

export interface CaseListItem {
  id: string;
  trackingNo: string;
  orgId: string;
  orgName: string;
  informationTitle: string;
  applicantKind: ApplicantKind;
  channel: Channel;
  state: CaseState;
  stateName: string;
  receivedOn: string;
  answerDue: DueDate | null;
  urgency: Deadlines['urgency'];
  handlerName: string | null;
}

export interface CaseEventView {
  id: string;
  type: CaseEventType;
  /** Chinese label of the event. */
  label: string;
  /** The date the event takes effect (Beijing), e.g. the correction's receipt date. */
  occurredOn: string;
  at: string; // instant recorded
  actorName: string | null;
  payload: Record<string, unknown>;
}

export interface RemedyView {
  id: string;
  kind: RemedyKind;
  filedOn: string;
  result: RemedyResult;
  decidedOn: string | null;
  note: string | null;
}

export interface StaffCaseDetail extends CaseListItem {
  applicant: ApplicantInput & { proofs: { id: string; filename: string; url: string }[] };
  information: InformationInput;
  form: InformationForm;
  delivery: DeliveryMethod;
  suggestProactive: boolean;
  appliedOn: string;
  deadlines: Deadlines;
  events: CaseEventView[];
  /** Events the current actor may record now, with a reason for each one refused. */
  actions: { type: CaseEventType; allowed: boolean; reason?: string }[];
  answer: null | { outcome: AnswerOutcome; outcomeName: string; basis: string; text: string; answeredOn: string };
  releasedFiles: { id: string; filename: string; url: string; redacted: boolean }[];
  fee: null | { method: 'per_request' | 'per_volume'; amountFen: number; notifiedOn: string; paidOn: string | null };
  remedies: RemedyView[];
  /** Other open cases asking for the same information (Art. 44 grouping). */
  similar: { id: string; trackingNo: string; informationTitle: string }[];
  /** The draft document created from this case (Art. 44), if any. */
  proactiveDocumentId: string | null;
  transferredTo: { orgId: string; orgName: string; caseId: string } | null;
  transferredFrom: { orgId: string; orgName: string; caseId: string } | null;
}
