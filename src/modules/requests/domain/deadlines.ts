// The deadline engine (pure): due dates of a case computed from its event ledger, never typed in (条例 Art. 30, 32,
// 33, 34; 国办函〔2020〕109号). Every figure comes with a Chinese explanation step, shown on the case page.
//
// Rules (docs/requests.md "Deadlines"):
// - the answer is due `answerDays` (20) working days after receipt; a correction restarts the count from the day the
//   corrected application is received, discarding everything before;
// - while a correction is requested the clock stops (no answer due date);
// - working days inside a consultation (sent → answered) or a fee notice (notified → paid) are not counted: a pause
//   from S to E removes the working days in (S, E]; an open pause counts up to today;
// - an approved extension adds its days (≤ 20, once);
// - third-party and co-producer consultations are due `consultationDays` (15) working days after sending;
// - fees are due `feePaymentDays` (20) working days after the notice (from the day after, [S]);
// - the one-time correction notice is due `correctionNoticeDays` (7) working days after receipt; the applicant's
//   correction is due on the date the notice states, or `correctionReplyDays` (15) working days after it [S].
import type { WorkingDays } from '../../../platform/calendar/types.ts';
import type { DeadlineStep, Deadlines, DueDate } from '../requests.dto.ts';
import type { CaseEventType } from './model.ts';

export interface DeadlineEvent {
  type: CaseEventType;
  /** The date the event takes effect (Beijing), YYYY-MM-DD. */
  occurredOn: string;
  payload?: Record<string, unknown>;
}

export interface DeadlineRules {
  answerDays: number;
  correctionNoticeDays: number;
  correctionReplyDays: number;
  consultationDays: number;
  feePaymentDays: number;
  /** Working days before the due date at which a case counts as near-due. */
  nearDays: number;
}

export const defaultDeadlineRules: DeadlineRules = {
  answerDays: 20,
  correctionNoticeDays: 7,
  correctionReplyDays: 15,
  consultationDays: 15,
  feePaymentDays: 20,
  nearDays: 3,
};

const CONCLUDING = new Set<CaseEventType>(['answered', 'correction_lapsed', 'fee_lapsed', 'withdrawn', 'transferred']);
const str = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

export function computeDeadlines(events: readonly DeadlineEvent[], today: string, cal: WorkingDays, rules: DeadlineRules = defaultDeadlineRules): Deadlines {
  const steps: DeadlineStep[] = [];
  let provisional = false;
  const add = (date: string, n: number): DueDate => {
    const r = cal.addWorkingDays(date, n);
    provisional ||= r.provisional;
    return { date: r.date, provisional: r.provisional };
  };
  let start: string | null = null;
  let paused = 0;
  let extension = 0;
  let pause: { kind: 'consultation' | 'fee'; from: string } | null = null;
  let correction: DueDate | null = null;
  let correctionNotice: DueDate | null = null;
  let consultationDue: DueDate | null = null;
  let feeDue: DueDate | null = null;
  let concluded: string | null = null;

  for (const e of events) {
    if (concluded) break;
    const on = e.occurredOn;
    const p = e.payload ?? {};
    switch (e.type) {
      case 'registered':
        start = on;
        correctionNotice = add(on, rules.correctionNoticeDays);
        steps.push({ label: `收到申请 ${on}，自次日起计算 ${rules.answerDays} 个工作日`, date: on, workingDays: rules.answerDays });
        break;
      case 'correction_requested':
        correction = str(p.dueOn) ? { date: str(p.dueOn)!, provisional: false } : add(on, rules.correctionReplyDays);
        correctionNotice = null;
        steps.push({ label: `${on} 发出补正告知，答复期限中止；申请人应于 ${correction.date} 前补正`, date: on });
        break;
      case 'corrected':
        start = on;
        paused = 0;
        correction = null;
        steps.push({ label: `${on} 收到补正后的申请，自次日重新起算 ${rules.answerDays} 个工作日`, date: on, workingDays: rules.answerDays });
        break;
      case 'consultation_started':
      case 'fee_notified': {
        const kind = e.type === 'fee_notified' ? 'fee' : 'consultation';
        pause = { kind, from: on };
        if (kind === 'fee') {
          feeDue = add(on, rules.feePaymentDays);
          steps.push({ label: `${on} 发出收费通知，答复期限暂停；申请人应于 ${feeDue.date} 前缴费（${rules.feePaymentDays} 个工作日）`, date: on });
        } else {
          consultationDue = add(on, rules.consultationDays);
          steps.push({ label: `${on} 发出征求意见，答复期限暂停；对方应于 ${consultationDue.date} 前答复（${rules.consultationDays} 个工作日）`, date: on });
        }
        break;
      }
      case 'consultation_answered':
      case 'fee_paid': {
        if (!pause) break;
        const n = cal.workingDaysBetween(pause.from, on);
        paused += n;
        steps.push({ label: `${on} ${e.type === 'fee_paid' ? '缴费' : '收到征求意见答复'}，暂停期间 ${n} 个工作日不计入`, date: on, workingDays: n });
        pause = null;
        if (e.type === 'fee_paid') feeDue = null;
        else consultationDue = null;
        break;
      }
      case 'extension_approved': {
        const days = typeof p.days === 'number' ? p.days : 0;
        extension += days;
        steps.push({ label: `${on} 经政务公开工作机构负责人同意延期 ${days} 个工作日`, date: on, workingDays: days });
        break;
      }
      default:
        if (CONCLUDING.has(e.type)) concluded = on;
    }
  }

  if (pause && !concluded) {
    const n = cal.workingDaysBetween(pause.from, today > pause.from ? today : pause.from);
    paused += n;
    steps.push({ label: `${pause.kind === 'fee' ? '待缴费' : '征求意见中'}：截至 ${today} 已暂停 ${n} 个工作日，答复期限相应顺延`, workingDays: n });
  }

  let due: DueDate | null = null;
  if (start && !correction) {
    const total = rules.answerDays + paused + extension;
    due = add(start, total);
    due = { date: due.date, provisional };
    steps.push({
      label: `答复期限：${rules.answerDays} 个工作日${paused ? ` + 暂停 ${paused}` : ''}${extension ? ` + 延期 ${extension}` : ''} = ${total} 个工作日，自 ${start} 次日起算，至 ${due.date}${provisional ? '（跨入尚未公布放假安排的年份，暂按周末计算）' : ''}`,
      date: due.date,
      workingDays: total,
    });
  } else if (correction) {
    steps.push({ label: '待补正：答复期限中止，收到补正后重新起算' });
  }

  if (concluded) {
    return {
      answerDue: null,
      answerDueWas: due,
      concludedOn: concluded,
      onTime: due ? concluded <= due.date : null,
      correctionDue: null,
      correctionNoticeDue: null,
      consultationDue: null,
      feePaymentDue: null,
      pausedWorkingDays: paused,
      extensionDays: extension,
      urgency: 'ok',
      steps,
    };
  }

  let urgency: Deadlines['urgency'] = 'ok';
  if (due) {
    if (today > due.date) urgency = 'overdue';
    else if (cal.workingDaysBetween(today, due.date) <= rules.nearDays) urgency = 'near';
  }
  return {
    answerDue: due,
    answerDueWas: null,
    concludedOn: null,
    onTime: null,
    correctionDue: correction,
    correctionNoticeDue: correction || events.some((e) => e.type === 'correction_requested' || e.type === 'accepted') ? null : correctionNotice,
    consultationDue,
    feePaymentDue: feeDue,
    pausedWorkingDays: paused,
    extensionDays: extension,
    urgency,
    steps,
  };
}
