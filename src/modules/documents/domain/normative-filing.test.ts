import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from './dates.ts';
import {
  filingOverdue, filingResults, filingStates, filingTransition, periodEnd,
  type FilingCapacity, type FilingContext, type FilingEvent, type FilingResult, type FilingState,
} from './normative-filing.ts';

const base: FilingContext = { state: 'due', result: null, publishedOn: '2025-03-03', filedOn: null, today: '2025-03-20', capacities: ['issuer'], hasAuthority: true };
const file: FilingEvent = { type: 'file', filedOn: '2025-03-10' };
const review = (result: FilingResult, extra: Partial<Extract<FilingEvent, { type: 'review' }>> = {}): FilingEvent => ({ type: 'review', result, opinion: '意见', revokedFrom: '2025-04-01', ...extra });
const code = (ctx: FilingContext, e: FilingEvent) => {
  const r = filingTransition(ctx, e);
  return r.ok ? r.next : r.reason.code;
};

describe('filing transitions: every state × event × capacity', () => {
  // Expected next state (or refusal code) for a well-formed event, by state/result, event and capacity.
  const cases: [FilingState, FilingResult | null, 'file' | FilingResult, FilingCapacity, string][] = [];
  for (const state of filingStates) {
    for (const result of state === 'reviewed' ? filingResults : [null]) {
      for (const cap of ['issuer', 'reviewer'] as const) {
        const fileOk = cap === 'issuer' && (state === 'due' || (state === 'reviewed' && result === 'correction'));
        cases.push([state, result, 'file', cap, cap !== 'issuer' ? 'role_not_allowed' : fileOk ? 'filed' : 'invalid_transition']);
        for (const r of filingResults) cases.push([state, result, r, cap, cap !== 'reviewer' ? 'role_not_allowed' : state === 'filed' ? 'reviewed' : 'invalid_transition']);
      }
    }
  }
  for (const [state, result, ev, cap, expected] of cases) {
    test(`${state}${result ? `(${result})` : ''} + ${ev} as ${cap} → ${expected}`, () => {
      const ctx = { ...base, state, result, capacities: [cap] };
      assert.equal(code(ctx, ev === 'file' ? file : review(ev)), expected);
    });
  }
});

describe('filing guards', () => {
  test('a filing needs an authority, a real date between publication and today', () => {
    assert.equal(code({ ...base, hasAuthority: false }, file), 'no_authority');
    assert.equal(code(base, { type: 'file', filedOn: '2025-02-30' }), 'bad_date');
    assert.equal(code(base, { type: 'file', filedOn: '2025-03-02' }), 'before_publication');
    assert.equal(code(base, { type: 'file', filedOn: '2025-03-21' }), 'in_future');
    assert.equal(code(base, { type: 'file', filedOn: '2025-03-03' }), 'filed');
  });

  test('纠正 and 撤销 need an opinion; 撤销 needs a date not before publication; 通过 needs neither', () => {
    const filed = { ...base, state: 'filed' as const, capacities: ['reviewer'] as FilingCapacity[] };
    assert.equal(code(filed, review('passed', { opinion: null, revokedFrom: null })), 'reviewed');
    assert.equal(code(filed, review('correction', { opinion: '  ' })), 'opinion_required');
    assert.equal(code(filed, review('revoked', { opinion: '' })), 'opinion_required');
    assert.equal(code(filed, review('revoked', { revokedFrom: null })), 'revoked_from_required');
    assert.equal(code(filed, review('revoked', { revokedFrom: '2025-03-01' })), 'revoked_before_publication');
    assert.equal(code(filed, review('revoked')), 'reviewed');
    assert.equal(code(filed, { type: 'review', result: 'maybe' as FilingResult, opinion: 'x' }), 'bad_result');
  });

  test('every refusal carries Chinese and English reasons', () => {
    const r = filingTransition({ ...base, capacities: [] }, file);
    assert.ok(!r.ok && r.reason.zh && r.reason.en);
  });
});

describe('due dates', () => {
  const weekdays = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

  test('calendar days: 30 days after publication', () => {
    assert.equal(periodEnd('2025-01-31', 30, 'calendar', weekdays), '2025-03-02');
    assert.equal(periodEnd('2024-02-01', 29, 'calendar', weekdays), '2024-03-01');
  });

  test('working days skip rest days and start the day after', () => {
    // Friday 2025-03-07 + 1 working day = Monday 2025-03-10; + 5 = Friday 2025-03-14.
    assert.equal(periodEnd('2025-03-07', 1, 'working', weekdays), '2025-03-10');
    assert.equal(periodEnd('2025-03-07', 5, 'working', weekdays), '2025-03-14');
    assert.equal(periodEnd('2025-03-07', 0, 'working', weekdays), '2025-03-07');
  });

  test('a predicate that never answers true fails instead of looping', () => {
    assert.throws(() => periodEnd('2025-03-07', 3, 'working', () => false), RangeError);
    assert.throws(() => periodEnd('2025-03-07', -1, 'calendar', weekdays), TypeError);
  });

  const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('2000-01-01', n));
  test('property: the end is after the start by at least the number of days, and working-day ends are working days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const cal = periodEnd(from, n, 'calendar', weekdays);
        const work = periodEnd(from, n, 'working', weekdays);
        assert.equal(cal, addDays(from, n));
        assert.ok(work >= cal, 'working days never end earlier than calendar days');
        assert.ok(weekdays(work));
        assert.equal(periodEnd(from, n + 1, 'working', weekdays) > work, true, 'monotonic in n');
      }),
    );
  });
});

describe('overdue', () => {
  test('not filed after the due date, or filed and not reviewed after the review date', () => {
    assert.equal(filingOverdue({ state: 'due', dueOn: '2025-04-02', reviewDueOn: null }, '2025-04-02'), null, 'the due date itself is still in time');
    assert.equal(filingOverdue({ state: 'due', dueOn: '2025-04-02', reviewDueOn: null }, '2025-04-03'), 'not_filed');
    assert.equal(filingOverdue({ state: 'filed', dueOn: '2025-04-02', reviewDueOn: '2025-05-01' }, '2025-04-20'), null, 'filed late is no longer on the list');
    assert.equal(filingOverdue({ state: 'filed', dueOn: '2025-04-02', reviewDueOn: '2025-05-01' }, '2025-05-02'), 'not_reviewed');
    assert.equal(filingOverdue({ state: 'reviewed', dueOn: '2025-04-02', reviewDueOn: '2025-05-01' }, '2026-01-01'), null);
  });
});
