// 备案审查: after publication a normative document is filed (报送备案) with the filing authority — the judicial
// bureau of the level above — which reviews it and records 通过 / 纠正 / 撤销 (domain.md §6.3). A pure transition
// table (DESIGN.md §6): (state, event, guard, actor capacity) → state, with a reason for every refusal.
//
//   due ──file──▶ filed ──review(passed | revoked)──▶ reviewed
//                   ▲          │
//                   │   review(correction)
//                   └──file── reviewed(correction)   (the corrected document is filed again)
import { addDays, assertIsoDate, isIsoDate } from './dates.ts';

export const filingStates = ['due', 'filed', 'reviewed'] as const;
export type FilingState = (typeof filingStates)[number];
export const filingResults = ['passed', 'correction', 'revoked'] as const;
export type FilingResult = (typeof filingResults)[number];

export const filingStateNames: Record<FilingState, string> = { due: '待报备', filed: '已报备待审查', reviewed: '已审查' };
export const filingResultNames: Record<FilingResult, string> = { passed: '通过', correction: '纠正', revoked: '撤销' };

/** In what capacity the actor acts on this filing: for the issuing organisation, or as the filing authority. */
export type FilingCapacity = 'issuer' | 'reviewer';

export type FilingEvent =
  | { type: 'file'; filedOn: string; note?: string | null }
  | { type: 'review'; result: FilingResult; opinion?: string | null; revokedFrom?: string | null };

export interface FilingContext {
  state: FilingState;
  result: FilingResult | null;
  /** Publication date of the document (YYYY-MM-DD, Beijing). */
  publishedOn: string;
  filedOn: string | null;
  today: string;
  capacities: readonly FilingCapacity[];
  /** Whether a filing authority has been determined (a filing cannot be sent nowhere). */
  hasAuthority: boolean;
}

export type FilingRefusal = { code: string; zh: string; en: string };
export type FilingTransition = { ok: true; next: FilingState } | { ok: false; reason: FilingRefusal };

const refuse = (code: string, zh: string, en: string): FilingTransition => ({ ok: false, reason: { code, zh, en } });

/** The transition table. */
export function filingTransition(ctx: FilingContext, event: FilingEvent): FilingTransition {
  switch (event.type) {
    case 'file': {
      if (!ctx.capacities.includes('issuer')) return refuse('role_not_allowed', '只有制定机关的工作人员可以报送备案', 'Only the issuing organisation files');
      const again = ctx.state === 'reviewed' && ctx.result === 'correction';
      if (ctx.state !== 'due' && !again) return refuse('invalid_transition', `当前状态“${filingStateNames[ctx.state]}”不能报送备案`, 'This filing cannot be filed now');
      if (!ctx.hasAuthority) return refuse('no_authority', '尚未确定备案审查机关，请先在“备案机关设置”中指定', 'No filing authority is set');
      if (!isIsoDate(event.filedOn)) return refuse('bad_date', '报送日期无效', 'Invalid filing date');
      if (event.filedOn < ctx.publishedOn) return refuse('before_publication', '报送日期不能早于文件公布日期', 'A document cannot be filed before its publication');
      if (event.filedOn > ctx.today) return refuse('in_future', '报送日期不能晚于今天', 'The filing date cannot be in the future');
      return { ok: true, next: 'filed' };
    }
    case 'review': {
      if (!ctx.capacities.includes('reviewer')) return refuse('role_not_allowed', '只有备案审查机关的审查员可以审查', 'Only the filing authority reviews');
      if (ctx.state !== 'filed') return refuse('invalid_transition', `当前状态“${filingStateNames[ctx.state]}”不能审查`, 'Only a filed document can be reviewed');
      if (!(filingResults as readonly string[]).includes(event.result)) return refuse('bad_result', '审查结果只能是通过、纠正或撤销', 'Unknown result');
      const opinion = event.opinion?.trim() ?? '';
      if (event.result !== 'passed' && opinion === '') return refuse('opinion_required', `审查结果为“${filingResultNames[event.result]}”时必须填写审查意见`, 'An opinion is required');
      if (event.result === 'revoked') {
        if (!event.revokedFrom || !isIsoDate(event.revokedFrom)) return refuse('revoked_from_required', '撤销时必须填写撤销生效日期', 'A revocation needs the date it takes effect');
        if (event.revokedFrom < ctx.publishedOn) return refuse('revoked_before_publication', '撤销生效日期不能早于文件公布日期', 'Revocation cannot precede publication');
      }
      return { ok: true, next: 'reviewed' };
    }
  }
}

export type DayCount = 'calendar' | 'working';

/**
 * The day a period of `days` counted from `from` ends: calendar days, or working days (the first day counted is
 * the day after `from`, as 期间 are counted in Chinese administrative law; a calendar-day deadline falling on a
 * rest day is not moved here, the local rule decides [U]).
 */
export function periodEnd(from: string, days: number, count: DayCount, isWorkingDay: (date: string) => boolean): string {
  assertIsoDate(from, 'periodEnd');
  if (!Number.isInteger(days) || days < 0) throw new TypeError(`periodEnd: days must be a non-negative integer, got ${days}`);
  if (count === 'calendar') return addDays(from, days);
  let date = from;
  let left = days;
  // A year has far fewer than 400 rest days: the guard only stops a predicate that never answers true.
  for (let guard = 0; left > 0; guard++) {
    if (guard > days + 400) throw new RangeError('periodEnd: no working days found');
    date = addDays(date, 1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

export type FilingOverdue = 'not_filed' | 'not_reviewed' | null;

/** Why a filing is on the overdue list on `today`: not filed by its due date, or filed and not reviewed in time. */
export function filingOverdue(f: { state: FilingState; dueOn: string; reviewDueOn: string | null }, today: string): FilingOverdue {
  if (f.state === 'due' && f.dueOn < today) return 'not_filed';
  if (f.state === 'filed' && f.reviewDueOn != null && f.reviewDueOn < today) return 'not_reviewed';
  return null;
}

export const filingOverdueNames: Record<Exclude<FilingOverdue, null>, string> = { not_filed: '逾期未报备', not_reviewed: '逾期未审查' };
