import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { addWorkingDays, hasSchedule, isWorkingDay } from './working-days.ts';
import { sharedData } from '../../../test/support/shared-data.ts';

const HOLIDAYS = sharedData('holidays');
type YearFile = { days: { date: string; isOffDay: boolean }[] };

test('every date of 2019–2026 is a working day exactly when the State Council schedule says so', () => {
  const mismatches: string[] = [];
  for (let year = 2019; year <= 2026; year += 1) {
    const file = JSON.parse(readFileSync(join(HOLIDAYS, `${year}.json`), 'utf8')) as YearFile;
    const special = new Map(file.days.map((d) => [d.date, !d.isOffDay]));
    for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const weekday = new Date(t).getUTCDay();
      const expected = special.get(date) ?? (weekday !== 0 && weekday !== 6);
      if (isWorkingDay(date) !== expected) mismatches.push(date);
    }
    assert.ok(hasSchedule(year), `${year} has a schedule`);
  }
  assert.deepEqual(mismatches, []);
});

test('addWorkingDays: the start is not counted, the result is a working day with exactly n working days up to it', () => {
  const day = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2026, 10, 30) }).map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
  fc.assert(
    fc.property(day, fc.integer({ min: 1, max: 40 }), (start, n) => {
      const { date } = addWorkingDays(start, n);
      assert.ok(date > start);
      assert.ok(isWorkingDay(date));
      let count = 0;
      for (let t = Date.parse(`${start}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${date}T00:00:00Z`); t += 86_400_000) if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) count += 1;
      assert.equal(count, n);
    }),
  );
});

test('known cases: a make-up Sunday counts, the National Day week does not, a year without a schedule is provisional', () => {
  assert.deepEqual(addWorkingDays('2026-09-30', 1), { date: '2026-10-08', provisional: false });
  assert.equal(isWorkingDay('2025-09-28'), true, 'Sunday 2025-09-28 was a make-up working day');
  assert.deepEqual(addWorkingDays('2024-01-01', 0), { date: '2024-01-01', provisional: false });
  const beyond = addWorkingDays('2026-12-20', 20);
  assert.equal(beyond.provisional, hasSchedule(2027) ? false : true);
});
