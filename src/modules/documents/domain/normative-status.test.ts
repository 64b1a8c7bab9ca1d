import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from './dates.ts';
import { normativeStatus, type DocumentEffect, type NormativeDates, type NormativeStatus } from './normative-status.ts';

const repealBy: DocumentEffect = {
  type: 'repeals',
  affectingDocumentId: 'd2',
  affectingTitle: '宜昌市人民政府关于废止部分规范性文件的决定',
  affectingDocNo: '宜府发〔2024〕3号',
  inForceOn: '2024-03-01',
  applied: true,
};
const amendBy = (inForceOn: string, article?: string, applied = true): DocumentEffect => ({
  type: 'amends',
  affectingDocumentId: `a-${inForceOn}`,
  affectingTitle: '关于修改《某办法》的决定',
  affectedArticle: article ?? null,
  inForceOn,
  applied,
});
const DATES: NormativeDates = { effectiveFrom: '2020-01-01', expiresOn: '2024-12-31' };

describe('normative status examples', () => {
  test('before 实施日期 it is 尚未施行, with a notice', () => {
    const r = normativeStatus(DATES, [], '2019-12-31');
    assert.equal(r.status, 'not_yet_in_force');
    assert.equal(r.since, null);
    assert.equal(r.notice?.zh, '本文件自2020年1月1日起施行，目前尚未施行。');
  });

  test('from 实施日期 until 有效期至 inclusive it is 有效, without a notice', () => {
    for (const d of ['2020-01-01', '2022-06-15', '2024-12-31']) {
      const r = normativeStatus(DATES, [], d);
      assert.equal(r.status, 'in_force', d);
      assert.equal(r.since, '2020-01-01');
      assert.equal(r.notice, null);
    }
  });

  test('the day after 有效期至 it is 已失效', () => {
    const r = normativeStatus(DATES, [], '2025-01-01');
    assert.equal(r.status, 'expired');
    assert.equal(r.since, '2025-01-01');
    assert.deepEqual(r.because, { kind: 'date', field: 'expiresOn', date: '2024-12-31' });
    assert.equal(r.notice?.zh, '本文件有效期至2024年12月31日，已于2025年1月1日失效。');
  });

  test('an applied repeal in force makes it 已废止, with the banner naming the repealing document', () => {
    const r = normativeStatus(DATES, [repealBy], '2024-03-01');
    assert.equal(r.status, 'repealed');
    assert.equal(r.since, '2024-03-01');
    assert.deepEqual(r.because, { kind: 'effect', effect: repealBy });
    assert.equal(r.notice?.zh, '本文件已于2024年3月1日被《宜昌市人民政府关于废止部分规范性文件的决定》（宜府发〔2024〕3号）废止。');
    assert.equal(normativeStatus(DATES, [repealBy], '2024-02-29').status, 'in_force');
  });

  test('replacement is a repeal with its own wording', () => {
    const r = normativeStatus(DATES, [{ ...repealBy, type: 'replaces', affectingDocNo: null }], '2024-05-01');
    assert.equal(r.status, 'repealed');
    assert.equal(r.notice?.zh, '本文件已于2024年3月1日被《宜昌市人民政府关于废止部分规范性文件的决定》替代，同时废止。');
  });

  test('a 废止日期 on the document itself repeals it; the earlier of date and effect wins', () => {
    const own = normativeStatus({ ...DATES, repealedOn: '2023-07-01' }, [repealBy], '2024-06-01');
    assert.equal(own.status, 'repealed');
    assert.equal(own.since, '2023-07-01');
    assert.equal(own.notice?.zh, '本文件已于2023年7月1日废止。');
    const eff = normativeStatus({ ...DATES, repealedOn: '2024-04-01' }, [repealBy], '2024-06-01');
    assert.equal(eff.since, '2024-03-01');
    assert.equal(eff.because.kind, 'effect');
  });

  test('precedence: repeal beats expiry beats suspension beats amendment', () => {
    const suspend: DocumentEffect = { type: 'suspends', affectingDocumentId: 's', inForceOn: '2022-01-01', applied: true };
    const all = [amendBy('2021-01-01'), suspend, { ...repealBy, inForceOn: '2025-06-01' }];
    const at = (d: string) => normativeStatus(DATES, all, d).status;
    assert.equal(at('2021-06-01'), 'amended');
    assert.equal(at('2022-06-01'), 'suspended');
    assert.equal(at('2025-01-01'), 'expired');
    assert.equal(at('2025-06-01'), 'repealed');
  });

  test('a suspension ends after its until date', () => {
    const suspend: DocumentEffect = { type: 'suspends', affectingDocumentId: 's', affectingTitle: '某通知', inForceOn: '2022-01-01', until: '2022-06-30', applied: true };
    assert.equal(normativeStatus(DATES, [suspend], '2022-06-30').notice?.zh, '根据《某通知》，本文件自2022年1月1日起暂停执行至2022年6月30日。');
    assert.equal(normativeStatus(DATES, [suspend], '2022-07-01').status, 'in_force');
  });

  test('amendments: status 已修改 since the first, notice lists each, article-level repeal counts as amendment', () => {
    const partial: DocumentEffect = { ...repealBy, affectedArticle: '第五条', inForceOn: '2023-01-01' };
    const r = normativeStatus(DATES, [partial, amendBy('2021-05-01', '第三条')], '2023-06-01');
    assert.equal(r.status, 'amended');
    assert.equal(r.since, '2021-05-01');
    assert.equal(r.amendments.length, 2);
    assert.equal(
      r.notice?.zh,
      '本文件第三条已于2021年5月1日被《关于修改《某办法》的决定》修改。本文件第五条已于2023年1月1日被《宜昌市人民政府关于废止部分规范性文件的决定》（宜府发〔2024〕3号）废止。',
    );
  });

  test('unapplied effects do not count but are listed as pending with a notice; future ones are prospective', () => {
    const r = normativeStatus(DATES, [{ ...repealBy, applied: false }, amendBy('2030-01-01')], '2024-06-01');
    assert.equal(r.status, 'in_force');
    assert.equal(r.pending.length, 1);
    assert.equal(r.prospective.length, 1);
    assert.equal(r.pendingNotice?.zh, '另有1项其他文件作出的修改、废止等变更尚未并入本页。');
  });

  test('an affecting document without a title is named generically', () => {
    const r = normativeStatus(DATES, [{ type: 'repeals', affectingDocumentId: 'x', inForceOn: '2021-01-01', applied: true }], '2021-01-01');
    assert.equal(r.notice?.zh, '本文件已于2021年1月1日被其他文件废止。');
  });

  test('malformed dates are programmer errors', () => {
    assert.throws(() => normativeStatus(DATES, [], '2024-02-30'), TypeError);
    assert.throws(() => normativeStatus({ effectiveFrom: '2024/01/01' }, [], '2024-01-01'), TypeError);
    assert.throws(() => normativeStatus(DATES, [{ ...repealBy, type: 'voids' as 'repeals' }], '2024-01-01'), TypeError);
  });
});

// Generators: dates as day offsets from 2000-01-01 over about 30 years.
const day = fc.integer({ min: 0, max: 11_000 }).map((n) => addDays('2000-01-01', n));
const effectArb = (types: DocumentEffect['type'][]) =>
  fc.record({
    type: fc.constantFrom(...types),
    affectingDocumentId: fc.constantFrom('a', 'b', 'c'),
    affectedArticle: fc.option(fc.constantFrom('第一条', '第二条'), { nil: null }),
    inForceOn: day,
    applied: fc.boolean(),
  });
const datesArb = fc
  .record({ effectiveFrom: day, expiresOn: fc.option(day, { nil: null }), repealedOn: fc.option(day, { nil: null }) })
  .map((d) => ({ ...d, expiresOn: d.expiresOn && d.expiresOn < d.effectiveFrom ? null : d.expiresOn }));
const RANK: Record<NormativeStatus, number> = { not_yet_in_force: 0, in_force: 1, amended: 2, suspended: -1, expired: 3, repealed: 4 };

describe('normative status properties', () => {
  test('property: before 实施日期, with no repeal in force yet, it is 尚未施行', () => {
    fc.assert(
      fc.property(datesArb, fc.array(effectArb(['amends', 'repeals', 'replaces', 'suspends', 'expires'])), day, (dates, effects, asOf) => {
        fc.pre(asOf < dates.effectiveFrom);
        const repealed = (dates.repealedOn && dates.repealedOn <= asOf) || effects.some((e) => e.applied && !e.affectedArticle && (e.type === 'repeals' || e.type === 'replaces') && e.inForceOn <= asOf);
        fc.pre(!repealed);
        assert.equal(normativeStatus(dates, effects, asOf).status, 'not_yet_in_force');
      }),
    );
  });

  test('property: once an applied repeal is in force it stays 已废止 forever, with the same since', () => {
    fc.assert(
      fc.property(datesArb, fc.array(effectArb(['amends', 'repeals', 'suspends'])), day, fc.integer({ min: 0, max: 20_000 }), (dates, effects, repealDay, later) => {
        const all = [...effects, { ...repealBy, inForceOn: repealDay }];
        const at = normativeStatus(dates, all, repealDay);
        assert.equal(at.status, 'repealed');
        const after = normativeStatus(dates, all, addDays(repealDay, later));
        assert.equal(after.status, 'repealed');
        assert.equal(after.since, at.since);
      }),
    );
  });

  test('property: without suspensions, status only moves forward: 尚未施行 → 有效 → 已修改 → 已失效 → 已废止', () => {
    fc.assert(
      fc.property(datesArb, fc.array(effectArb(['amends', 'repeals', 'replaces', 'expires'])), day, day, (dates, effects, d1, d2) => {
        const [a, b] = d1 <= d2 ? [d1, d2] : [d2, d1];
        assert.ok(RANK[normativeStatus(dates, effects, a).status] <= RANK[normativeStatus(dates, effects, b).status]);
      }),
    );
  });

  test('property: the order effects are given in does not matter', () => {
    fc.assert(
      fc.property(datesArb, fc.array(effectArb(['amends', 'repeals', 'replaces', 'suspends', 'expires']), { maxLength: 6 }), day, (dates, effects, asOf) => {
        const a = normativeStatus(dates, effects, asOf);
        const b = normativeStatus(dates, [...effects].reverse(), asOf);
        assert.equal(a.status, b.status);
        assert.equal(a.since, b.since);
      }),
    );
  });

  test('property: point in time — effects in force after asOf and unapplied effects do not change the status', () => {
    fc.assert(
      fc.property(datesArb, fc.array(effectArb(['amends', 'repeals', 'replaces', 'suspends', 'expires'])), day, (dates, effects, asOf) => {
        const counted = effects.filter((e) => e.applied && e.inForceOn <= asOf);
        const a = normativeStatus(dates, effects, asOf);
        const b = normativeStatus(dates, counted, asOf);
        assert.equal(a.status, b.status);
        assert.equal(a.since, b.since);
        assert.equal(a.pending.length, effects.filter((e) => !e.applied).length);
      }),
    );
  });

  test('property: a notice exists exactly when the status is not 有效, and never shows a missing value', () => {
    fc.assert(
      fc.property(datesArb, fc.array(effectArb(['amends', 'repeals', 'replaces', 'suspends', 'expires'])), day, (dates, effects, asOf) => {
        const r = normativeStatus(dates, effects, asOf);
        assert.equal(r.notice === null, r.status === 'in_force');
        if (r.notice) assert.doesNotMatch(r.notice.zh + r.notice.en, /undefined|null|NaN/);
        if (r.since) assert.ok(r.since <= asOf);
      }),
    );
  });
});

describe('declared expiry (a clean-up campaign declares a document 失效)', () => {
  const expireBy = (inForceOn: string, applied = true): DocumentEffect => ({
    type: 'expires', affectingDocumentId: 'c1', affectingTitle: '宜昌市人民政府关于公布规范性文件清理结果的通知', inForceOn, applied,
  });

  test('from the declared date it is 已失效, naming the declaring document', () => {
    const r = normativeStatus({ effectiveFrom: '2020-01-01' }, [expireBy('2024-06-30')], '2024-07-01');
    assert.equal(r.status, 'expired');
    assert.equal(r.since, '2024-06-30');
    assert.equal(r.notice?.zh, '本文件已于2024年6月30日被《宜昌市人民政府关于公布规范性文件清理结果的通知》宣布失效。');
    assert.equal(normativeStatus({ effectiveFrom: '2020-01-01' }, [expireBy('2024-06-30')], '2024-06-29').status, 'in_force');
  });

  test('an unapplied declaration does not count; a repeal still wins over it', () => {
    assert.equal(normativeStatus({ effectiveFrom: '2020-01-01' }, [expireBy('2024-06-30', false)], '2025-01-01').status, 'in_force');
    assert.equal(normativeStatus({ effectiveFrom: '2020-01-01' }, [expireBy('2024-06-30'), repealBy], '2025-01-01').status, 'repealed');
  });

  test('the earlier of 有效期至 and the declaration gives the date it expired', () => {
    const lapsedFirst = normativeStatus({ effectiveFrom: '2020-01-01', expiresOn: '2023-12-31' }, [expireBy('2024-06-30')], '2025-01-01');
    assert.deepEqual([lapsedFirst.status, lapsedFirst.since, lapsedFirst.because.kind], ['expired', '2024-01-01', 'date']);
    const declaredFirst = normativeStatus({ effectiveFrom: '2020-01-01', expiresOn: '2026-12-31' }, [expireBy('2024-06-30')], '2025-01-01');
    assert.deepEqual([declaredFirst.status, declaredFirst.since, declaredFirst.because.kind], ['expired', '2024-06-30', 'effect']);
  });
});
