import { test } from 'node:test';
import assert from 'node:assert/strict';
import { qaActions, qaEvents, qaRoles, qaStates, qaTransition, type QaContext, type QaEvent, type QaRole, type QaState } from './qa-lifecycle.ts';

// The expected table, written out as data (not derived from the implementation). `next` for the full input below.
type Exp = { next: QaState; roles: QaRole[] };
const EXPECTED: Record<QaState, Partial<Record<QaEvent, Exp>>> = {
  pending: { accept: { next: 'assigned', roles: ['moderator'] }, reject: { next: 'rejected', roles: ['moderator'] }, reroute: { next: 'pending', roles: ['moderator'] } },
  rejected: {},
  assigned: { answer: { next: 'in_review', roles: ['answerer'] }, reroute: { next: 'assigned', roles: ['moderator'] } },
  answered: { submit: { next: 'in_review', roles: ['answerer'] } },
  draft: { submit: { next: 'in_review', roles: ['answerer'] } },
  in_review: { publish: { next: 'published', roles: ['manager'] }, return: { next: 'answered', roles: ['manager'] } },
  published: { unpublish: { next: 'withdrawn', roles: ['manager'] } },
  withdrawn: { republish: { next: 'published', roles: ['manager'] }, revise: { next: 'draft', roles: ['answerer'] } },
};

const full = (type: QaEvent) => ({ type, answer: '答复', publish: true, reason: '理由', toOrgId: 'other' });
const ctx = (roles: QaRole[]): QaContext => ({ roles, origin: 'public', hasAnswer: true, orgId: 'org' });

test('every (state, event, role) combination follows the expected table, and every refusal has a Chinese reason', () => {
  let checked = 0;
  for (const state of qaStates)
    for (const event of qaEvents)
      for (const role of qaRoles) {
        const exp = EXPECTED[state][event];
        const r = qaTransition(state, full(event), ctx([role]));
        const allowed = exp && (role === 'system' || exp.roles.includes(role));
        if (allowed) assert.deepEqual(r, { ok: true, next: exp.next }, `${state} ${event} ${role}`);
        else {
          assert.equal(r.ok, false, `${state} ${event} ${role} must be refused`);
          if (!r.ok) assert.match(r.reason.zh, /[\u4e00-\u9fff]/);
        }
        checked += 1;
      }
  assert.equal(checked, qaStates.length * qaEvents.length * qaRoles.length);
});

test('qaActions lists exactly the table events for the roles', () => {
  for (const state of qaStates)
    for (const role of qaRoles) {
      const expected = qaEvents.filter((e) => EXPECTED[state][e] && (role === 'system' || EXPECTED[state][e]!.roles.includes(role)));
      assert.deepEqual(qaActions(state, [role]), expected, `${state} ${role}`);
    }
});

test('guards: answer without text, reject without reason, reroute to the same department, submit without an answer', () => {
  const c = ctx(['moderator', 'answerer', 'manager']);
  assert.equal((qaTransition('assigned', { type: 'answer', answer: '  ' }, c) as { reason: { code: string } }).reason.code, 'answer');
  assert.equal((qaTransition('pending', { type: 'reject' }, c) as { reason: { code: string } }).reason.code, 'reason');
  assert.equal((qaTransition('pending', { type: 'reroute', toOrgId: 'org' }, c) as { reason: { code: string } }).reason.code, 'same_org');
  assert.equal((qaTransition('draft', { type: 'submit' }, { ...c, hasAnswer: false }) as { reason: { code: string } }).reason.code, 'no_answer');
  assert.equal((qaTransition('in_review', { type: 'unpublish', reason: 'x' }, c) as { reason: { code: string } }).reason.code, 'state');
});

test('an answer without publication stays private; a returned staff entry goes back to draft', () => {
  const c = ctx(['answerer', 'manager']);
  assert.deepEqual(qaTransition('assigned', { type: 'answer', answer: '答复', publish: false }, c), { ok: true, next: 'answered' });
  assert.deepEqual(qaTransition('in_review', { type: 'return', reason: '请补充' }, { ...c, origin: 'staff' }), { ok: true, next: 'draft' });
});
