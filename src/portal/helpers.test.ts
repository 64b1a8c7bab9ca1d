import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beijingDate, bodyForPage, topicLabel, genreLabel } from './format.ts';
import { pageParam, withQuery, documentHref } from './urls.ts';
import { pageWindow, lastPage } from './components/pagination.tsx';
import { columnAncestors, columnTree, findColumnNode } from './publishing.ts';
import { groupLinks } from './components/doc-links.tsx';
import { parseStatus, statusMatches } from './normative.ts';
import type { Column, DocumentLink } from './types.ts';

test('dates are shown as Beijing calendar dates', () => {
  assert.equal(beijingDate('2024-03-01T16:30:00.000Z'), '2024-03-02');
  assert.equal(beijingDate('2024-03-01T15:59:59Z'), '2024-03-01');
  assert.equal(beijingDate('2024-03-01'), '2024-03-01');
  assert.equal(beijingDate(null), null);
  assert.equal(beijingDate('not a date'), null);
});

test('body headings move one level down; labels for topic and genre', () => {
  assert.equal(bodyForPage('<h1>一</h1><h2>二</h2><h6>六</h6><p>h1</p><hr>'), '<h2>一</h2><h3>二</h3><h6>六</h6><p>h1</p><hr>');
  assert.equal(topicLabel('0201'), '综合政务\\政务公开');
  assert.equal(topicLabel('9999'), '9999');
  assert.equal(topicLabel(null), null);
  assert.equal(genreLabel('通知'), '通知');
});

test('URLs: query strings, page numbers, slugs', () => {
  assert.equal(withQuery('/normative', { status: '', org: 'a b', page: 1 }), '/normative?org=a+b');
  assert.equal(withQuery('/columns/x', { page: 3 }), '/columns/x?page=3');
  assert.equal(pageParam(''), 1);
  assert.equal(pageParam('abc'), 1);
  assert.equal(pageParam('0'), 1);
  assert.equal(pageParam('7'), 7);
  assert.equal(pageParam('99999999'), 1, 'absurd numbers are not numbers');
  assert.equal(documentHref({ id: 'i', slug: '文件/1' }), '/documents/%E6%96%87%E4%BB%B6%2F1');
  assert.equal(documentHref({ id: 'i', slug: '' }), '/documents/i');
});

test('pagination shows the ends and two pages either side, with gaps', () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 10), [1, 2, 3, 0, 10]);
  assert.deepEqual(pageWindow(6, 12), [1, 0, 4, 5, 6, 7, 8, 0, 12]);
  assert.deepEqual(pageWindow(4, 5), [1, 2, 3, 4, 5]);
  assert.equal(lastPage(0, 20), 1);
  assert.equal(lastPage(41, 20), 3);
});

const col = (id: string, parentId: string | null, documents: number): Column => ({ id, organisationId: 'org', parentId, code: id, name: id, updateDays: null, template: null, sortOrder: 0, documents });

test('the column tree sums documents upwards; ancestors run from the root', () => {
  const columns = [col('root', null, 0), col('a', 'root', 1), col('a1', 'a', 2), col('b', 'root', 0), col('other', null, 0)];
  const tree = columnTree(columns);
  assert.deepEqual(tree.map((n) => [n.id, n.total]), [['root', 3], ['other', 0]]);
  assert.equal(findColumnNode(tree, 'a')!.total, 3);
  assert.deepEqual(findColumnNode(tree, 'a')!.children.map((c) => c.id), ['a1']);
  assert.deepEqual(columnAncestors(columns, 'a1').map((c) => c.id), ['root', 'a']);
  assert.deepEqual(columnAncestors(columns, 'root'), []);
});

test('links are grouped by label in order of appearance', () => {
  const link = (id: string, label: string) => ({ id, type: 't', direction: 'out', label, document: { id, title: id, publicState: 'published', docNo: null } }) as DocumentLink;
  assert.deepEqual(groupLinks([link('1', '相关解读'), link('2', '被修改'), link('3', '相关解读')]).map((g) => [g.label, g.links.map((l) => l.id)]), [
    ['相关解读', ['1', '3']],
    ['被修改', ['2']],
  ]);
});

test('the library shows documents in force by default', () => {
  assert.equal(parseStatus('bogus'), '');
  assert.equal(parseStatus('repealed'), 'repealed');
  assert.ok(statusMatches('', 'in_force') && statusMatches('', 'amended'));
  assert.ok(!statusMatches('', 'repealed') && !statusMatches('', 'expired') && !statusMatches('', undefined));
  assert.ok(statusMatches('all', 'repealed') && statusMatches('all', undefined));
  assert.ok(statusMatches('expired', 'expired') && !statusMatches('expired', 'in_force'));
});
