// Working days in mainland China from the State Council holiday schedule bundled in chinese-days, without the
// administrators' overrides: the default calendar (calendar.ts). Server code that should honour overrides and
// imported schedules takes the calendar module's snapshot instead (`services.calendar.current()`, docs/calendar.md);
// these free functions stay for code without services (the admin app's form hints, pure tests).
import { defaultCalendar } from './calendar.ts';

/** Whether `date` (YYYY-MM-DD) is a working day, counting 调休 weekend working days. */
export function isWorkingDay(date: string): boolean {
  return defaultCalendar.isWorkingDay(date);
}

/** Whether the holiday schedule of `year` is known (otherwise working days there are provisional). */
export function hasSchedule(year: number): boolean {
  return defaultCalendar.isScheduled(year);
}

/**
 * The n-th working day after `date` (the start date itself is not counted; n = 0 gives the date itself).
 * `provisional` when any day walked over lies in a year whose schedule is not known.
 */
export function addWorkingDays(date: string, n: number): { date: string; provisional: boolean } {
  return defaultCalendar.addWorkingDays(date, n);
}
