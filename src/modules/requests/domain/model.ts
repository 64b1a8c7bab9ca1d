// The vocabulary of disclosure-on-application cases (依申请公开, 条例 Chapter IV; domain.md §1.6–1.8, §2.4–2.5).
// Shared by the case lifecycle, the deadline engine, fees, answers and the annual-report statistics, so every part
// names states, events and outcomes the same way.

/** Applicant columns of annual-report table 3 (columns 1–6). */
export const applicantKinds = ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];
export const applicantKindNames: Record<ApplicantKind, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_welfare: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他',
};

/** How the application arrived; the receipt date follows Art. 31 per channel. */
export const channels = ['online', 'in_person', 'post_signed', 'letter', 'fax', 'email'] as const;
export type Channel = (typeof channels)[number];
export const channelNames: Record<Channel, string> = {
  online: '网上申请',
  in_person: '当面提交',
  post_signed: '邮寄（需签收）',
  letter: '平信（无需签收）',
  fax: '传真',
  email: '电子邮件',
};

export const caseStates = [
  'registered', // received, receipt date fixed; the clock runs
  'correction_requested', // one-time 补正告知 sent; clock stopped until corrected
  'in_progress',
  'consulting', // third party (Art. 32) or other agency (Art. 34); clock paused
  'fee_notice', // 收费通知 sent; clock paused; unpaid within 20 working days → abandoned
  'legal_review', // required before a refusal-type answer (configurable)
  'answered',
  'delivered',
  'archived',
  'abandoned', // no correction, or fee unpaid
  'withdrawn', // by the applicant
  'transferred', // misdirected; the receiving organisation opens its own case
] as const;
export type CaseState = (typeof caseStates)[number];
export const caseStateNames: Record<CaseState, string> = {
  registered: '已登记',
  correction_requested: '待补正',
  in_progress: '办理中',
  consulting: '征求意见中',
  fee_notice: '待缴费',
  legal_review: '法律审核中',
  answered: '已答复',
  delivered: '已送达',
  archived: '已归档',
  abandoned: '视为放弃',
  withdrawn: '已撤回',
  transferred: '已转办',
};

/** Events recorded in a case's ledger. Deadlines are computed from these, never typed in. */
export const caseEventTypes = [
  'registered', // { receivedOn }
  'correction_requested', // { what, dueOn? }
  'corrected', // { correctedOn } restarts the 20-day clock from this date
  'correction_lapsed', // → abandoned (table 3 row 其他处理-1)
  'accepted', // registered → in_progress
  'consultation_started', // { kind: 'third_party' | 'agency', party, sentOn }
  'consultation_answered', // { answeredOn, opinion }
  'extension_approved', // { days ≤ 20, approvedBy (openness-office head), reason } once per case
  'fee_notified', // { method: 'per_request' | 'per_volume', amountFen, notifiedOn }
  'fee_paid', // { paidOn }
  'fee_lapsed', // → abandoned (row 其他处理-2)
  'legal_review_requested', // { outcome proposed }
  'legal_review_passed',
  'legal_review_returned', // { opinion } back to in_progress
  'answered', // { outcome: AnswerOutcome, answeredOn, basis, letter }
  'delivered', // { deliveredOn, method }
  'archived',
  'withdrawn', // { withdrawnOn }
  'transferred', // { toOrgId, transferredOn }
] as const;
export type CaseEventType = (typeof caseEventTypes)[number];

/**
 * Answer outcomes: exactly the result rows of annual-report table 3 (domain.md §2.4). The 其他处理 rows for
 * abandoned cases are reached by events (correction_lapsed, fee_lapsed), not chosen as answers.
 */
export const answerOutcomes = [
  'granted', // R3.1 予以公开
  'partial', // R3.2 部分公开
  'denied.state_secret', // R3.3.1
  'denied.law_forbidden', // R3.3.2
  'denied.safety_stability', // R3.3.3
  'denied.third_party', // R3.3.4
  'denied.internal_affairs', // R3.3.5
  'denied.process_info', // R3.3.6
  'denied.enforcement_case', // R3.3.7
  'denied.admin_query', // R3.3.8
  'unable.no_info', // R3.4.1
  'unable.needs_creation', // R3.4.2
  'unable.unclear', // R3.4.3
  'not_processed.complaint', // R3.5.1
  'not_processed.repeat', // R3.5.2
  'not_processed.publication', // R3.5.3
  'not_processed.massive', // R3.5.4
  'not_processed.confirm', // R3.5.5
  'other.overdue_correction', // R3.6.1 (event correction_lapsed)
  'other.overdue_fee', // R3.6.2 (event fee_lapsed)
  'other.other', // R3.6.3 (withdrawn, transferred out, or chosen)
] as const;
export type AnswerOutcome = (typeof answerOutcomes)[number];

/** Outcomes that refuse something; legal review is required before them by default. */
export const refusalOutcomes: readonly AnswerOutcome[] = answerOutcomes.filter(
  (o) => o === 'partial' || o.startsWith('denied.') || o.startsWith('unable.') || o.startsWith('not_processed.'),
);

/** Reconsideration and litigation records (annual-report table 4). */
export const remedyKinds = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type RemedyKind = (typeof remedyKinds)[number];
export const remedyResults = ['upheld', 'corrected', 'other', 'pending'] as const; // 维持 / 纠正 / 其他 / 尚未审结
export type RemedyResult = (typeof remedyResults)[number];

/**
 * What the statistics need of one case, read by the requests repository (`RequestsRepository.statisticsFacts`)
 * and consumed by the pure table-3/table-4 computation. Dates are `YYYY-MM-DD` (Beijing).
 */
export interface CaseStatisticsFact {
  caseId: string;
  orgId: string;
  applicantKind: ApplicantKind;
  /** The receipt date of the case at this organisation (for a transferred-in case: its receipt there). */
  receivedOn: string;
  /** When the case was concluded at this organisation and how; null while it is still open. */
  concludedOn: string | null;
  outcome: AnswerOutcome | null;
}

export interface RemedyStatisticsFact {
  caseId: string;
  orgId: string;
  kind: RemedyKind;
  filedOn: string;
  /** The result as of now and the date it was decided (null while pending). */
  result: RemedyResult;
  decidedOn: string | null;
}
