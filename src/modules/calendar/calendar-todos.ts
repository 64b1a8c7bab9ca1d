// The November reminder: from 1 November (Beijing) until next year's schedule is loaded, system administrators see
// "请导入 YYYY 年节假日安排" on 工作待办. The State Council publishes the schedule between late October and early
// December; until it is loaded, every deadline that runs into next year is computed from weekends only (provisional).
import type { TodoItem, TodoProvider } from '../documents/index.ts';
import type { CalendarService } from './calendar.service.ts';

export const CALENDAR_SCHEDULE_TODO = 'calendar_schedule';

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function calendarTodos(calendar: Pick<CalendarService, 'snapshot' | 'canManage'>): TodoProvider {
  return {
    kind: CALENDAR_SCHEDULE_TODO,
    name: '工作日历',
    async list(actor, today) {
      if (!calendar.canManage(actor)) return [];
      if (Number(today.slice(5, 7)) < 11) return [];
      const next = Number(today.slice(0, 4)) + 1;
      if ((await calendar.snapshot()).isScheduled(next)) return [];
      const dueOn = `${next - 1}-12-31`;
      const daysLeft = daysBetween(today, dueOn);
      const item: TodoItem = {
        kind: CALENDAR_SCHEDULE_TODO,
        id: `calendar-${next}`,
        title: `请导入 ${next} 年节假日安排`,
        detail: `国务院办公厅通常在 10 月下旬至 12 月上旬发布下一年的节假日安排。导入前，延伸到 ${next} 年的期限只按周末推算，标为“暂定”。`,
        organisationId: null,
        organisationName: null,
        dueOn,
        daysLeft,
        urgent: daysLeft <= 14,
        href: `/calendar?year=${next}`,
      };
      return [item];
    },
  };
}
