import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanupDecisions, cleanupEffects, cleanupRefusal, type CleanupEvent, type CleanupItemView } from './normative-cleanup.ts';

const item = (documentId: string, decision: CleanupItemView['decision'], reason: string | null = '理由'): CleanupItemView => ({ documentId, decision, reason });
const events: CleanupEvent[] = ['add_items', 'remove_item', 'decide', 'edit', 'publish', 'delete'];

describe('clean-up campaign transitions', () => {
  for (const event of events) {
    test(`a published campaign refuses ${event}`, () => {
      assert.equal(cleanupRefusal('published', event, [item('a', 'keep')])?.code, 'published');
    });
    if (event !== 'publish') {
      test(`a draft allows ${event}`, () => assert.equal(cleanupRefusal('draft', event, []), null));
    }
  }

  test('publishing needs documents, a decision for each, and reasons except for 继续有效', () => {
    assert.equal(cleanupRefusal('draft', 'publish', [])?.code, 'empty');
    assert.equal(cleanupRefusal('draft', 'publish', [item('a', 'keep'), item('b', null)])?.code, 'undecided');
    assert.equal(cleanupRefusal('draft', 'publish', [item('a', 'repeal', ' ')])?.code, 'reason_required');
    assert.equal(cleanupRefusal('draft', 'publish', [item('a', 'keep', null), item('b', 'amend'), item('c', 'repeal'), item('d', 'expire')]), null);
  });
});

describe('clean-up effects', () => {
  test('废止 → repeals, 失效 → expires, on the publication date; 修改 and 继续有效 record nothing', () => {
    const effects = cleanupEffects([item('a', 'keep'), item('b', 'amend'), item('c', 'repeal'), item('d', 'expire')], '2025-06-30');
    assert.deepEqual(effects, [
      { affectedDocumentId: 'c', type: 'repeals', inForceOn: '2025-06-30' },
      { affectedDocumentId: 'd', type: 'expires', inForceOn: '2025-06-30' },
    ]);
  });

  test('property: exactly one effect per 废止/失效 decision, all on the publication date', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...cleanupDecisions)), (decisions) => {
        const items = decisions.map((d, i) => item(`d${i}`, d));
        const effects = cleanupEffects(items, '2025-01-01');
        assert.equal(effects.length, decisions.filter((d) => d === 'repeal' || d === 'expire').length);
        assert.ok(effects.every((e) => e.inForceOn === '2025-01-01'));
        assert.equal(new Set(effects.map((e) => e.affectedDocumentId)).size, effects.length);
      }),
    );
  });
});
