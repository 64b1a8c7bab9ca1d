import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeHtml, findHits, highlightTitle, snippet, SNIPPET_LENGTH } from './snippet.ts';
import { visibleText } from './search.testkit.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

test('escapeHtml escapes the five HTML-significant characters', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('titles: tokens are found in traditional and full-width text and marked in the original characters', () => {
  assert.equal(highlightTitle('宜昌市政務公開工作要點', ['政务', '公开']), '宜昌市<mark>政務公開</mark>工作要點');
  assert.equal(highlightTitle('ＣＯＶＩＤ-19防控', ['covid']), '<mark>ＣＯＶＩＤ</mark>-19防控');
  assert.equal(highlightTitle('<b>燃气</b>', ['燃气']), '&lt;b&gt;<mark>燃气</mark>&lt;/b&gt;');
});

test('ASCII tokens mark whole words only', () => {
  assert.equal(highlightTitle('data a b2b', ['a', 'b2b']), 'data <mark>a</mark> <mark>b2b</mark>');
  assert.deepEqual(findHits('metadata', ['data']), []);
});

test('the snippet window is the part of the body with the most hits', () => {
  const filler = '本条例自公布之日起施行。'.repeat(30);
  const dense = '燃气经营者应当对燃气设施定期检查，发现燃气泄漏立即处理。';
  const body = `${filler}燃气。${filler}${dense}${filler}`;
  const html = snippet(body, ['燃气']);
  assert.ok(html.startsWith('…') && html.endsWith('…'), html);
  assert.ok(visibleText(html).includes(dense), html);
  assert.equal(html.match(/<mark>燃气<\/mark>/g)?.length, 3);
  assert.ok(visibleText(html).length <= SNIPPET_LENGTH);
});

test('without hits in the body the snippet is its beginning', () => {
  const body = '第一条 为了加强管理，制定本条例。'.repeat(20);
  const html = snippet(body, ['zwgk']);
  assert.ok(html.startsWith('第一条') && html.endsWith('…'));
  assert.ok(!html.includes('<mark>'));
});

test('property: snippets are short, escaped, a piece of the body, and never split a character', () => {
  const token = fc.constantFrom('燃气', '管理', 'a', '条例', '<', '&');
  const body = fc.string({
    unit: fc.constantFrom('燃', '气', '管', '理', '条', '例', ' ', '<', '&', 'a', '😀', '\n', '"'),
    maxLength: 600,
  });
  fc.assert(
    fc.property(body, fc.array(token, { maxLength: 3 }), (text, tokens) => {
      const html = snippet(text, tokens);
      const visible = visibleText(html);
      assert.ok(visible.length <= SNIPPET_LENGTH, `${visible.length}`);
      assert.ok(!/<(?!\/?mark>)/.test(html), html);
      assert.ok(text.replace(/\s+/g, ' ').trim().includes(visible.replace(/^…|…$/g, '')), html);
      assert.ok(!LONE_SURROGATE.test(visible), html);
    }),
  );
});
