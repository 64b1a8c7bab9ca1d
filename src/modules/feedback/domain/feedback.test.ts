import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { feedbackEvents, feedbackStates, feedbackTransition, isMonth, monthlyStatistics, parseCategories, trackingNumber, type FeedbackEvent, type FeedbackState } from './feedback.ts';

const EXPECTED: Record<FeedbackState, Partial<Record<FeedbackEvent, FeedbackState>>> = { received: { reply: 'replied', reroute: 'received' }, replied: {} };

test('every (state, event, permission) combination follows the expected table with a Chinese reason for refusals', () => {
  for (const s of feedbackStates)
    for (const e of feedbackEvents)
      for (const handle of [true, false]) {
        const r = feedbackTransition(s, e, handle);
        const exp = EXPECTED[s][e];
        if (handle && exp) assert.deepEqual(r, { ok: true, next: exp });
        else {
          assert.equal(r.ok, false);
          if (!r.ok) assert.match(r.reason, /[\u4e00-\u9fff]/);
        }
      }
});

test('statistics count received, replied and replied on time per department and category', () => {
  const rows = monthlyStatistics([
    { orgId: 'b', category: '审批许可', state: 'replied', dueOn: '2026-03-10', repliedOn: '2026-03-09' },
    { orgId: 'b', category: '审批许可', state: 'replied', dueOn: '2026-03-10', repliedOn: '2026-03-12' },
    { orgId: 'b', category: '审批许可', state: 'received', dueOn: '2026-03-10', repliedOn: null },
    { orgId: 'a', category: '其他', state: 'received', dueOn: '2026-03-10', repliedOn: null },
  ]);
  assert.deepEqual(rows, [
    { orgId: 'a', category: '其他', received: 1, replied: 0, onTime: 0 },
    { orgId: 'b', category: '审批许可', received: 3, replied: 2, onTime: 1 },
  ]);
});

test('property: totals are preserved and onTime ≤ replied ≤ received in every row', () => {
  const fact = fc.record({
    orgId: fc.constantFrom('a', 'b', 'c'),
    category: fc.constantFrom('x', 'y'),
    state: fc.constantFrom('received', 'replied'),
    dueOn: fc.constantFrom('2026-03-10', '2026-03-20'),
    repliedOn: fc.option(fc.constantFrom('2026-03-05', '2026-03-15', '2026-03-25'), { nil: null }),
  });
  fc.assert(
    fc.property(fc.array(fact, { maxLength: 60 }), (facts) => {
      const rows = monthlyStatistics(facts);
      assert.equal(rows.reduce((n, r) => n + r.received, 0), facts.length);
      for (const r of rows) assert.ok(r.onTime <= r.replied && r.replied <= r.received);
    }),
  );
});

test('categories, months and tracking numbers', () => {
  assert.deepEqual(parseCategories(' 审批许可，监管执法,,审批许可 '), ['审批许可', '监管执法']);
  assert.ok(isMonth('2026-03') && !isMonth('2026-13') && !isMonth('2026-3'));
  assert.match(trackingNumber('2026-03-05', () => 0.5), /^FK-20260305-[2-9A-Z]{5}$/);
});
