import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { alwaysRequired, checkProcedure, decideProblems, procedureKinds, procedureStates, type ProcedureFact } from './procedures.ts';

const done = (kind: ProcedureFact['kind'], doneOn = '2026-05-01'): ProcedureFact => ({ kind, status: 'done', doneOn, note: null });
const all = () => procedureKinds.map((k) => done(k, k === 'collective_decision' ? '2026-05-10' : '2026-05-01'));

test('an item with every procedure done, legality review first, can be decided', () => {
  assert.deepEqual(decideProblems(all(), '2026-05-10'), []);
});

test('a missing procedure, a skipped mandatory one, the wrong order or an early date block the decision', () => {
  assert.deepEqual(decideProblems(all().filter((p) => p.kind !== 'risk_assessment'), '2026-05-10'), ['风险评估尚未完成']);
  const skipped = all().map((p) => (p.kind === 'legality_review' ? { ...p, status: 'not_required' as const, note: '不需要审查' } : p));
  assert.match(decideProblems(skipped, '2026-05-10').join(), /法定必经程序/);
  const late = all().map((p) => (p.kind === 'legality_review' ? { ...p, doneOn: '2026-05-20' } : p));
  assert.match(decideProblems(late, '2026-05-20').join(), /合法性审查须在集体讨论决定之前/);
  assert.match(decideProblems(all(), '2026-05-09').join(), /不能早于集体讨论决定/);
  const expertSkipped = all().map((p) => (p.kind === 'expert_review' ? { ...p, status: 'not_required' as const, note: '事项技术性不强' } : p));
  assert.deepEqual(decideProblems(expertSkipped, '2026-05-10'), []);
});

test('exhaustive: every kind × state — mandatory ones can never be skipped, skipping needs a note, done needs a date', () => {
  for (const kind of procedureKinds) {
    for (const status of procedureStates) {
      const bare = checkProcedure({ kind, status, doneOn: null, note: null });
      const full = checkProcedure({ kind, status, doneOn: '2026-01-01', note: '理由说明充分' });
      if (status === 'pending') assert.deepEqual([bare, full], [[], []]);
      if (status === 'done') assert.deepEqual([bare.length, full.length], [1, 0]);
      if (status === 'not_required') assert.equal(full.length, alwaysRequired.includes(kind) ? 1 : 0, `${kind}`);
    }
  }
});

test('property: an item is decidable only if no procedure is pending', () => {
  const fact = (kind: ProcedureFact['kind']) =>
    fc.record({ kind: fc.constant(kind), status: fc.constantFrom(...procedureStates), doneOn: fc.constantFrom('2026-05-01', null), note: fc.constantFrom(null, '经研究无需开展') });
  fc.assert(
    fc.property(fc.tuple(...procedureKinds.map(fact)), (facts) => {
      const ok = decideProblems(facts, '2026-12-31').length === 0;
      if (ok) assert.ok(facts.every((f) => f.status !== 'pending'));
      if (facts.some((f) => f.status === 'pending')) assert.equal(ok, false);
    }),
  );
});
