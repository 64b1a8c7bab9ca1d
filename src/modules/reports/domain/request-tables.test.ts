import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  answerOutcomes,
  applicantKinds,
  remedyKinds,
  remedyResults,
  type CaseStatisticsFact,
  type RemedyStatisticsFact,
} from '../../requests/index.ts';
import { checkTables, outcomeRow, remedyTable4, requestTable3, table3Rows, table4Columns, type Table3 } from './request-tables.ts';

const cell = (t: Table3, id: string, col = 6) => t.rows.find((r) => r.id === id)!.values[col];
const fact = (
  receivedOn: string,
  concludedOn: string | null,
  outcome: CaseStatisticsFact['outcome'] = null,
  kind: CaseStatisticsFact['applicantKind'] = 'natural',
): CaseStatisticsFact => ({
  caseId: `${receivedOn}-${concludedOn}-${outcome}-${kind}`,
  orgId: 'o',
  applicantKind: kind,
  receivedOn,
  concludedOn,
  outcome: concludedOn ? (outcome ?? 'granted') : null,
});

// Dates from 2023 to 2028, so cases cross several year boundaries in both directions.
const day = fc
  .integer({ min: Date.UTC(2023, 0, 1) / 86_400_000, max: Date.UTC(2028, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const caseFact = fc
  .record({
    received: day,
    after: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    outcome: fc.constantFrom(...answerOutcomes),
    kind: fc.constantFrom(...applicantKinds),
  })
  .map(({ received, after, outcome, kind }) =>
    fact(received, after === null ? null : new Date(Date.parse(received) + after * 86_400_000).toISOString().slice(0, 10), outcome, kind),
  );
const remedyFact = fc
  .record({
    filed: day,
    after: fc.integer({ min: 0, max: 800 }),
    kind: fc.constantFrom(...remedyKinds),
    result: fc.constantFrom(...remedyResults),
  })
  .map(({ filed, after, kind, result }): RemedyStatisticsFact => ({
    caseId: 'c',
    orgId: 'o',
    kind,
    filedOn: filed,
    result,
    decidedOn: result === 'pending' ? null : new Date(Date.parse(filed) + after * 86_400_000).toISOString().slice(0, 10),
  }));

describe('table 3 and table 4 from facts', () => {
  test('the layout: 25 rows with the exact labels, 22 result rows, 15 columns of table 4', () => {
    assert.equal(table3Rows.length, 25);
    assert.equal(table3Rows.filter((r) => r.section === '三、本年度办理结果').length, 22);
    assert.deepEqual(
      table3Rows
        .filter((r) => r.group)
        .map((r) => r.group)
        .filter((g, i, a) => a.indexOf(g) === i)
        .map((g) => [g, table3Rows.filter((r) => r.group === g).length]),
      [
        ['（三）不予公开', 8],
        ['（四）无法提供', 3],
        ['（五）不予处理', 5],
        ['（六）其他处理', 3],
      ],
    );
    assert.equal(outcomeRow.partial, 'R3.2');
    assert.equal(outcomeRow['denied.admin_query'], 'R3.3.8');
    assert.equal(outcomeRow['other.overdue_fee'], 'R3.6.2');
    assert.equal(outcomeRow['other.other'], 'R3.6.3');
    assert.equal(table4Columns.length, 15);
  });

  test('hand example across the 2025/2026 boundary', () => {
    const facts = [
      fact('2025-12-20', '2026-01-08', 'partial', 'commercial'), // carried over, concluded in 2026 as 部分公开
      fact('2025-12-30', null, null, 'natural'), // carried over, still open
      fact('2025-06-01', '2025-06-20', 'granted'), // concluded in 2025: not in 2026
      fact('2026-03-02', '2026-03-20', 'denied.third_party', 'research'),
      fact('2026-12-28', '2027-01-05', 'granted', 'legal_service'), // received in 2026, carried into 2027
      fact('2027-01-04', null), // received after the year: not counted
    ];
    const t = requestTable3(facts, 2026);
    assert.equal(cell(t, 'R1'), 2);
    assert.equal(cell(t, 'R2'), 2);
    assert.equal(cell(t, 'R2', 0), 1);
    assert.equal(cell(t, 'R2', 1), 1);
    assert.equal(cell(t, 'R3.2', 1), 1);
    assert.equal(cell(t, 'R3.1'), 0, 'partial disclosure counts in R3.2 only');
    assert.equal(cell(t, 'R3.3.4', 2), 1);
    assert.equal(cell(t, 'R3.7'), 2);
    assert.equal(cell(t, 'R4'), 2);
    assert.equal(cell(t, 'R4', 4), 1);
    const prev = requestTable3(facts, 2025);
    assert.equal(cell(prev, 'R4'), 2);
    assert.ok(checkTables(t, remedyTable4([], 2026), prev).every((c) => c.ok));
  });

  test('remedies: filed by year end and not decided before the year; decided later = 尚未审结', () => {
    const r = (
      kind: RemedyStatisticsFact['kind'],
      filedOn: string,
      result: RemedyStatisticsFact['result'],
      decidedOn: string | null,
    ): RemedyStatisticsFact => ({ caseId: 'c', orgId: 'o', kind, filedOn, result, decidedOn });
    const t = remedyTable4(
      [
        r('reconsideration', '2026-02-01', 'upheld', '2026-04-01'),
        r('reconsideration', '2026-11-01', 'corrected', '2027-01-10'), // pending at the end of 2026
        r('reconsideration', '2025-11-01', 'other', '2026-01-10'), // carried in from 2025, decided in 2026
        r('litigation_direct', '2025-03-01', 'upheld', '2025-09-01'), // decided in 2025: not counted
        r('litigation_after_reconsideration', '2026-05-01', 'pending', null),
        r('litigation_after_reconsideration', '2027-01-02', 'pending', null), // filed after the year
      ],
      2026,
    );
    assert.deepEqual(t.values, [1, 0, 1, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
  });

  test('property: random facts always satisfy every cross-check, and R2(N) = R4(N−1)', () => {
    fc.assert(
      fc.property(
        fc.array(caseFact, { maxLength: 60 }),
        fc.array(remedyFact, { maxLength: 20 }),
        fc.integer({ min: 2024, max: 2028 }),
        (facts, remedies, year) => {
          const t = requestTable3(facts, year);
          const prev = requestTable3(facts, year - 1);
          const checks = checkTables(t, remedyTable4(remedies, year), prev);
          assert.deepEqual(
            checks.filter((c) => !c.ok),
            [],
          );
          assert.deepEqual(t.rows.find((r) => r.id === 'R2')!.values, prev.rows.find((r) => r.id === 'R4')!.values);
          // Every case received by the year's end and open at its start is counted exactly once on each side.
          const counted = facts.filter(
            (f) => f.receivedOn <= `${year}-12-31` && (f.concludedOn === null || f.concludedOn >= `${year}-01-01`),
          ).length;
          assert.equal(cell(t, 'R1') + cell(t, 'R2'), counted);
          assert.ok(t.rows.every((r) => r.values.every((v) => Number.isInteger(v) && v >= 0)));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the checks can fail: a tampered table is reported with the cells', () => {
    const t = requestTable3([fact('2026-01-05', '2026-02-01', 'granted')], 2026);
    t.rows.find((r) => r.id === 'R3.1')!.values[0] = 2;
    const failed = checkTables(t, remedyTable4([], 2026)).filter((c) => !c.ok);
    assert.deepEqual(
      failed.map((c) => c.id),
      ['columns', 'results'],
    );
    assert.match(failed[1]!.failures[0]!, /第 1 列（自然人）：各项办理结果之和 2 ≠ （七）总计 1/);
  });
});
