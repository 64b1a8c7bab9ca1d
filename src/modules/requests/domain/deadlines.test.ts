import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { WorkingDays } from '../../../platform/calendar/types.ts';
import { defaultWorkingDays } from '../../../platform/calendar/default.ts';
import { computeDeadlines, type DeadlineEvent } from './deadlines.ts';

// A fake calendar: Monday–Friday are working days, nothing else (no holidays), so hand counts are easy.
const day = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const fake: WorkingDays = {
  isWorkingDay: (d) => day(d) !== 0 && day(d) !== 6,
  addWorkingDays(d, n) {
    let x = d;
    for (let left = n; left > 0; ) {
      x = next(x);
      if (fake.isWorkingDay(x)) left -= 1;
    }
    return { date: x, provisional: false };
  },
  workingDaysBetween(from, to) {
    let n = 0;
    for (let x = from; x < to; ) {
      x = next(x);
      if (fake.isWorkingDay(x)) n += 1;
    }
    return n;
  },
};
const ev = (type: DeadlineEvent['type'], occurredOn: string, payload: Record<string, unknown> = {}): DeadlineEvent => ({ type, occurredOn, payload });

describe('deadlines on a weekdays-only calendar', () => {
  test('20 working days after receipt; correction notice within 7', () => {
    // 2026-03-02 is a Monday: +20 weekdays = Monday 2026-03-30; +7 = Wednesday 2026-03-11.
    const d = computeDeadlines([ev('registered', '2026-03-02')], '2026-03-03', fake);
    assert.deepEqual(d.answerDue, { date: '2026-03-30', provisional: false });
    assert.deepEqual(d.correctionNoticeDue, { date: '2026-03-11', provisional: false });
    assert.equal(d.urgency, 'ok');
    assert.match(d.steps.at(-1)!.label, /20 个工作日.*2026-03-30/);
  });
  test('a correction stops the clock and restarts it from the corrected application', () => {
    const asked = [ev('registered', '2026-03-02'), ev('correction_requested', '2026-03-04')];
    const stopped = computeDeadlines(asked, '2026-03-05', fake);
    assert.equal(stopped.answerDue, null);
    assert.deepEqual(stopped.correctionDue, { date: '2026-03-25', provisional: false }, 'default: 15 working days after the notice');
    const withDue = computeDeadlines([ev('registered', '2026-03-02'), ev('correction_requested', '2026-03-04', { dueOn: '2026-03-20' })], '2026-03-05', fake);
    assert.equal(withDue.correctionDue?.date, '2026-03-20');
    const restarted = computeDeadlines([...asked, ev('corrected', '2026-03-10'), ev('accepted', '2026-03-10')], '2026-03-11', fake);
    // Tue 2026-03-10 + 20 weekdays = Tue 2026-04-07.
    assert.equal(restarted.answerDue?.date, '2026-04-07');
    assert.equal(restarted.correctionNoticeDue, null);
  });
  test('consultation and fee periods are not counted; extension added', () => {
    const events = [
      ev('registered', '2026-03-02'),
      ev('accepted', '2026-03-02'),
      ev('consultation_started', '2026-03-04', { kind: 'third_party' }), // Wed
      ev('consultation_answered', '2026-03-11'), // next Wed: 5 working days paused (Thu..Wed)
      ev('extension_approved', '2026-03-12', { days: 10 }),
    ];
    const d = computeDeadlines(events, '2026-03-12', fake);
    assert.equal(d.pausedWorkingDays, 5);
    assert.equal(d.extensionDays, 10);
    // 2026-03-02 + 35 weekdays = 7 weeks = Monday 2026-04-20.
    assert.equal(d.answerDue?.date, '2026-04-20');
    assert.equal(d.consultationDue, null);
  });
  test('an open consultation keeps pushing the due date until today, and shows its own due date', () => {
    const events = [ev('registered', '2026-03-02'), ev('accepted', '2026-03-02'), ev('consultation_started', '2026-03-04')];
    const d = computeDeadlines(events, '2026-03-06', fake);
    assert.equal(d.pausedWorkingDays, 2);
    assert.equal(d.answerDue?.date, '2026-04-01');
    assert.equal(d.consultationDue?.date, '2026-03-25', '15 working days after sending');
  });
  test('fee notice: payment due in 20 working days, clock paused', () => {
    const events = [ev('registered', '2026-03-02'), ev('accepted', '2026-03-02'), ev('fee_notified', '2026-03-09')];
    const d = computeDeadlines(events, '2026-03-09', fake);
    assert.equal(d.feePaymentDue?.date, '2026-04-06');
    const paid = computeDeadlines([...events, ev('fee_paid', '2026-03-16')], '2026-03-16', fake);
    assert.equal(paid.pausedWorkingDays, 5);
    assert.equal(paid.feePaymentDue, null);
    assert.equal(paid.answerDue?.date, '2026-04-06');
  });
  test('urgency: near within 3 working days, overdue after', () => {
    const events = [ev('registered', '2026-03-02')];
    assert.equal(computeDeadlines(events, '2026-03-24', fake).urgency, 'ok'); // 4 wd left
    assert.equal(computeDeadlines(events, '2026-03-25', fake).urgency, 'near'); // 3 wd left
    assert.equal(computeDeadlines(events, '2026-03-30', fake).urgency, 'near'); // due today
    assert.equal(computeDeadlines(events, '2026-03-31', fake).urgency, 'overdue');
  });
  test('a concluded case has no due date but keeps the one that applied', () => {
    const d = computeDeadlines([ev('registered', '2026-03-02'), ev('accepted', '2026-03-02'), ev('answered', '2026-03-20', { outcome: 'granted' })], '2026-06-01', fake);
    assert.equal(d.answerDue, null);
    assert.equal(d.answerDueWas?.date, '2026-03-30');
    assert.equal(d.onTime, true);
    assert.equal(d.urgency, 'ok');
  });
});

describe('deadlines on the real 2026 calendar (domain.md §10.4)', () => {
  test('received 2026-09-28, crossing 国庆 (1–7 Oct off, 10 Oct a working Saturday)', () => {
    // By hand: 29, 30 Sep (2); 8, 9, 10 Oct (5); 12–16 (10); 19–23 (15); 26–30 (20) → 2026-10-30.
    const d = computeDeadlines([ev('registered', '2026-09-28')], '2026-09-28', defaultWorkingDays);
    assert.deepEqual(d.answerDue, { date: '2026-10-30', provisional: false });
    // 7 working days: 29, 30 Sep, 8, 9, 10, 12, 13 Oct.
    assert.equal(d.correctionNoticeDue?.date, '2026-10-13');
  });
  test('received 2026-02-13 (Friday before 春节): 14 Feb is a working Saturday, 15–23 Feb off', () => {
    // 14 Feb (1); 24, 25, 26, 27 (5); 28 Feb Sat working (6); 2–6 Mar (11); 9–13 (16); 16–19 (20) → 2026-03-19.
    const d = computeDeadlines([ev('registered', '2026-02-13')], '2026-02-13', defaultWorkingDays);
    assert.equal(d.answerDue?.date, '2026-03-19');
  });
  test('a year without a schedule is provisional', () => {
    const d = computeDeadlines([ev('registered', '2099-12-20')], '2099-12-20', defaultWorkingDays);
    assert.equal(d.answerDue?.provisional, true);
    assert.match(d.steps.at(-1)!.label, /暂按周末/);
  });
});

describe('properties', () => {
  const dates = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.parse('2025-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10));
  const cal = fc.constantFrom(fake, defaultWorkingDays);

  test('pausing never makes the due date earlier', () => {
    fc.assert(
      fc.property(cal, dates, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (c, received, startOffset, length) => {
        const base = [ev('registered', received), ev('accepted', received)];
        const from = c.addWorkingDays(received, startOffset).date;
        const to = c.addWorkingDays(from, length).date;
        const plain = computeDeadlines(base, to, c).answerDue!.date;
        const paused = computeDeadlines([...base, ev('consultation_started', from), ev('consultation_answered', to)], to, c).answerDue!.date;
        assert.ok(paused >= plain, `${paused} < ${plain}`);
        assert.equal(c.workingDaysBetween(plain, paused), c.workingDaysBetween(from, to), 'moves by exactly the paused working days');
      }),
      { numRuns: 60 },
    );
  });
  test('an extension of k days moves the due date by exactly k working days', () => {
    fc.assert(
      fc.property(cal, dates, fc.integer({ min: 1, max: 20 }), (c, received, k) => {
        const base = [ev('registered', received), ev('accepted', received)];
        const before = computeDeadlines(base, received, c).answerDue!.date;
        const after = computeDeadlines([...base, ev('extension_approved', received, { days: k })], received, c).answerDue!.date;
        assert.equal(c.workingDaysBetween(before, after), k);
      }),
      { numRuns: 60 },
    );
  });
  test('a correction restarts the count from the correction date', () => {
    fc.assert(
      fc.property(cal, dates, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 40 }), (c, received, ask, wait) => {
        const askedOn = c.addWorkingDays(received, ask).date;
        const correctedOn = c.addWorkingDays(askedOn, wait).date;
        const d = computeDeadlines([ev('registered', received), ev('correction_requested', askedOn), ev('corrected', correctedOn)], correctedOn, c);
        assert.equal(d.answerDue!.date, c.addWorkingDays(correctedOn, 20).date);
        assert.equal(d.pausedWorkingDays, 0);
      }),
      { numRuns: 60 },
    );
  });
});
