import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { calendarDays, checkPeriod, dayBefore, defaultPeriodRules } from './periods.ts';
import { normaliseForDuplicates, plainText } from './text.ts';

// Weekends off, plus 2026-10-01..07 off and no make-up days: enough to show working days are counted, not dates.
const holidays = new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']);
const isWorkingDay = (d: string) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays.has(d);
};
const calendar = {
  workingDaysBetween(from: string, to: string) {
    let n = 0;
    for (let d = from; d < to; ) {
      d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (isWorkingDay(d)) n++;
    }
    return n;
  },
};

test('30 days for major decisions and 规章, both ends counted', () => {
  const ok = checkPeriod({ kind: 'major_decision', opensOn: '2026-03-01', closesOn: '2026-03-30', shortenedReason: null }, defaultPeriodRules, calendar);
  assert.deepEqual(ok, { length: 30, minimum: 30, unit: 'calendar', shortened: false, problem: null });
  const short = checkPeriod({ kind: 'rule', opensOn: '2026-03-01', closesOn: '2026-03-29', shortenedReason: null }, defaultPeriodRules, calendar);
  assert.match(short.problem!, /规章草案征求意见期一般不少于 30 日（本次 29 日）/);
  const reasoned = checkPeriod({ kind: 'rule', opensOn: '2026-03-01', closesOn: '2026-03-10', shortenedReason: '防汛紧急需要' }, defaultPeriodRules, calendar);
  assert.equal(reasoned.problem, null);
  assert.equal(reasoned.shortened, true);
  const reversed = checkPeriod({ kind: 'other', opensOn: '2026-03-10', closesOn: '2026-03-01', shortenedReason: 'x' }, defaultPeriodRules, calendar);
  assert.match(reversed.problem!, /不能早于/);
});

test('7 working days for normative documents skip the National Day holiday', () => {
  // 2026-09-28 (Mon) … 10-09 (Fri): working days 9-28, 29, 30, 10-08, 09 = 5
  const r = checkPeriod({ kind: 'normative', opensOn: '2026-09-28', closesOn: '2026-10-09', shortenedReason: null }, defaultPeriodRules, calendar);
  assert.equal(r.length, 5);
  assert.match(r.problem!, /7 个工作日（本次 5 个工作日）/);
  const ok = checkPeriod({ kind: 'normative', opensOn: '2026-09-28', closesOn: '2026-10-13', shortenedReason: null }, defaultPeriodRules, calendar);
  assert.equal(ok.length, 7);
  assert.equal(ok.problem, null);
});

test('property: calendar length is one more than the day difference; a longer period never fails where a shorter passed', () => {
  const date = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  fc.assert(
    fc.property(date, fc.integer({ min: 0, max: 60 }), fc.constantFrom('major_decision', 'rule', 'normative', 'other' as const), (opensOn, extra, kind) => {
      const closesOn = new Date(Date.parse(`${opensOn}T00:00:00Z`) + extra * 86_400_000).toISOString().slice(0, 10);
      assert.equal(calendarDays(opensOn, closesOn), extra + 1);
      assert.equal(dayBefore(closesOn) < closesOn, true);
      const longer = new Date(Date.parse(`${closesOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const a = checkPeriod({ kind, opensOn, closesOn, shortenedReason: null }, defaultPeriodRules, calendar);
      const b = checkPeriod({ kind, opensOn, closesOn: longer, shortenedReason: null }, defaultPeriodRules, calendar);
      if (a.problem === null) assert.equal(b.problem, null);
      assert.ok(b.length >= a.length);
    }),
  );
});

test('user text: tags and scripts are removed; duplicates compare without spaces and punctuation', () => {
  assert.equal(plainText('<script>alert(1)</script>建议<b>删除</b>第三条'), '建议删除第三条');
  assert.equal(plainText('&lt;img src=x onerror=alert(1)&gt;好'), 'img src=x onerror=alert(1)好');
  assert.equal(normaliseForDuplicates('建议， 删除第三条！'), normaliseForDuplicates('建议删除第三条'));
  assert.equal(normaliseForDuplicates('ＡＢＣ'), 'abc');
  fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => !/[<>]/.test(plainText(s))));
});
