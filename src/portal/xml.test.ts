import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXml } from './xml.ts';
import { renderAtom, documentEntryId } from './atom.ts';
import { renderRobots, renderSitemap } from './sitemap-xml.ts';
import { childText, childrenNamed, parseXml } from './testing/xml.ts';

test('escapeXml escapes markup and drops characters XML 1.0 forbids', () => {
  assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  assert.equal(escapeXml('甲\u0000乙\u0008丙\t\n'), '甲乙丙\t\n');
  assert.equal(escapeXml('\uD800x'), '\uFFFDx', 'a lone surrogate cannot be encoded in UTF-8');
  assert.equal(escapeXml('😀'), '😀');
});

test('the test XML reader accepts well-formed XML and rejects the usual mistakes', () => {
  const doc = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; 2"><b>&lt;t&gt;&#x4E2D;&#25991;</b><c/><!-- note --></a>');
  assert.equal(doc.attrs.x, '1 & 2');
  assert.equal(childText(doc, 'b'), '<t>中文');
  assert.equal(childrenNamed(doc, 'c').length, 1);
  for (const bad of ['<a><b></a></b>', '<a>&</a>', '<a>&nbsp;</a>', '<a x="1" x="2"/>', '<a x=1/>', '<a/><b/>', '<a>', 'text<a/>', '<a>\u0001</a>']) {
    assert.throws(() => parseXml(bad), Error, bad);
  }
});

test('an Atom feed has the required elements, also without entries', () => {
  const empty = parseXml(renderAtom({ title: '空', selfUrl: 'http://x/f.atom', pageUrl: 'http://x/', author: '办公室', entries: [], now: '2024-05-06T07:08:09.123Z' }));
  assert.equal(childText(empty, 'updated'), '2024-05-06T07:08:09Z');
  assert.equal(childText(empty, 'id'), 'http://x/f.atom');
  const feed = parseXml(
    renderAtom({
      title: 'T & <U>',
      selfUrl: 'http://x/f.atom?a=1&b=2',
      pageUrl: 'http://x/',
      author: '办公室',
      entries: [
        { id: documentEntryId('0190C7B4-0000-7000-8000-000000000001'), title: '旧', url: 'http://x/d/1', updated: '2024-01-01T00:00:00Z', summary: 's', author: 'a' },
        { id: documentEntryId('slug'), title: '新', url: 'http://x/d/2', updated: '2024-03-01T00:00:00.500Z', summary: 's', author: 'a', categories: [{ term: 'in_force', label: '有效' }] },
      ],
    }),
  );
  assert.equal(childText(feed, 'title'), 'T & <U>');
  assert.equal(childText(feed, 'updated'), '2024-03-01T00:00:00Z', 'the newest entry');
  assert.equal(childrenNamed(feed, 'link')[0]!.attrs.href, 'http://x/f.atom?a=1&b=2');
  const [first, second] = childrenNamed(feed, 'entry');
  assert.equal(childText(first!, 'id'), 'urn:uuid:0190c7b4-0000-7000-8000-000000000001');
  assert.equal(childText(second!, 'id'), 'tag:gongkai,2024:document:slug');
  assert.equal(childrenNamed(second!, 'category')[0]!.attrs.label, '有效');
});

test('sitemap and robots', () => {
  const urlset = parseXml(renderSitemap([{ loc: 'http://x/?a=1&b=2', lastmod: '2024-01-02' }, { loc: 'http://x/b' }]));
  assert.deepEqual(childrenNamed(urlset, 'url').map((u) => [childText(u, 'loc'), childText(u, 'lastmod')]), [
    ['http://x/?a=1&b=2', '2024-01-02'],
    ['http://x/b', undefined],
  ]);
  assert.match(renderRobots('http://x/sitemap.xml'), /\nSitemap: http:\/\/x\/sitemap\.xml\n$/);
});
