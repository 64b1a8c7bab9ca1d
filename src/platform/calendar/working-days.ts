// Working days in mainland China from the State Council holiday schedule (chinese-days). Admin overrides per date
// and yearly imports belong here too once the calendar module exists (DESIGN.md §3); until then the package's
// schedule is the answer, and a date in a year it does not cover is computed from weekends only and marked provisional.
import chineseDays from 'chinese-days';

/** Whether `date` (YYYY-MM-DD) is a working day, counting 调休 weekend working days. */
export function isWorkingDay(date: string): boolean {
  return chineseDays.isWorkday(date);
}

let scheduledYears: Set<number> | null = null;

/** Whether the holiday schedule of `year` is known (otherwise working days there are provisional). */
export function hasSchedule(year: number): boolean {
  // Found on first use rather than at import: most processes (the CLI, most requests) never ask.
  if (!scheduledYears) {
    scheduledYears = new Set<number>();
    for (let y = 2004; y <= 2100; y += 1) if (chineseDays.getHolidaysInRange(`${y}-01-01`, `${y}-12-31`, false).length > 0) scheduledYears.add(y);
  }
  return scheduledYears.has(year);
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The n-th working day after `date` (the start date itself is not counted; n = 0 gives the date itself).
 * `provisional` when any day walked over lies in a year whose schedule is not known.
 */
export function addWorkingDays(date: string, n: number): { date: string; provisional: boolean } {
  let d = date;
  let provisional = false;
  for (let left = n; left > 0; ) {
    d = nextDay(d);
    if (!hasSchedule(Number(d.slice(0, 4)))) provisional = true;
    if (isWorkingDay(d)) left -= 1;
  }
  return { date: d, provisional };
}
