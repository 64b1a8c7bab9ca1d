import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskInHtml } from './mask-html.ts';

test('masks every occurrence in text nodes, leaving tags and attributes alone', () => {
  const html = '<p title="11010519491231002X">身份证号 11010519491231002X，联系人同上：<b>11010519491231002X</b></p>';
  const r = maskInHtml(html, [{ text: '11010519491231002X', masked: '110105********002X' }]);
  assert.equal(r.replaced, 2);
  assert.equal(r.html, '<p title="11010519491231002X">身份证号 110105********002X，联系人同上：<b>110105********002X</b></p>');
});

test('a match split by markup is not replaced (reported as zero)', () => {
  const r = maskInHtml('<p>4205<b>02</b>19900307</p>', [{ text: '42050219900307', masked: '420502****0307' }]);
  assert.equal(r.replaced, 0);
  assert.equal(r.html, '<p>4205<b>02</b>19900307</p>');
});

test('escaped characters in the match are found in their HTML form', () => {
  const r = maskInHtml('<p>a&amp;b 13800138000</p>', [{ text: 'a&b 13800138000', masked: 'a&b 138****8000' }]);
  assert.equal(r.replaced, 1);
  assert.equal(r.html, '<p>a&amp;b 138****8000</p>');
});

test('property: the masked text never remains in a text node, tags are unchanged', () => {
  const word = fc.stringMatching(/^[0-9]{11}$/);
  fc.assert(
    fc.property(word, fc.array(fc.constantFrom('前文', '<p>', '</p>', '<br>', '，', 'x'), { maxLength: 6 }), (w, filler) => {
      const html = `${filler.join('')}<p>${w}</p>${filler.join('')}${w}`;
      const tags = html.match(/<[^>]*>/g) ?? [];
      const r = maskInHtml(html, [{ text: w, masked: `${w.slice(0, 3)}****${w.slice(7)}` }]);
      const textOnly = r.html.replace(/<[^>]*>/g, '\u0000');
      assert.ok(!textOnly.includes(w));
      assert.deepEqual(r.html.match(/<[^>]*>/g) ?? [], tags);
      assert.equal(r.replaced, 2);
    }),
  );
});
