import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { availableActions, caseRoles, concludingOutcome, transition, type CaseContext, type CaseEventInput, type CaseRole } from './case-lifecycle.ts';
import { answerOutcomes, caseEventTypes, caseStates, type CaseEventType, type CaseState } from './model.ts';

// The expected table, written out as data (not derived from the implementation).
const H: CaseRole[] = ['handler'];
const W = { next: 'withdrawn' as CaseState, roles: ['applicant', 'handler'] as CaseRole[] };
const X = { next: 'stay' as const, roles: ['office_head'] as CaseRole[] };
const EXPECTED: Record<CaseState, Partial<Record<CaseEventType, { next: CaseState | 'stay'; roles: CaseRole[] }>>> = {
  registered: { correction_requested: { next: 'correction_requested', roles: H }, accepted: { next: 'in_progress', roles: H }, withdrawn: W, transferred: { next: 'transferred', roles: H } },
  correction_requested: { corrected: { next: 'registered', roles: ['applicant', 'handler'] }, correction_lapsed: { next: 'abandoned', roles: ['handler', 'system'] }, withdrawn: W },
  in_progress: {
    consultation_started: { next: 'consulting', roles: H },
    extension_approved: X,
    fee_notified: { next: 'fee_notice', roles: H },
    legal_review_requested: { next: 'legal_review', roles: H },
    answered: { next: 'answered', roles: H },
    withdrawn: W,
    transferred: { next: 'transferred', roles: H },
  },
  consulting: { consultation_answered: { next: 'in_progress', roles: H }, extension_approved: X, withdrawn: W },
  fee_notice: { fee_paid: { next: 'in_progress', roles: H }, fee_lapsed: { next: 'abandoned', roles: ['handler', 'system'] }, withdrawn: W },
  legal_review: { legal_review_passed: { next: 'in_progress', roles: ['legal_counsel'] }, legal_review_returned: { next: 'in_progress', roles: ['legal_counsel'] }, extension_approved: X, withdrawn: W },
  answered: { delivered: { next: 'delivered', roles: H } },
  delivered: { archived: { next: 'archived', roles: H } },
  archived: {},
  abandoned: {},
  withdrawn: {},
  transferred: {},
};

const base: CaseContext = {
  roles: [],
  correctionRequested: false,
  extended: false,
  feeNotified: false,
  legalApprovedOutcome: 'granted',
  legalReviewRequired: true,
  today: '2026-03-20',
  correctionDue: '2026-03-10',
  feeDue: '2026-03-10',
};
const payload: CaseEventInput = { type: 'answered', outcome: 'granted', days: 10, toOrgId: 'org-2', fromOrgId: 'org-1' };

describe('case lifecycle: every state × event × role', () => {
  for (const state of caseStates) {
    for (const type of caseEventTypes) {
      for (const role of caseRoles) {
        test(`${state} + ${type} by ${role}`, () => {
          const r = transition(state, { ...payload, type }, { ...base, roles: [role] });
          const want = EXPECTED[state][type];
          if (want && want.roles.includes(role)) {
            assert.deepEqual(r, { ok: true, next: want.next === 'stay' ? state : want.next });
          } else {
            assert.equal(r.ok, false);
            if (!r.ok) {
              assert.ok(/[\u4e00-\u9fff]/.test(r.reason.zh), 'a Chinese reason');
              assert.equal(r.reason.code, want ? 'role_not_allowed' : 'invalid_transition');
            }
          }
        });
      }
    }
  }
});

describe('guards', () => {
  const handler = { ...base, roles: ['handler'] as CaseRole[] };
  const refuse = (state: CaseState, e: CaseEventInput, ctx: CaseContext, code: string) => {
    const r = transition(state, e, ctx);
    assert.equal(r.ok, false, JSON.stringify(r));
    if (!r.ok) assert.equal(r.reason.code, code);
  };
  test('correction only once', () => refuse('registered', { type: 'correction_requested' }, { ...handler, correctionRequested: true }, 'correction_twice'));
  test('extension only once and 1–20 days', () => {
    const head = { ...base, roles: ['office_head'] as CaseRole[] };
    refuse('in_progress', { type: 'extension_approved', days: 5 }, { ...head, extended: true }, 'extension_twice');
    refuse('in_progress', { type: 'extension_approved', days: 21 }, head, 'extension_days');
    refuse('in_progress', { type: 'extension_approved', days: 0 }, head, 'extension_days');
    assert.equal(transition('in_progress', { type: 'extension_approved', days: 20 }, head).ok, true);
  });
  test('one fee notice', () => refuse('in_progress', { type: 'fee_notified' }, { ...handler, feeNotified: true }, 'fee_twice'));
  test('refusal-type answers need the matching passed legal review', () => {
    refuse('in_progress', { type: 'answered', outcome: 'partial' }, { ...handler, legalApprovedOutcome: null }, 'legal_review_required');
    refuse('in_progress', { type: 'answered', outcome: 'partial' }, { ...handler, legalApprovedOutcome: 'denied.state_secret' }, 'legal_review_required');
    assert.equal(transition('in_progress', { type: 'answered', outcome: 'partial' }, { ...handler, legalApprovedOutcome: 'partial' }).ok, true);
    assert.equal(transition('in_progress', { type: 'answered', outcome: 'partial' }, { ...handler, legalApprovedOutcome: null, legalReviewRequired: false }).ok, true);
    assert.equal(transition('in_progress', { type: 'answered', outcome: 'granted' }, { ...handler, legalApprovedOutcome: null }).ok, true, 'granting needs no review');
    refuse('in_progress', { type: 'answered' }, handler, 'outcome_required');
    refuse('in_progress', { type: 'answered', outcome: 'other.overdue_fee' }, handler, 'outcome_by_event');
  });
  test('lapses only after the due date', () => {
    const sys = { ...base, roles: ['system'] as CaseRole[], today: '2026-03-10' };
    refuse('correction_requested', { type: 'correction_lapsed' }, sys, 'correction_not_due');
    refuse('fee_notice', { type: 'fee_lapsed' }, sys, 'fee_not_due');
    assert.equal(transition('fee_notice', { type: 'fee_lapsed' }, { ...sys, today: '2026-03-11' }).ok, true);
  });
  test('transfer needs another organisation', () => {
    refuse('in_progress', { type: 'transferred' }, handler, 'transfer_target');
    refuse('in_progress', { type: 'transferred', toOrgId: 'a', fromOrgId: 'a' }, handler, 'transfer_self');
  });
  test('unknown state or event', () => {
    assert.equal(transition('nope' as CaseState, { type: 'accepted' }, handler).ok, false);
    assert.equal(transition('registered', { type: 'nope' as CaseEventType }, handler).ok, false);
  });
});

test('available actions explain refusals', () => {
  const acts = availableActions('in_progress', { ...base, roles: ['handler'], extended: true });
  assert.equal(acts.find((a) => a.type === 'answered')?.allowed, true);
  const ext = acts.find((a) => a.type === 'extension_approved')!;
  assert.equal(ext.allowed, false);
  assert.match(ext.reason!, /政务公开办负责人/);
  const head = availableActions('in_progress', { ...base, roles: ['office_head'], extended: true }).find((a) => a.type === 'extension_approved')!;
  assert.equal(head.allowed, false);
  assert.match(head.reason!, /一次/);
});

test('concluding outcomes', () => {
  assert.equal(concludingOutcome({ type: 'answered', outcome: 'partial' }), 'partial');
  assert.equal(concludingOutcome({ type: 'correction_lapsed' }), 'other.overdue_correction');
  assert.equal(concludingOutcome({ type: 'fee_lapsed' }), 'other.overdue_fee');
  assert.equal(concludingOutcome({ type: 'withdrawn' }), 'other.other');
  assert.equal(concludingOutcome({ type: 'transferred' }), 'other.other');
  assert.equal(concludingOutcome({ type: 'accepted' }), null);
  assert.ok(answerOutcomes.length === 21);
});
