// The working-day calendar as a value: a base schedule (chinese-days by default) plus the administrators' overrides
// (date → holiday | make-up workday) and the years whose schedule an import or an administrator marked as loaded.
// An override wins over the base. Everything is precomputed per year on first use (a flag per day and a running
// count), so addWorkingDays and workingDaysBetween cost a binary search per year crossed, never a database call.
import chineseDays from 'chinese-days';
import type { WorkingDayResult, WorkingDays } from './types.ts';

export type OverrideKind = 'holiday' | 'workday';

/** What the base schedule says about one date: a working day or not, and the holiday's name when it has one. */
export interface BaseSchedule {
  /** Short name, e.g. chinese-days; shown as the source of a day. */
  readonly name: string;
  /** Whether `year` is covered by the official schedule (otherwise only weekends count there). */
  hasSchedule(year: number): boolean;
  /** Working flag and, for days the schedule lists (holidays and make-up workdays), the holiday's name. */
  day(date: string): { working: boolean; listed: boolean; name: string | null };
}

export type CalendarOverride = { date: string; kind: OverrideKind; name?: string | null };

/** How a day comes out: kind and where the answer came from. */
export type DayInfo = {
  date: string;
  working: boolean;
  /** ordinary = weekday at work or weekend at rest; holiday = a rest day of the schedule; workday = make-up workday (调休上班). */
  kind: 'ordinary' | 'holiday' | 'workday';
  source: 'chinese-days' | 'override' | null;
  name: string | null;
  weekend: boolean;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `date` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC) of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** The YYYY-MM-DD date of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

const isWeekend = (dayNo: number) => {
  const w = (((dayNo + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
  return w === 0 || w === 6;
};

/** Weekends only: the schedule of a year nobody loaded. */
export const weekendsOnly: BaseSchedule = {
  name: 'weekends',
  hasSchedule: () => false,
  day: (date) => ({ working: !isWeekend(dayNumber(date)), listed: false, name: null }),
};

let chineseDaysYears: Set<number> | null = null;

/** The State Council schedules bundled in the chinese-days package (2004 to the package's last year). */
export const chineseDaysBase: BaseSchedule = {
  name: 'chinese-days',
  hasSchedule(year) {
    // Found on first use: a year counts when the package lists any weekday holiday in it.
    if (!chineseDaysYears) {
      chineseDaysYears = new Set<number>();
      for (let y = 2004; y <= 2100; y += 1) if (chineseDays.getHolidaysInRange(`${y}-01-01`, `${y}-12-31`, false).length > 0) chineseDaysYears.add(y);
    }
    return chineseDaysYears.has(year);
  },
  day(date) {
    const detail = chineseDays.getDayDetail(date) as { work: boolean; name: string };
    // Listed days carry "English,中文,days" as their name; other days the weekday's English name.
    const parts = detail.name.split(',');
    const listed = parts.length >= 2;
    return { working: detail.work, listed, name: listed ? (parts[1] ?? null) : null };
  },
};

type YearData = {
  year: number;
  start: number;
  /** cum[i] = working days among the first i days of the year. */
  cum: Int32Array;
  working: Uint8Array;
  scheduled: boolean;
};

/** Base years are the same for every calendar built on the same base: computed once per process. */
const baseCache = new WeakMap<BaseSchedule, Map<number, Uint8Array>>();

function baseYear(base: BaseSchedule, year: number): Uint8Array {
  let years = baseCache.get(base);
  if (!years) baseCache.set(base, (years = new Map()));
  let flags = years.get(year);
  if (!flags) {
    const start = Date.UTC(year, 0, 1) / DAY_MS;
    const length = Date.UTC(year + 1, 0, 1) / DAY_MS - start;
    flags = new Uint8Array(length);
    for (let i = 0; i < length; i += 1) flags[i] = base.day(fromDayNumber(start + i)).working ? 1 : 0;
    years.set(year, flags);
  }
  return flags;
}

export type CalendarInput = {
  overrides?: Iterable<CalendarOverride>;
  /** Years marked loaded by an import or an administrator (in addition to the base's own years). */
  loadedYears?: Iterable<number>;
  base?: BaseSchedule;
};

/** An immutable working-day calendar; build a new one when the overrides change. */
export class WorkingDayCalendar implements WorkingDays {
  readonly base: BaseSchedule;
  private readonly overrides = new Map<string, CalendarOverride>();
  private readonly loaded: Set<number>;
  private readonly years = new Map<number, YearData>();

  constructor(input: CalendarInput = {}) {
    this.base = input.base ?? chineseDaysBase;
    for (const o of input.overrides ?? []) {
      if (!isIsoDate(o.date)) throw new RangeError(`not a date: ${o.date}`);
      this.overrides.set(o.date, o);
    }
    this.loaded = new Set(input.loadedYears ?? []);
  }

  /** Whether the official schedule of `year` is known (the base covers it, or it was imported/marked loaded). */
  isScheduled(year: number): boolean {
    return this.loaded.has(year) || this.base.hasSchedule(year);
  }

  isWorkingDay(date: string): boolean {
    const n = dayNumber(date);
    const y = this.year(Number(date.slice(0, 4)));
    return y.working[n - y.start] === 1;
  }

  addWorkingDays(date: string, n: number): WorkingDayResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer: ${n}`);
    const startNo = dayNumber(date);
    if (n === 0) return { date, provisional: false };
    let year = Number(date.slice(0, 4));
    let y = this.year(year);
    // Index (in its year) of the last day already passed: the start date itself is not counted.
    let passed = startNo - y.start;
    let left = n;
    let provisional = false;
    for (;;) {
      const available = y.cum[y.cum.length - 1]! - y.cum[passed + 1]!;
      // Days walked from here on belong to this year, unless the walk starts on 31 December.
      if (passed + 1 < y.working.length && !y.scheduled) provisional = true;
      if (left <= available) {
        const target = y.cum[passed + 1]! + left;
        // Smallest index j > passed with cum[j + 1] == target.
        let lo = passed + 1;
        let hi = y.working.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (y.cum[mid + 1]! >= target) hi = mid;
          else lo = mid + 1;
        }
        return { date: fromDayNumber(y.start + lo), provisional };
      }
      left -= available;
      year += 1;
      y = this.year(year);
      passed = -1;
    }
  }

  workingDaysBetween(from: string, to: string): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (b <= a) return 0;
    return this.countThrough(b) - this.countThrough(a);
  }

  /** What a date is and where the answer came from (for listings). */
  day(date: string): DayInfo {
    const n = dayNumber(date);
    const weekend = isWeekend(n);
    const o = this.overrides.get(date);
    if (o) return { date, working: o.kind === 'workday', kind: o.kind === 'workday' ? (weekend ? 'workday' : 'ordinary') : 'holiday', source: 'override', name: o.name ?? null, weekend };
    const b = this.base.day(date);
    if (b.working && weekend) return { date, working: true, kind: 'workday', source: 'chinese-days', name: b.name, weekend };
    if (!b.working && (!weekend || b.listed)) return { date, working: false, kind: 'holiday', source: 'chinese-days', name: b.name, weekend };
    return { date, working: b.working, kind: 'ordinary', source: null, name: null, weekend };
  }

  /**
   * The days of `year` that are not ordinary or that an override names: holidays (including weekend days inside a
   * holiday period of the base schedule), make-up workdays, and every overridden date.
   */
  specialDays(year: number): DayInfo[] {
    const start = Date.UTC(year, 0, 1) / DAY_MS;
    const end = Date.UTC(year + 1, 0, 1) / DAY_MS;
    const out: DayInfo[] = [];
    for (let n = start; n < end; n += 1) {
      const info = this.day(fromDayNumber(n));
      if (info.kind !== 'ordinary' || info.source === 'override') out.push(info);
    }
    return out;
  }

  /** Working days from 1 January of ORIGIN_YEAR through the date (negative before it); only differences are used. */
  private countThrough(dayNo: number): number {
    const year = Number(fromDayNumber(dayNo).slice(0, 4));
    const y = this.year(year);
    let total = y.cum[dayNo - y.start + 1]!;
    for (let yr = ORIGIN_YEAR; yr < year; yr += 1) total += this.yearTotal(yr);
    for (let yr = year; yr < ORIGIN_YEAR; yr += 1) total -= this.yearTotal(yr);
    return total;
  }

  private yearTotal(year: number): number {
    const y = this.year(year);
    return y.cum[y.cum.length - 1]!;
  }

  private year(year: number): YearData {
    let y = this.years.get(year);
    if (y) return y;
    const start = Date.UTC(year, 0, 1) / DAY_MS;
    const working = Uint8Array.from(baseYear(this.base, year));
    for (const o of this.overrides.values()) {
      if (Number(o.date.slice(0, 4)) !== year) continue;
      working[dayNumber(o.date) - start] = o.kind === 'workday' ? 1 : 0;
    }
    const cum = new Int32Array(working.length + 1);
    for (let i = 0; i < working.length; i += 1) cum[i + 1] = cum[i]! + working[i]!;
    y = { year, start, cum, working, scheduled: this.isScheduled(year) };
    this.years.set(year, y);
    return y;
  }
}

/** workingDaysBetween sums whole years from this origin; any fixed year works, a near one keeps the loops short. */
const ORIGIN_YEAR = 2020;

/** The calendar with the bundled schedule and no overrides (what the free functions in working-days.ts answer). */
export const defaultCalendar = new WorkingDayCalendar();
