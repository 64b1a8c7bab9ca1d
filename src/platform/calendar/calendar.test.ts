import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { WorkingDayCalendar, dayNumber, defaultCalendar, fromDayNumber, isIsoDate, weekendsOnly, type CalendarOverride } from './calendar.ts';
import { sharedData } from '../../../test/support/shared-data.ts';

const HOLIDAYS = sharedData('holidays');
type YearFile = { year: number; days: { name: string; date: string; isOffDay: boolean }[] };
const yearFile = (year: number) => JSON.parse(readFileSync(join(HOLIDAYS, `${year}.json`), 'utf8')) as YearFile;

/** Every date of 2019–2026 with the answer of the State Council schedule files. */
function expectedDays(): { date: string; working: boolean }[] {
  const out = [];
  for (let year = 2019; year <= 2026; year += 1) {
    const special = new Map(yearFile(year).days.map((d) => [d.date, !d.isOffDay]));
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const weekday = new Date(t).getUTCDay();
      out.push({ date, working: special.get(date) ?? (weekday !== 0 && weekday !== 6) });
    }
  }
  return out;
}

test('the default calendar (chinese-days) agrees with the schedule files on every date of 2019–2026', () => {
  const wrong = expectedDays().filter((d) => defaultCalendar.isWorkingDay(d.date) !== d.working).map((d) => d.date);
  assert.deepEqual(wrong, []);
  for (let y = 2019; y <= 2026; y += 1) assert.ok(defaultCalendar.isScheduled(y));
});

test('a calendar of weekends plus the files as overrides (what an import builds) agrees on every date of 2019–2026', () => {
  const overrides: CalendarOverride[] = [];
  for (let y = 2019; y <= 2026; y += 1) for (const d of yearFile(y).days) overrides.push({ date: d.date, kind: d.isOffDay ? 'holiday' : 'workday', name: d.name });
  const cal = new WorkingDayCalendar({ base: weekendsOnly, overrides, loadedYears: [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] });
  const wrong = expectedDays().filter((d) => cal.isWorkingDay(d.date) !== d.working).map((d) => d.date);
  assert.deepEqual(wrong, []);
  assert.equal(cal.addWorkingDays('2026-09-30', 1).date, '2026-10-08', 'the National Day break ends on 7 October');
  assert.equal(cal.addWorkingDays('2026-12-20', 20).provisional, true, '2027 is not loaded');
  assert.equal(new WorkingDayCalendar({ base: weekendsOnly }).addWorkingDays('2026-03-02', 5).provisional, true);
});

test('known cases: start not counted, make-up weekend days count, holidays do not', () => {
  assert.deepEqual(defaultCalendar.addWorkingDays('2026-09-30', 1), { date: '2026-10-08', provisional: false });
  assert.deepEqual(defaultCalendar.addWorkingDays('2026-09-30', 0), { date: '2026-09-30', provisional: false });
  // 2026-10-10 (Saturday) is a make-up workday: the third working day after 30 September.
  assert.deepEqual(defaultCalendar.addWorkingDays('2026-09-30', 3), { date: '2026-10-10', provisional: false });
  assert.equal(defaultCalendar.isWorkingDay('2025-09-28'), true);
  assert.equal(defaultCalendar.isWorkingDay('2026-10-01'), false);
  // 11–13 February, Saturday 14 (make-up), the nine-day Spring Festival off, 24–27 February, Saturday 28 (make-up).
  assert.equal(defaultCalendar.workingDaysBetween('2026-02-10', '2026-02-28'), 9);
  const late = defaultCalendar.addWorkingDays('2026-12-20', 20);
  assert.equal(late.provisional, !defaultCalendar.isScheduled(2027));
  assert.equal(defaultCalendar.addWorkingDays('2026-12-30', 1).provisional, false, 'the walk stays in 2026');
  assert.equal(defaultCalendar.addWorkingDays('2026-12-31', 1).provisional, !defaultCalendar.isScheduled(2027));
});

test('an override wins over chinese-days, and a year marked loaded is no longer provisional', () => {
  const cal = new WorkingDayCalendar({
    overrides: [
      { date: '2026-10-09', kind: 'holiday', name: '测试' },
      { date: '2026-10-11', kind: 'workday' },
      { date: '2026-10-10', kind: 'holiday' },
    ],
    loadedYears: [2027],
  });
  assert.equal(cal.isWorkingDay('2026-10-09'), false);
  assert.equal(cal.isWorkingDay('2026-10-11'), true);
  assert.equal(cal.addWorkingDays('2026-09-30', 2).date, '2026-10-11');
  assert.equal(cal.addWorkingDays('2026-12-20', 20).provisional, false);
  assert.deepEqual(cal.day('2026-10-11'), { date: '2026-10-11', working: true, kind: 'workday', source: 'override', name: null, weekend: true });
  assert.deepEqual(cal.day('2026-10-01'), { date: '2026-10-01', working: false, kind: 'holiday', source: 'chinese-days', name: '国庆节', weekend: false });
  assert.deepEqual(cal.day('2026-10-12'), { date: '2026-10-12', working: true, kind: 'ordinary', source: null, name: null, weekend: false });
  const special = cal.specialDays(2026);
  assert.ok(special.some((d) => d.date === '2026-10-09' && d.source === 'override' && d.kind === 'holiday'));
  assert.ok(special.some((d) => d.date === '2026-01-04' && d.kind === 'workday' && d.source === 'chinese-days'));
  assert.ok(special.some((d) => d.date === '2026-10-03' && d.kind === 'holiday'), 'weekend days inside a holiday are listed');
  assert.ok(!special.some((d) => d.date === '2026-03-07'), 'an ordinary Saturday is not listed');
  assert.equal(special.length, 39 + 2, 'the 39 days of the 2026 notice, plus two new dates (10 October only changed kind)');
});

test('date validation: impossible dates are refused', () => {
  assert.equal(isIsoDate('2026-02-30'), false);
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2025-02-29'), false);
  assert.equal(isIsoDate('2026-2-3'), false);
  assert.throws(() => defaultCalendar.isWorkingDay('2026-13-01'), RangeError);
  assert.throws(() => defaultCalendar.addWorkingDays('2026-01-01', -1), RangeError);
  assert.throws(() => defaultCalendar.addWorkingDays('2026-01-01', 1.5), RangeError);
});

// ---- properties, on random calendars: random overrides on a random base

const dayArb = fc.integer({ min: dayNumber('2018-01-01'), max: dayNumber('2029-12-31') }).map(fromDayNumber);
const calendarArb = fc
  .record({
    weekendsBase: fc.boolean(),
    overrides: fc.array(fc.record({ date: dayArb, kind: fc.constantFrom('holiday' as const, 'workday' as const) }), { maxLength: 60 }),
    loaded: fc.array(fc.integer({ min: 2018, max: 2031 }), { maxLength: 4 }),
  })
  .map(({ weekendsBase, overrides, loaded }) => new WorkingDayCalendar({ base: weekendsBase ? weekendsOnly : undefined, overrides, loadedYears: loaded }));

/** The obvious day-by-day walk, as the reference for the precomputed one. */
function naiveAdd(cal: WorkingDayCalendar, date: string, n: number) {
  let d = dayNumber(date);
  let provisional = false;
  for (let left = n; left > 0; ) {
    d += 1;
    const s = fromDayNumber(d);
    if (!cal.isScheduled(Number(s.slice(0, 4)))) provisional = true;
    if (cal.isWorkingDay(s)) left -= 1;
  }
  return { date: fromDayNumber(d), provisional };
}

test('property: addWorkingDays equals the day-by-day walk, lands on a working day and is counted back by workingDaysBetween', () => {
  fc.assert(
    fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 800 }), (cal, start, n) => {
      const r = cal.addWorkingDays(start, n);
      assert.deepEqual(r, naiveAdd(cal, start, n));
      assert.equal(cal.workingDaysBetween(start, r.date), n);
      if (n > 0) {
        assert.ok(r.date > start);
        assert.ok(cal.isWorkingDay(r.date));
      }
    }),
    { numRuns: 300 },
  );
});

test('property: adding a then b is adding a + b; more days never end earlier', () => {
  fc.assert(
    fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (cal, start, a, b) => {
      const ab = cal.addWorkingDays(start, a + b);
      const first = cal.addWorkingDays(start, a);
      const then = cal.addWorkingDays(first.date, b);
      assert.equal(then.date, ab.date);
      assert.equal(first.provisional || then.provisional, ab.provisional);
      assert.ok(cal.addWorkingDays(start, a).date <= cal.addWorkingDays(start, a + 1).date);
      assert.ok(ab.date >= first.date);
    }),
    { numRuns: 300 },
  );
});

test('property: workingDaysBetween counts the working days in (from, to] and is additive', () => {
  fc.assert(
    fc.property(calendarArb, dayArb, fc.integer({ min: -20, max: 400 }), fc.integer({ min: 0, max: 400 }), (cal, from, span, more) => {
      const to = fromDayNumber(dayNumber(from) + span);
      let count = 0;
      for (let d = dayNumber(from) + 1; d <= dayNumber(to); d += 1) if (cal.isWorkingDay(fromDayNumber(d))) count += 1;
      assert.equal(cal.workingDaysBetween(from, to), count);
      if (span >= 0) {
        const beyond = fromDayNumber(dayNumber(to) + more);
        assert.equal(cal.workingDaysBetween(from, beyond), cal.workingDaysBetween(from, to) + cal.workingDaysBetween(to, beyond));
      }
    }),
    { numRuns: 200 },
  );
});
