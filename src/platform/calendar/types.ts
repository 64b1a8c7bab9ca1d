// The working-day calendar as the rest of the code sees it. The implementation combines chinese-days with the
// administrators' overrides (platform/calendar); deadline engines take this interface so tests can pass any schedule.

export interface WorkingDayResult {
  date: string;
  /** True when the walk crossed a year whose official schedule is not loaded (weekends only were used there). */
  provisional: boolean;
}

export interface WorkingDays {
  /** Whether `date` (YYYY-MM-DD) is a working day; a make-up Saturday or Sunday (调休上班) is one. */
  isWorkingDay(date: string): boolean;
  /** The n-th working day after `date`; the start date itself is not counted; n = 0 gives `date`. */
  addWorkingDays(date: string, n: number): WorkingDayResult;
  /** Working days in (from, to]: the count of working days after `from` up to and including `to` (0 if to ≤ from). */
  workingDaysBetween(from: string, to: string): number;
}
