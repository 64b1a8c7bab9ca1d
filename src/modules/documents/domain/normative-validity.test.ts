import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultExpiresOn, defaultValidity, matchValidityRule, type ValidityRule } from './normative-validity.ts';
import { addDays, addYears, formatEnDate, formatZhDate, isIsoDate, toChinaDate } from './dates.ts';

test('default validity: 5 years, 2 for 暂行/试行, none for 规章', () => {
  assert.equal(defaultValidity({ title: '宜昌市城区停车管理办法', kind: 'normative' }), 5);
  assert.equal(defaultValidity({ title: '宜昌市城区停车管理暂行办法', kind: 'normative' }), 2);
  assert.equal(defaultValidity({ title: '关于印发《某某试行规定》的通知', kind: 'normative' }), 2);
  assert.equal(defaultValidity({ title: '宜昌市城区停车管理暂行办法', kind: 'rule' }), null);
  assert.equal(matchValidityRule({ title: '某办法', kind: 'normative' })?.id, 'default');
});

test('the rule table is replaceable configuration; first match wins', () => {
  const hubei: ValidityRule[] = [
    { id: 'provisional', when: { titleIncludes: ['暂行', '试行'] }, years: 3, note: '' },
    { id: 'all', when: {}, years: 6, note: '' },
  ];
  assert.equal(defaultValidity({ title: '暂行办法', kind: 'rule' }, hubei), 3);
  assert.equal(defaultValidity({ title: '办法', kind: 'normative' }, hubei), 6);
  assert.equal(defaultValidity({ title: '办法', kind: 'normative' }, []), null);
});

test('有效期至 is the day before the anniversary of 实施日期', () => {
  assert.equal(defaultExpiresOn('2024-03-01', 5), '2029-02-28');
  assert.equal(defaultExpiresOn('2024-02-29', 2), '2026-02-27');
  assert.equal(defaultExpiresOn('2024-01-01', 2), '2025-12-31');
  assert.equal(defaultExpiresOn('2024-01-01', null), null);
  assert.throws(() => defaultExpiresOn('2024-01-01', 0), RangeError);
});

test('dates: validity, arithmetic and formatting', () => {
  for (const ok of ['2024-02-29', '2023-12-31', '1949-10-01']) assert.equal(isIsoDate(ok), true, ok);
  for (const bad of ['2023-02-29', '2023-13-01', '2023-00-10', '2023-1-1', '20230101', '', null]) assert.equal(isIsoDate(bad), false, String(bad));
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(addYears('2024-02-29', 1), '2025-02-28');
  assert.equal(toChinaDate('2024-03-01T16:30:00Z'), '2024-03-02');
  assert.equal(formatZhDate('2024-03-01'), '2024年3月1日');
  assert.equal(formatEnDate('2024-03-01'), '1 March 2024');
});

test('property: the default expiry is always after 实施日期 and within the validity years', () => {
  const day = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('1990-01-01', n));
  fc.assert(
    fc.property(day, fc.integer({ min: 1, max: 10 }), (from, years) => {
      const until = defaultExpiresOn(from, years)!;
      assert.ok(isIsoDate(until));
      assert.ok(until > from);
      assert.ok(until < addYears(from, years));
      assert.ok(addDays(until, 1) >= addYears(from, years));
    }),
  );
});
