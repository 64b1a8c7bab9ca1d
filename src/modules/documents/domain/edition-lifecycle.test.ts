import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { roleCodes, type RoleCode } from '../../../platform/authz/roles.ts';
import {
  availableEvents,
  editionEventTypes,
  editionStates,
  transition,
  type EditionActor,
  type EditionContext,
  type EditionEvent,
  type EditionEventType,
  type EditionState,
} from './edition-lifecycle.ts';

// The expected table, written out as data (not derived from the implementation).
const EDIT: RoleCode[] = ['editor', 'office_admin', 'sysadmin'];
const REVIEW: RoleCode[] = ['reviewer', 'office_admin', 'sysadmin'];
const ADMIN: RoleCode[] = ['office_admin', 'sysadmin'];
const LIVE = ['set_live', 'supersede_previous', 'index', 'ledger_append'];
type Expected = { next: EditionState; roles: RoleCode[]; system?: true; fourEyes?: true; effects: string[] };
const RETRO = (next: EditionState): Expected => ({ next, roles: REVIEW, fourEyes: true, effects: ['record_retrospective_approval'] });
const UNPUBLISH: Expected = { next: 'unpublished', roles: ADMIN, effects: ['record_reason', 'clear_live', 'deindex', 'ledger_append', 'gone'] };

const EXPECTED: Record<EditionState, Partial<Record<EditionEventType, Expected>>> = {
  draft: { submit: { next: 'submitted', roles: EDIT, effects: ['record_submitter', 'notify'] } },
  submitted: {
    reject: { next: 'rejected', roles: REVIEW, effects: ['record_reason', 'notify'] },
    approve: { next: 'approved', roles: REVIEW, fourEyes: true, effects: ['record_approver', 'notify'] },
    urgent_publish: { next: 'published', roles: ADMIN, fourEyes: true, effects: ['record_urgent', ...LIVE, 'notify'] },
  },
  rejected: { reopen: { next: 'draft', roles: EDIT, effects: ['reset_review'] } },
  approved: {
    schedule: { next: 'scheduled', roles: REVIEW, fourEyes: true, effects: ['schedule_job'] },
    publish: { next: 'published', roles: REVIEW, fourEyes: true, effects: LIVE },
  },
  scheduled: {
    unschedule: { next: 'approved', roles: REVIEW, effects: ['cancel_job'] },
    publish: { next: 'published', roles: REVIEW, system: true, fourEyes: true, effects: ['cancel_job', ...LIVE] },
  },
  published: {
    approve_retrospectively: RETRO('published'),
    supersede: { next: 'superseded', roles: REVIEW, system: true, effects: ['record_superseded_by'] },
    withdraw: { next: 'withdrawn', roles: REVIEW, effects: ['record_reason', 'deindex', 'ledger_append'] },
    unpublish: UNPUBLISH,
  },
  superseded: { approve_retrospectively: RETRO('superseded') },
  withdrawn: { approve_retrospectively: RETRO('withdrawn'), unpublish: UNPUBLISH },
  unpublished: {},
};

const NOW = '2024-05-10T02:00:00.000Z';
const HAPPY: Record<EditionEventType, EditionEvent> = {
  submit: { type: 'submit' },
  reject: { type: 'reject', reason: '标题有误' },
  approve: { type: 'approve' },
  schedule: { type: 'schedule', publishAt: '2024-05-10T03:00:00.000Z' },
  unschedule: { type: 'unschedule' },
  publish: { type: 'publish' },
  urgent_publish: { type: 'urgent_publish', reason: '暴雨红色预警' },
  approve_retrospectively: { type: 'approve_retrospectively' },
  supersede: { type: 'supersede', byEditionId: 'edition-2' },
  withdraw: { type: 'withdraw', reason: '内容已过时' },
  unpublish: { type: 'unpublish', reason: '错误发布' },
  reopen: { type: 'reopen' },
};

function ctx(actor: EditionActor, over: Partial<EditionContext> = {}, edition: Partial<EditionContext['edition']> = {}): EditionContext {
  return {
    actor,
    submitterId: 'submitter',
    now: NOW,
    ...over,
    edition: {
      documentId: 'doc-1',
      changeType: 'major',
      changeNote: '修改第三条',
      publishAt: '2024-05-10T01:59:00.000Z',
      retrospectiveApprovalRequired: true,
      urgentPublishedBy: 'urgent-admin',
      ...edition,
    },
  };
}

const ACTORS: { label: string; actor: EditionActor; role?: RoleCode }[] = [
  ...roleCodes.map((role) => ({ label: role, actor: { id: 'actor', roles: [role] }, role })),
  { label: 'system', actor: { id: 'system', roles: [], system: true } },
];

describe('edition lifecycle: every state × event × role', () => {
  for (const state of editionStates) {
    for (const event of editionEventTypes) {
      test(`${state} + ${event}`, () => {
        const row = EXPECTED[state][event];
        for (const { label, actor, role } of ACTORS) {
          for (const asSubmitter of [false, true]) {
            const a = asSubmitter && !actor.system ? { ...actor, id: 'submitter' } : actor;
            const r = transition(state, HAPPY[event], ctx(a));
            const where = `${state}/${event}/${label}${asSubmitter ? '/submitter' : ''}`;
            let code: string | null = null;
            if (!row) code = 'invalid_transition';
            else if (actor.system ? !row.system : !row.roles.includes(role!)) code = 'role_not_allowed';
            else if (asSubmitter && !actor.system && row.fourEyes) code = 'four_eyes';
            if (code) {
              assert.equal(r.ok, false, where);
              if (!r.ok) {
                assert.equal(r.reason.code, code, where);
                assert.ok(r.reason.zh.length > 0 && r.reason.en.length > 0, where);
                assert.doesNotMatch(r.reason.zh + r.reason.en, /\{\w+\}/, where);
              }
            } else {
              assert.ok(r.ok, `${where}: ${!r.ok ? r.reason.code : ''}`);
              if (r.ok) {
                assert.equal(r.next, row!.next, where);
                assert.deepEqual(r.effects.map((e) => e.type), row!.effects, where);
              }
            }
          }
        }
      });
    }
  }
});

const reviewer: EditionActor = { id: 'rev', roles: ['reviewer'] };
const editor: EditionActor = { id: 'ed', roles: ['editor'] };
const admin: EditionActor = { id: 'adm', roles: ['office_admin'] };
const code = (r: ReturnType<typeof transition>) => (r.ok ? 'ok' : r.reason.code);

describe('edition lifecycle guards', () => {
  test('a major change needs a change note before submit; a minor one does not', () => {
    for (const note of [null, '', '   ']) {
      assert.equal(code(transition('draft', { type: 'submit' }, ctx(editor, { submitterId: null }, { changeNote: note }))), 'change_note_required');
      assert.equal(code(transition('draft', { type: 'submit' }, ctx(editor, {}, { changeType: 'minor', changeNote: note }))), 'ok');
    }
  });

  test('submit records the actor as submitter', () => {
    const r = transition('draft', { type: 'submit' }, ctx(editor, { submitterId: null }));
    assert.ok(r.ok);
    assert.deepEqual(r.effects[0], { type: 'record_submitter', userId: 'ed' });
  });

  test('reject, withdraw and unpublish need a non-blank reason, which is recorded trimmed', () => {
    for (const reason of ['', '  ', undefined as unknown as string]) {
      assert.equal(code(transition('submitted', { type: 'reject', reason }, ctx(reviewer))), 'reason_required');
      assert.equal(code(transition('published', { type: 'withdraw', reason }, ctx(reviewer))), 'reason_required');
      assert.equal(code(transition('published', { type: 'unpublish', reason }, ctx(admin))), 'reason_required');
    }
    const r = transition('submitted', { type: 'reject', reason: '  请补充附件 ' }, ctx(reviewer));
    assert.ok(r.ok);
    assert.deepEqual(r.effects[0], { type: 'record_reason', reason: '请补充附件' });
  });

  test('schedule needs a valid future instant; the lead time is configurable', () => {
    const at = (publishAt: string) => code(transition('approved', { type: 'schedule', publishAt }, ctx(reviewer)));
    assert.equal(at('not a time'), 'publish_at_invalid');
    assert.equal(at(NOW), 'publish_at_not_future');
    assert.equal(at('2024-05-10T01:00:00Z'), 'publish_at_not_future');
    assert.equal(at('2024-05-10T02:00:01Z'), 'ok');
    const r = transition('approved', { type: 'schedule', publishAt: '2024-05-10T10:00:01+08:00' }, ctx(reviewer));
    assert.ok(r.ok);
    assert.deepEqual(r.effects, [{ type: 'schedule_job', publishAt: '2024-05-10T02:00:01.000Z' }]);
  });

  test('a scheduled edition publishes only when due, by the system or a reviewer who did not submit it', () => {
    const system: EditionActor = { id: 'system', roles: [], system: true };
    const due = (publishAt: string | null, actor = system) =>
      code(transition('scheduled', { type: 'publish' }, ctx(actor, {}, { publishAt })));
    assert.equal(due('2024-05-10T02:00:00.001Z'), 'not_due');
    assert.equal(due(NOW), 'ok');
    assert.equal(due(null), 'publish_at_missing');
    assert.equal(due(NOW, reviewer), 'ok');
    assert.equal(due(NOW, { ...reviewer, id: 'submitter' }), 'four_eyes');
  });

  test('the system actor cannot approve or publish an unscheduled edition', () => {
    const system: EditionActor = { id: 'system', roles: [], system: true };
    assert.equal(code(transition('submitted', { type: 'approve' }, ctx(system))), 'role_not_allowed');
    assert.equal(code(transition('approved', { type: 'publish' }, ctx(system))), 'role_not_allowed');
    assert.equal(code(transition('submitted', { type: 'urgent_publish' }, ctx(system))), 'role_not_allowed');
  });

  test('four-eyes steps refuse when no submitter was recorded', () => {
    assert.equal(code(transition('submitted', { type: 'approve' }, ctx(reviewer, { submitterId: null }))), 'no_submitter');
  });

  test('urgent publish records the retrospective approval requirement and its reason', () => {
    const r = transition('submitted', { type: 'urgent_publish', reason: ' 暴雨预警 ' }, ctx(admin));
    assert.ok(r.ok);
    assert.deepEqual(r.effects[0], { type: 'record_urgent', userId: 'adm', retrospectiveApprovalRequired: true, reason: '暴雨预警' });
    const r2 = transition('submitted', { type: 'urgent_publish' }, ctx(admin));
    assert.ok(r2.ok && r2.effects[0]!.type === 'record_urgent' && r2.effects[0]!.reason === null);
  });

  test('retrospective approval: only when pending, never by the urgent publisher or submitter', () => {
    assert.equal(code(transition('published', { type: 'approve_retrospectively' }, ctx(reviewer, {}, { retrospectiveApprovalRequired: false }))), 'no_retrospective_pending');
    assert.equal(code(transition('published', { type: 'approve_retrospectively' }, ctx(admin, {}, { urgentPublishedBy: 'adm' }))), 'four_eyes_urgent');
    assert.equal(code(transition('published', { type: 'approve_retrospectively' }, ctx({ ...reviewer, id: 'submitter' }))), 'four_eyes');
  });

  test('supersede names the new edition', () => {
    assert.equal(code(transition('published', { type: 'supersede', byEditionId: ' ' }, ctx(reviewer))), 'superseding_edition_required');
    const r = transition('published', { type: 'supersede', byEditionId: 'e-9' }, ctx(reviewer));
    assert.ok(r.ok);
    assert.deepEqual(r.effects, [{ type: 'record_superseded_by', editionId: 'e-9' }]);
  });

  test('unpublish answers 410 or redirects to a replacement document, never to itself', () => {
    const r = transition('published', { type: 'unpublish', reason: '合并', replacementDocumentId: 'doc-2' }, ctx(admin));
    assert.ok(r.ok);
    assert.deepEqual(r.effects.at(-1), { type: 'redirect', replacementDocumentId: 'doc-2' });
    assert.equal(code(transition('published', { type: 'unpublish', reason: '合并', replacementDocumentId: 'doc-1' }, ctx(admin))), 'replacement_is_self');
  });

  test('an actor with several roles gets the union of their rights', () => {
    const both: EditionActor = { id: 'x', roles: ['editor', 'reviewer'] };
    assert.equal(code(transition('draft', { type: 'submit' }, ctx(both))), 'ok');
    assert.equal(code(transition('submitted', { type: 'approve' }, ctx(both))), 'ok');
    assert.equal(code(transition('submitted', { type: 'approve' }, ctx({ ...both, id: 'submitter' }))), 'four_eyes');
    assert.equal(code(transition('draft', { type: 'submit' }, ctx({ id: 'n', roles: [] }))), 'role_not_allowed');
  });

  test('unknown states and events from untyped input are refused, not thrown', () => {
    assert.equal(code(transition('draft', { type: 'delete' } as unknown as EditionEvent, ctx(admin))), 'unknown_event');
    assert.equal(code(transition('archived' as EditionState, { type: 'submit' }, ctx(admin))), 'unknown_event');
  });

  test('availableEvents lists what the buttons may offer', () => {
    assert.deepEqual(availableEvents('submitted', ctx(reviewer)), ['reject', 'approve']);
    assert.deepEqual(availableEvents('submitted', ctx(admin)), ['reject', 'approve', 'urgent_publish']);
    assert.deepEqual(availableEvents('submitted', ctx({ ...admin, id: 'submitter' })), ['reject']);
    assert.deepEqual(availableEvents('published', ctx(editor)), []);
    assert.deepEqual(availableEvents('unpublished', ctx({ id: 'root', roles: ['sysadmin'] })), []);
  });
});

describe('edition lifecycle properties', () => {
  const actors: EditionActor[] = [
    { id: 'a', roles: ['editor'] },
    { id: 'b', roles: ['reviewer'] },
    { id: 'c', roles: ['office_admin'] },
    { id: 'd', roles: ['editor', 'reviewer'] },
    { id: 'sys', roles: [], system: true },
  ];
  test('property: nothing is ever published by its submitter or without an approval by someone else or a recorded urgent publish', () => {
    let publications = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...editionEventTypes), fc.nat(actors.length - 1), fc.boolean()), { maxLength: 40 }), (steps) => {
        let state: EditionState = 'draft';
        let submitter: string | null = null;
        let approver: string | null = null;
        let urgentBy: string | null = null;
        let clock = Date.parse(NOW);
        let publishAt: string | null = null;
        for (const [type, who, later] of steps) {
          if (later) clock += 3_600_000;
          const actor = actors[who]!;
          const event = { ...HAPPY[type], ...(type === 'schedule' ? { publishAt: new Date(clock + 1_800_000).toISOString() } : {}) } as EditionEvent;
          const c = ctx(actor, { submitterId: submitter, now: new Date(clock).toISOString() }, { publishAt, retrospectiveApprovalRequired: urgentBy !== null, urgentPublishedBy: urgentBy });
          const r = transition(state, event, c);
          if (!r.ok) {
            assert.ok(r.reason.code && r.reason.zh && r.reason.en);
            continue;
          }
          assert.ok(editionStates.includes(r.next));
          if (r.next === 'published' && state !== 'published') {
            assert.notEqual(actor.id, submitter);
            const urgent = r.effects.some((e) => e.type === 'record_urgent');
            assert.ok(urgent || (approver !== null && approver !== submitter));
            publications++;
          }
          for (const e of r.effects) {
            if (e.type === 'record_submitter') submitter = e.userId;
            if (e.type === 'record_approver') approver = e.userId;
            if (e.type === 'reset_review') [submitter, approver] = [null, null];
            if (e.type === 'record_urgent') urgentBy = e.userId;
            if (e.type === 'record_retrospective_approval') urgentBy = null;
            if (e.type === 'schedule_job') publishAt = e.publishAt;
          }
          state = r.next;
        }
      }),
      { numRuns: 2000 },
    );
    assert.ok(publications > 0, 'the random runs reached a publication');
  });

  test('property: index and deindex effects only accompany entering or leaving the public states', () => {
    fc.assert(
      fc.property(fc.constantFrom(...editionStates), fc.constantFrom(...editionEventTypes), fc.constantFrom(...actors), (state, type, actor) => {
        const r = transition(state, HAPPY[type], ctx(actor, {}, { publishAt: NOW }));
        if (!r.ok) return;
        const types = r.effects.map((e) => e.type);
        if (types.includes('index')) assert.equal(r.next, 'published');
        if (types.includes('deindex')) assert.ok(['withdrawn', 'unpublished'].includes(r.next));
        if (r.next === 'published' && state !== 'published') assert.ok(types.includes('index') && types.includes('ledger_append'));
      }),
    );
  });
});
