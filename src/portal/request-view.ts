// How the tracking page words a case for the applicant: dates, what the state means and what to do next. Pure.
import type { CaseState, PublicCaseView } from '../modules/requests/index.ts';

/** `2026-03-02` → `2026年3月2日`; anything else passes through. */
export function chineseDate(date: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : (date ?? '');
}

/** One sentence per state, in plain Chinese, saying where the application stands. */
export const stateExplanations: Record<CaseState, string> = {
  registered: '行政机关已收到申请，正在审查申请内容。',
  correction_requested: '申请内容需要补正。请按下方要求在期限内提交补正；补正前答复期限中止，收到补正后重新计算。',
  in_progress: '申请已受理，正在办理。',
  consulting: '行政机关正在征求第三方或其他机关的意见，征求意见的时间不计入答复期限。',
  fee_notice: '行政机关已发出收费通知，请在期限内缴费；缴费前答复期限暂停计算。',
  legal_review: '正在办理，即将作出答复。',
  answered: '行政机关已作出答复。',
  delivered: '答复已送达。',
  archived: '申请已办结。',
  abandoned: '因逾期未补正或未缴费，申请视为放弃，行政机关不再处理。',
  withdrawn: '申请已撤回，行政机关不再处理。',
  transferred: '该申请已转由其他行政机关办理。',
};

/** The applicant-facing name of the state: internal review reads as "办理中". */
export const publicStateName = (view: Pick<PublicCaseView, 'state' | 'stateName'>): string => (view.state === 'legal_review' ? '办理中' : view.stateName);

/** States in which the applicant may still withdraw (the lifecycle decides; this only hides the button elsewhere). */
export const withdrawableStates: readonly CaseState[] = ['registered', 'correction_requested', 'in_progress', 'consulting', 'fee_notice', 'legal_review'];

/** Valid-looking tracking input: numbers like YS-2026-000123 and 10-character codes, upper-cased. */
export function normaliseTracking(trackingNo: string | undefined, code: string | undefined): { trackingNo: string; code: string } {
  return { trackingNo: (trackingNo ?? '').trim().toUpperCase().slice(0, 60), code: (code ?? '').replace(/\s+/g, '').toUpperCase().slice(0, 64) };
}
