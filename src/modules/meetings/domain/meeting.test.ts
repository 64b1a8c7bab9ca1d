import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultTitle, meetingActions, meetingEvents, meetingStates, meetingTransition, publicItems, totalParticipants, type MeetingEvent, type MeetingState } from './meeting.ts';

const EXPECTED: Record<MeetingState, Partial<Record<MeetingEvent, MeetingState>>> = {
  draft: { publish: 'published', edit: 'draft' },
  published: { withdraw: 'withdrawn' },
  withdrawn: { publish: 'published', edit: 'withdrawn' },
};

test('every (state, event, permission) combination follows the expected table with a Chinese reason for refusals', () => {
  for (const s of meetingStates)
    for (const e of meetingEvents)
      for (const manage of [true, false]) {
        const r = meetingTransition(s, e, manage);
        const exp = EXPECTED[s][e];
        if (manage && exp) assert.deepEqual(r, { ok: true, next: exp });
        else {
          assert.equal(r.ok, false, `${s} ${e} ${manage}`);
          if (!r.ok) assert.match(r.reason, /[\u4e00-\u9fff]/);
        }
      }
  assert.deepEqual(meetingActions('draft'), ['publish']);
  assert.deepEqual(meetingActions('published'), ['withdraw']);
  assert.match((meetingTransition('published', 'edit', true) as { reason: string }).reason, /先撤下/);
});

test('property: confidential decided items never reach the public list, the others keep their order', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ text: fc.string({ minLength: 1, maxLength: 20 }), confidential: fc.boolean() }), { maxLength: 30 }), (items) => {
      const shown = publicItems(items);
      assert.deepEqual(shown, items.filter((i) => !i.confidential).map((i) => i.text));
      assert.equal(shown.length, items.filter((i) => !i.confidential).length);
    }),
  );
});

test('participation totals and default titles', () => {
  assert.equal(totalParticipants({ grassroots: 2, enterprise: 3, media: 1, expert: 4 }), 10);
  assert.equal(defaultTitle('宜昌市人民政府', 'executive', 12), '宜昌市人民政府第12次常务会议');
  assert.equal(defaultTitle('夷陵区', 'plenary', 3), '夷陵区人民政府第3次全体会议');
});
