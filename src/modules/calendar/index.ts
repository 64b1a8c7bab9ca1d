// The working-day calendar module's public surface. Deadline code takes `services.calendar.current()` (a
// WorkingDays snapshot) or `await services.calendar.snapshot()` (re-reads when another instance changed it); see docs/calendar.md.
export { CalendarService, MAX_WORKING_DAYS, noticeTitle, type CalendarOptions, type OverrideInput, type OverrideDto, type CalendarDayDto, type YearStatusDto, type ImportResult } from './calendar.service.ts';
export { calendarRoutes } from './calendar.routes.ts';
export { calendarTodos, CALENDAR_SCHEDULE_TODO } from './calendar-todos.ts';
export { parseScheduleFile, type ScheduleFile, type ScheduleDay } from './schedule-file.ts';
export type { OverrideKind, YearSource } from './calendar.tables.ts';
