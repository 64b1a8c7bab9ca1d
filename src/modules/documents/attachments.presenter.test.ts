import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { presentAttachments } from './attachments.presenter.ts';
import type { AttachmentSummary } from './attachments.repository.ts';

const row = (id: string, sort: number, extra: Partial<AttachmentSummary> = {}): AttachmentSummary => ({
  id, edition_id: 'e1', filename: `${id}.pdf`, mime: 'application/pdf', size: 10, sha256: 'x', storage_key: 'k', accessible: 0,
  html_version_of: null, sort_order: sort, created_at: '2026-01-01T00:00:00.000Z', text_chars: 0, ...extra,
});

test('an HTML version comes right before its PDF, preferred; the PDF is the original', () => {
  const list = presentAttachments('d1', [
    row('a', 0),
    row('pdf', 1),
    row('b', 2),
    row('html', 3, { mime: 'text/html', filename: 'html.html', html_version_of: 'pdf', accessible: 1 }),
  ]);
  assert.deepEqual(list.map((a) => a.id), ['a', 'html', 'pdf', 'b']);
  assert.deepEqual(list.map((a) => [a.preferred, a.original]), [[false, false], [true, false], [false, true], [false, false]]);
  assert.equal(list[1]!.kind, 'html');
  assert.equal(list[1]!.url, '/api/v1/documents/d1/editions/e1/attachments/html');
});

test('dangling, self and non-HTML links are ignored', () => {
  const html = { mime: 'text/html' };
  const list = presentAttachments('d1', [row('a', 0, { ...html, html_version_of: 'a' }), row('b', 1, { ...html, html_version_of: 'gone' }), row('c', 2, { html_version_of: 'd' }), row('d', 3)]);
  assert.deepEqual(list.map((a) => [a.id, a.preferred, a.original]), [['a', false, false], ['b', false, false], ['c', false, false], ['d', false, false]]);
});

test('property: reordering keeps every attachment exactly once, and each preferred one directly precedes its original', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 7 }), fc.boolean()), { minLength: 1, maxLength: 8 }), (links) => {
      const rows = links.map(([l, html], i) => row(`r${i}`, i, { ...(l >= 0 ? { html_version_of: `r${l}` } : {}), ...(html ? { mime: 'text/html' } : {}) }));
      const list = presentAttachments('d', rows);
      assert.deepEqual([...list.map((a) => a.id)].sort(), rows.map((r) => r.id).sort());
      list.forEach((a, i) => {
        if (a.preferred) {
          assert.equal(list[i + 1]?.id, a.htmlVersionOf);
          assert.equal(list[i + 1]?.original, true);
        }
      });
    }),
  );
});
