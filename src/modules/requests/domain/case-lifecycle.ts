// The case lifecycle of disclosure on application as a pure transition table (DESIGN.md §6):
// (state, event, guard, actor role) → state, with a Chinese reason for every refusal. The service persists the
// event in the case's ledger (req_event) and the new state; deadlines are computed from that ledger (deadlines.ts).
import { refusalOutcomes, type AnswerOutcome, type CaseEventType, type CaseState } from './model.ts';
import { caseEventTypes, caseStateNames, caseStates } from './model.ts';

/**
 * Who acts on a case. handler: request.handle; legal_counsel: request.legal_review; office_head: the openness-office
 * head (request.approve_extension); applicant: the public actor holding the tracking code; system: the scheduler.
 */
export const caseRoles = ['handler', 'legal_counsel', 'office_head', 'applicant', 'system'] as const;
export type CaseRole = (typeof caseRoles)[number];

export const caseEventNames: Record<CaseEventType, string> = {
  registered: '登记收件',
  correction_requested: '发出补正告知',
  corrected: '收到补正',
  correction_lapsed: '逾期未补正',
  accepted: '受理',
  consultation_started: '发出征求意见',
  consultation_answered: '收到征求意见答复',
  extension_approved: '批准延期答复',
  fee_notified: '发出收费通知',
  fee_paid: '缴费',
  fee_lapsed: '逾期未缴费',
  legal_review_requested: '提请法律审核',
  legal_review_passed: '法律审核通过',
  legal_review_returned: '法律审核退回',
  answered: '作出答复',
  delivered: '送达',
  archived: '归档',
  withdrawn: '申请人撤回',
  transferred: '转办',
};

/** What the guards need to know about the case besides its state (the service derives it from the ledger). */
export interface CaseContext {
  roles: readonly CaseRole[];
  /** A correction was already requested once (补正告知 is one-time, Art. 30). */
  correctionRequested: boolean;
  /** An extension was already approved (once per case). */
  extended: boolean;
  /** A fee notice was already sent (one method, once per case). */
  feeNotified: boolean;
  /** The outcome the legal counsel passed, when the latest legal review passed and nothing reopened it. */
  legalApprovedOutcome: AnswerOutcome | null;
  /** Whether refusal-type answers need a passed legal review first (configurable, default true). */
  legalReviewRequired: boolean;
  /** Today's date (Beijing) and the applicant's correction / payment due dates, for the lapse guards. */
  today: string;
  correctionDue: string | null;
  feeDue: string | null;
}

/** The event as the guards see it: its type and the payload fields they check. */
export interface CaseEventInput {
  type: CaseEventType;
  outcome?: AnswerOutcome;
  days?: number;
  toOrgId?: string;
  fromOrgId?: string;
}

export type Refusal = { code: string; zh: string };
export type TransitionResult = { ok: true; next: CaseState } | { ok: false; reason: Refusal };

type Row = { next: CaseState | 'stay'; roles: readonly CaseRole[]; guard?: (e: CaseEventInput, ctx: CaseContext) => Refusal | null };

const R = (code: string, zh: string): Refusal => ({ code, zh });

const H: readonly CaseRole[] = ['handler'];
const WITHDRAW: Row = { next: 'withdrawn', roles: ['applicant', 'handler'] };
const TRANSFER: Row = {
  next: 'transferred',
  roles: H,
  guard: (e) => (!e.toOrgId ? R('transfer_target', '请选择接收转办的机关。') : e.fromOrgId && e.toOrgId === e.fromOrgId ? R('transfer_self', '不能转办给本机关。') : null),
};
const EXTEND: Row = {
  next: 'stay',
  roles: ['office_head'],
  guard: (e, ctx) => {
    if (ctx.extended) return R('extension_twice', '本案已批准过一次延期，依《条例》第三十三条延期只能一次且最长 20 个工作日。');
    if (!Number.isInteger(e.days) || e.days! < 1 || e.days! > 20) return R('extension_days', '延期天数须为 1–20 个工作日。');
    return null;
  },
};

export const CASE_TABLE: Record<CaseState, Partial<Record<CaseEventType, Row>>> = {
  registered: {
    correction_requested: {
      next: 'correction_requested',
      roles: H,
      guard: (_e, ctx) => (ctx.correctionRequested ? R('correction_twice', '补正告知只能发出一次（《条例》第三十条“一次性告知”）。') : null),
    },
    accepted: { next: 'in_progress', roles: H },
    withdrawn: WITHDRAW,
    transferred: TRANSFER,
  },
  correction_requested: {
    corrected: { next: 'registered', roles: ['applicant', 'handler'] },
    correction_lapsed: {
      next: 'abandoned',
      roles: ['handler', 'system'],
      guard: (_e, ctx) => (ctx.correctionDue !== null && ctx.today <= ctx.correctionDue ? R('correction_not_due', `补正期限（${ctx.correctionDue}）尚未届满，不能按逾期未补正处理。`) : null),
    },
    withdrawn: WITHDRAW,
  },
  in_progress: {
    consultation_started: { next: 'consulting', roles: H },
    extension_approved: EXTEND,
    fee_notified: {
      next: 'fee_notice',
      roles: H,
      guard: (_e, ctx) => (ctx.feeNotified ? R('fee_twice', '本案已发出过收费通知，同一申请只能按一种方式收费一次。') : null),
    },
    legal_review_requested: {
      next: 'legal_review',
      roles: H,
      guard: (e) => (!e.outcome ? R('outcome_required', '请注明拟作出的答复类型。') : null),
    },
    answered: {
      next: 'answered',
      roles: H,
      guard: (e, ctx) => {
        if (!e.outcome) return R('outcome_required', '请选择答复类型。');
        if (e.outcome === 'other.overdue_correction' || e.outcome === 'other.overdue_fee') return R('outcome_by_event', '“逾期不补正/逾期未缴费”由相应事件产生，不能作为答复选择。');
        if (ctx.legalReviewRequired && refusalOutcomes.includes(e.outcome) && ctx.legalApprovedOutcome !== e.outcome)
          return R('legal_review_required', '不予公开、部分公开等答复须先经法律审核通过（且答复类型与审核通过的一致）。');
        return null;
      },
    },
    withdrawn: WITHDRAW,
    transferred: TRANSFER,
  },
  consulting: {
    consultation_answered: { next: 'in_progress', roles: H },
    extension_approved: EXTEND,
    withdrawn: WITHDRAW,
  },
  fee_notice: {
    fee_paid: { next: 'in_progress', roles: H },
    fee_lapsed: {
      next: 'abandoned',
      roles: ['handler', 'system'],
      guard: (_e, ctx) => (ctx.feeDue !== null && ctx.today <= ctx.feeDue ? R('fee_not_due', `缴费期限（${ctx.feeDue}）尚未届满，不能按逾期未缴费处理。`) : null),
    },
    withdrawn: WITHDRAW,
  },
  legal_review: {
    legal_review_passed: { next: 'in_progress', roles: ['legal_counsel'] },
    legal_review_returned: { next: 'in_progress', roles: ['legal_counsel'] },
    extension_approved: EXTEND,
    withdrawn: WITHDRAW,
  },
  answered: { delivered: { next: 'delivered', roles: H } },
  delivered: { archived: { next: 'archived', roles: H } },
  archived: {},
  abandoned: {},
  withdrawn: {},
  transferred: {},
};

const roleNames: Record<CaseRole, string> = { handler: '承办人', legal_counsel: '法律顾问', office_head: '政务公开办负责人', applicant: '申请人', system: '系统' };

function permit(state: CaseState, type: CaseEventType, roles: readonly CaseRole[]): Row | Refusal {
  const row = CASE_TABLE[state]?.[type];
  if (!row) {
    if (type === 'registered') return R('invalid_transition', '案件已登记，不能重复登记。');
    return R('invalid_transition', `“${caseStateNames[state]}”状态的案件不能执行“${caseEventNames[type]}”。`);
  }
  if (!roles.some((r) => row.roles.includes(r))) return R('role_not_allowed', `只有${row.roles.map((r) => roleNames[r]).join('或')}可以执行“${caseEventNames[type]}”。`);
  return row;
}

const isRefusal = (x: Row | Refusal): x is Refusal => 'code' in x;

/** Applies `event` to a case in `state`. Pure: the caller appends the event and stores `next`. */
export function transition(state: CaseState, event: CaseEventInput, ctx: CaseContext): TransitionResult {
  if (!(caseStates as readonly string[]).includes(state) || !(caseEventTypes as readonly string[]).includes(event?.type)) {
    return { ok: false, reason: R('unknown_event', '未知的操作。') };
  }
  const row = permit(state, event.type, ctx.roles);
  if (isRefusal(row)) return { ok: false, reason: row };
  const refused = row.guard?.(event, ctx);
  if (refused) return { ok: false, reason: refused };
  return { ok: true, next: row.next === 'stay' ? state : row.next };
}

/** Every event with whether these roles may send it now (table and roles; payload guards are checked on send). */
export function availableActions(state: CaseState, ctx: CaseContext): { type: CaseEventType; allowed: boolean; reason?: string }[] {
  return caseEventTypes
    .filter((t) => t !== 'registered')
    .map((type) => {
      const r = permit(state, type, ctx.roles);
      if (isRefusal(r)) return { type, allowed: false, reason: r.zh };
      // State-only guards (those that do not look at the payload) are checked too, so the button says why.
      const probe = r.guard?.({ type, outcome: 'granted', days: 1, toOrgId: 'x' }, ctx);
      return probe && probe.code !== 'legal_review_required' ? { type, allowed: false, reason: probe.zh } : { type, allowed: true };
    });
}

/** States in which the case is concluded at this organisation (the statistics' outcome and date are fixed). */
export const concludedStates: readonly CaseState[] = ['answered', 'delivered', 'archived', 'abandoned', 'withdrawn', 'transferred'];

/**
 * The table-3 outcome a concluding event fixes (req_case.outcome): an answer its own outcome; a lapsed correction or
 * fee the two 其他处理 rows; a withdrawal or a transfer out 其他处理-3 (其他) — documented in docs/requests.md.
 */
export function concludingOutcome(event: CaseEventInput): AnswerOutcome | null {
  switch (event.type) {
    case 'answered':
      return event.outcome ?? null;
    case 'correction_lapsed':
      return 'other.overdue_correction';
    case 'fee_lapsed':
      return 'other.overdue_fee';
    case 'withdrawn':
    case 'transferred':
      return 'other.other';
    default:
      return null;
  }
}
