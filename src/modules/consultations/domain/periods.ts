// Minimum comment periods by kind of draft (domain.md §6.5): 30 days for major administrative decisions and 规章,
// 7 working days for normative documents; all configurable. A shorter period needs a recorded reason.
import type { WorkingDays } from '../../../platform/calendar/types.ts';

export const consultationKinds = ['major_decision', 'rule', 'normative', 'other'] as const;
export type ConsultationKind = (typeof consultationKinds)[number];
export const kindNames: Record<ConsultationKind, string> = {
  major_decision: '重大行政决策',
  rule: '规章',
  normative: '行政规范性文件',
  other: '其他',
};

export type PeriodRule = { days: number; unit: 'calendar' | 'working' };
export type PeriodRules = Record<ConsultationKind, PeriodRule>;
export const defaultPeriodRules: PeriodRules = {
  major_decision: { days: 30, unit: 'calendar' },
  rule: { days: 30, unit: 'calendar' },
  normative: { days: 7, unit: 'working' },
  other: { days: 7, unit: 'calendar' },
};

export type PeriodInput = { kind: ConsultationKind; opensOn: string; closesOn: string; shortenedReason: string | null };
export type PeriodCheck = { length: number; minimum: number; unit: PeriodRule['unit']; shortened: boolean; problem: string | null };

const DAY = 86_400_000;
export const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
export const calendarDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;

/** The period's length (both ends counted) against the kind's minimum. */
export function checkPeriod(input: PeriodInput, rules: PeriodRules, calendar: Pick<WorkingDays, 'workingDaysBetween'>): PeriodCheck {
  const rule = rules[input.kind];
  if (input.closesOn < input.opensOn) return { length: 0, minimum: rule.days, unit: rule.unit, shortened: false, problem: '截止日期不能早于开始日期' };
  const length = rule.unit === 'calendar' ? calendarDays(input.opensOn, input.closesOn) : calendar.workingDaysBetween(dayBefore(input.opensOn), input.closesOn);
  const unitName = rule.unit === 'calendar' ? '日' : '个工作日';
  if (length >= rule.days) return { length, minimum: rule.days, unit: rule.unit, shortened: false, problem: null };
  const reason = input.shortenedReason?.trim() ?? '';
  if (reason.length >= 4) return { length, minimum: rule.days, unit: rule.unit, shortened: true, problem: null };
  return {
    length,
    minimum: rule.days,
    unit: rule.unit,
    shortened: true,
    problem: `${kindNames[input.kind]}草案征求意见期一般不少于 ${rule.days} ${unitName}（本次 ${length} ${unitName}）；缩短须填写理由（至少 4 个字）`,
  };
}

/** GONGKAI_CONSULTATION_MIN_DAYS: kinds left out keep their defaults; a bad entry throws with what is allowed. */
export function parsePeriodRules(json: string): PeriodRules {
  const raw = JSON.parse(json) as Record<string, { days?: unknown; unit?: unknown }>;
  const out: PeriodRules = { ...defaultPeriodRules };
  for (const [kind, rule] of Object.entries(raw)) {
    if (!(consultationKinds as readonly string[]).includes(kind)) throw new Error(`未知的草案类别 ${kind}`);
    const days = rule?.days;
    const unit = rule?.unit ?? 'calendar';
    if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > 365 || (unit !== 'calendar' && unit !== 'working')) {
      throw new Error(`${kind}：days 应为 1–365 的整数，unit 为 calendar 或 working`);
    }
    out[kind as ConsultationKind] = { days: days as number, unit };
  }
  return out;
}
