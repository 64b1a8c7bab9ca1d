import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { distinctIndexTokens, indexTokens } from '../text/segment.ts';
import { MAX_BODY_CHARS, bodyTokens, toRow } from './store.ts';
import { ORG, lawDoc } from './search.testkit.ts';

test('distinctIndexTokens: the index tokens of the texts in first-seen order, without repeats, capped', () => {
  assert.deepEqual(distinctIndexTokens(['政务公开', '公开 政务 2023', '2023年'], 10), ['政务', '公开', '2023', '年']);
  assert.deepEqual(distinctIndexTokens(['政务公开', '公开 政务 2023', '2023年'], 2), ['政务', '公开']);
  assert.deepEqual(distinctIndexTokens(['', ' ，。'], 10), []);
});

test('bodyTokens: the 发文字号 and 索引号 give every boundary pair, the body only those next to a one-character word', () => {
  const tokens = (docNo: string | null, body: string) => bodyTokens(docNo, null, body).split(' ');
  // 宜府|办发: a searcher types 宜府办, whose tokens are 宜府 and 府办.
  assert.ok(tokens('宜府办发〔2023〕5号', '正文').includes('府办'));
  assert.ok(!tokens(null, '根据宜府办发〔2023〕5号').includes('府办'));
  // 施工|作业 is not 工作 in a body (ADR 0007); 燃气管|道 still gives 管道.
  assert.deepEqual(
    ['工作', '管道'].map((t) => tokens(null, '施工作业人员不得私自改装燃气管道').includes(t)),
    [false, true],
  );
});

test('property: distinctIndexTokens equals the concatenated indexTokens without repeats, within the cap', () => {
  const piece = fc.constantFrom(
    '中华人民共和国',
    '燃气管道',
    '宜府办发〔2023〕5号',
    'COVID-19',
    '政務公開',
    '看著',
    '条例',
    '，',
    ' ',
    'abc',
    '１２',
  );
  fc.assert(
    fc.property(
      fc.array(
        fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
        { maxLength: 4 },
      ),
      fc.integer({ min: 1, max: 40 }),
      (texts, max) => {
        const expected = [...new Set(texts.flatMap((t) => indexTokens(t)))].slice(0, max);
        assert.deepEqual(distinctIndexTokens(texts, max), expected);
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
