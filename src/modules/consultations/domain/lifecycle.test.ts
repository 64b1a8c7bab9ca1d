import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedEvents, consultationEvents, phaseOf, phases, transition, type ConsultationEvent, type Guard, type Phase } from './lifecycle.ts';

const fine: Guard = { pending: 0, undecided: 0, periodProblem: null, reason: '情况发生变化' };

// The whole table, written out: which phase allows which event.
const expected: Record<Phase, ConsultationEvent[]> = {
  draft: ['edit', 'publish', 'delete'],
  upcoming: ['edit', 'extend', 'withdraw'],
  open: ['extend', 'withdraw', 'comment', 'staff_comment', 'moderate'],
  closed: ['staff_comment', 'moderate', 'decide', 'publish_result', 'link_final'],
  concluded: ['link_final'],
  withdrawn: [],
};
const targets: Partial<Record<ConsultationEvent, string>> = { publish: 'published', withdraw: 'withdrawn', publish_result: 'concluded' };

test('exhaustive: every phase × event is allowed exactly as the table says, refusals carry a reason', () => {
  for (const phase of phases) {
    assert.deepEqual(allowedEvents(phase), expected[phase], phase);
    for (const event of consultationEvents) {
      const r = transition(phase, event, fine);
      if (expected[phase].includes(event)) assert.deepEqual(r, { ok: true, next: targets[event] ?? null }, `${phase} ${event}`);
      else {
        assert.equal(r.ok, false, `${phase} ${event}`);
        if (!r.ok) assert.match(r.reason, /当前状态/);
      }
    }
  }
});

test('guards: period, reason, moderation and decisions', () => {
  assert.deepEqual(transition('draft', 'publish', { ...fine, periodProblem: '太短' }), { ok: false, reason: '太短' });
  assert.deepEqual(transition('open', 'extend', { ...fine, periodProblem: '太短' }), { ok: false, reason: '太短' });
  assert.equal(transition('open', 'withdraw', { ...fine, reason: ' ' }).ok, false);
  const pending = transition('closed', 'publish_result', { ...fine, pending: 2 });
  assert.equal(pending.ok, false);
  if (!pending.ok) assert.match(pending.reason, /2 条意见未审核/);
  const undecided = transition('closed', 'publish_result', { ...fine, undecided: 1 });
  if (!undecided.ok) assert.match(undecided.reason, /1 条意见未作出采纳决定/);
  else assert.fail('undecided comments must block the result');
});

test('the phase follows the dates', () => {
  assert.equal(phaseOf('published', '2026-03-01', '2026-03-30', '2026-02-28'), 'upcoming');
  assert.equal(phaseOf('published', '2026-03-01', '2026-03-30', '2026-03-01'), 'open');
  assert.equal(phaseOf('published', '2026-03-01', '2026-03-30', '2026-03-30'), 'open');
  assert.equal(phaseOf('published', '2026-03-01', '2026-03-30', '2026-03-31'), 'closed');
  assert.equal(phaseOf('concluded', '2026-03-01', '2026-03-30', '2026-03-02'), 'concluded');
  assert.equal(phaseOf('draft', '2026-03-01', '2026-03-30', '2026-03-02'), 'draft');
});
