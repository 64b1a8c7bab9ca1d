import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyValidityRule, defaultValidityRules, parseValidityRules } from './normative-validity.ts';
import { nextStatusChange, normativeStatus, type DocumentEffect } from './normative-status.ts';
import { addDays } from './dates.ts';

test('default validity: 5 years from 实施日期, 2 for 暂行/试行, none for 规章; 成文日期 when no 实施日期', () => {
  assert.deepEqual(applyValidityRule({ title: '宜昌市某管理办法', kind: 'normative', effectiveFrom: '2024-03-01', writtenOn: '2024-01-10' }).expiresOn, '2029-02-28');
  const provisional = applyValidityRule({ title: '宜昌市某管理暂行办法', kind: 'normative', effectiveFrom: null, writtenOn: '2024-01-10' });
  assert.equal(provisional.rule?.id, 'provisional');
  assert.equal(provisional.expiresOn, '2026-01-09');
  assert.deepEqual(applyValidityRule({ title: '宜昌市某规定', kind: 'rule', effectiveFrom: '2024-03-01', writtenOn: null }), { rule: defaultValidityRules[0], expiresOn: null });
  assert.equal(applyValidityRule({ title: '无日期', kind: 'normative', effectiveFrom: null, writtenOn: null }).expiresOn, null);
});

test('validity rules from configuration replace the defaults; bad rules are refused with a reason', () => {
  const rules = parseValidityRules('[{"id":"three","when":{"kinds":["normative"]},"years":3,"note":"湖北省规定"}]');
  assert.equal(applyValidityRule({ title: '某办法', kind: 'normative', effectiveFrom: '2024-01-01', writtenOn: null }, rules).expiresOn, '2026-12-31');
  assert.equal(applyValidityRule({ title: '某规章', kind: 'rule', effectiveFrom: '2024-01-01', writtenOn: null }, rules).rule, null);
  for (const bad of ['nope', '[]', '{}', '[{"id":"a","years":0}]', '[{"id":"a","years":2},{"id":"a","years":3}]', '[{"id":"a","years":2,"when":{"kinds":["law"]}}]', '[{"id":"a","years":2,"when":{"x":1}}]']) {
    assert.throws(() => parseValidityRules(bad), Error, bad);
  }
});

const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2018-01-01', n));
const effect = fc.record({
  type: fc.constantFrom('amends', 'repeals', 'replaces', 'suspends') as fc.Arbitrary<DocumentEffect['type']>,
  inForceOn: day,
  applied: fc.boolean(),
  article: fc.boolean(),
  until: fc.option(day, { nil: null }),
});

test('property: the status cannot change between asOf and the next change date', () => {
  fc.assert(
    fc.property(day, fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }), fc.option(day, { nil: null }), fc.array(effect, { maxLength: 4 }), day, (from, span, repealedOn, raw, asOf) => {
      const dates = { effectiveFrom: from, expiresOn: span == null ? null : addDays(from, span), repealedOn };
      const effects: DocumentEffect[] = raw.map((e, i) => ({
        type: e.type, affectingDocumentId: `d${i}`, inForceOn: e.inForceOn, applied: e.applied,
        affectedArticle: e.article ? '第三条' : null, until: e.type === 'suspends' && e.until && e.until >= e.inForceOn ? e.until : null,
      }));
      const now = normativeStatus(dates, effects, asOf).status;
      const next = nextStatusChange(dates, effects, asOf);
      const probe = next ? addDays(next, -1) : addDays(asOf, 5000);
      assert.equal(normativeStatus(dates, effects, probe).status, now, `${asOf} → ${probe} (next ${next})`);
      if (next) assert.ok(next > asOf);
    }),
  );
});
