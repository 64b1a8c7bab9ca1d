import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_BODY_CHARS, capTokens, toRow } from './store.ts';
import { ORG, lawDoc } from './search.testkit.ts';

test('capTokens keeps at most n repeats of a token and at most m distinct tokens, in order', () => {
  assert.deepEqual(capTokens(['a', 'b', 'a', 'a', 'c', 'a'], 2, 10), ['a', 'b', 'a', 'c']);
  assert.deepEqual(capTokens(['a', 'b', 'c', 'a', 'd', 'b'], 5, 2), ['a', 'b', 'a', 'b']);
});

test('property: capTokens output is a subsequence within both limits', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e')),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 5 }),
      (tokens, occ, distinct) => {
        const out = capTokens(tokens, occ, distinct);
        const counts = new Map<string, number>();
        for (const t of out) counts.set(t, (counts.get(t) ?? 0) + 1);
        assert.ok(counts.size <= distinct && [...counts.values()].every((n) => n <= occ));
        let i = 0;
        for (const t of tokens) if (t === out[i]) i++;
        assert.equal(i, out.length);
      },
    ),
  );
});

test('an index row: body cut for snippets, tokens from the whole body, title, numbers normalised', () => {
  const shantou = lawDoc('汕头经济特区消防条例(2022-12-30).md', ORG.city, {
    id: 'st',
    docNo: '汕府〔2022〕１２号',
    indexNo: ' 11440500MB2C/2022-00012 ',
  });
  const basicLaw = lawDoc('香港特别行政区基本法(1990-04-04).md', ORG.city, { id: 'hk' });
  const doc = { ...shantou, body: `${shantou.body}\n${basicLaw.body}` };
  const row = toRow(doc);
  assert.equal(row.body.length, MAX_BODY_CHARS);
  assert.ok(!row.body.includes('国歌') && doc.body.includes('国歌'));
  assert.ok(row.tokens.split(' ').includes('国歌'));
  assert.ok(row.title_tokens.split(' ').includes('消防'));
  assert.equal(row.doc_no_norm, '汕府〔2022〕12号');
  assert.equal(row.index_no, '11440500mb2c/2022-00012');
  assert.ok(row.tokens.split(' ').includes('汕府'));
  assert.throws(() => toRow({ ...doc, version: 1.5 }), TypeError);
  assert.throws(() => toRow({ ...doc, id: '' }), TypeError);
});
