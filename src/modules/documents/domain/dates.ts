// Calendar-date helpers for the documents domain. Dates are `YYYY-MM-DD` text (DESIGN.md §6), compared
// as strings (the format sorts chronologically); instants are ISO-8601 UTC text.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2023-02-30, 2023-13-01, 23-1-1). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Throws a TypeError unless `value` is a real `YYYY-MM-DD` date; `label` names the argument. */
export function assertIsoDate(value: unknown, label: string): asserts value is string {
  if (!isIsoDate(value)) throw new TypeError(`${label}: expected a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  assertIsoDate(date, 'addDays');
  const t = Date.parse(`${date}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * `date` plus `years` calendar years; 29 February falls back to 28 February in a common year.
 */
export function addYears(date: string, years: number): string {
  assertIsoDate(date, 'addYears');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date in China (UTC+8, no daylight saving) of an ISO instant. */
export function toChinaDate(instant: string): string {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new TypeError(`toChinaDate: not an instant: ${JSON.stringify(instant)}`);
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 2024-03-01 → 2024年3月1日 (GB/T 9704 style: Arabic numerals, no leading zeros). */
export function formatZhDate(date: string): string {
  assertIsoDate(date, 'formatZhDate');
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2024-03-01 → 1 March 2024. */
export function formatEnDate(date: string): string {
  assertIsoDate(date, 'formatEnDate');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${EN_MONTHS[m - 1]} ${y}`;
}
