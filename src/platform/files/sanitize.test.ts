import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sanitizeRichText } from './index.ts';

const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

test('the document-body allow-list is kept', () => {
  const body =
    '<h2>一、总体要求</h2><p>正文<br>第二行<sup>1</sup><sub>2</sub> <strong>加粗</strong><em>斜</em><u>下划</u></p>' +
    '<ol><li>一</li></ol><ul><li>二</li></ul><blockquote>引文</blockquote><pre><code>x</code></pre><hr>' +
    '<table><thead><tr><th colspan="2">表头</th></tr></thead><tbody><tr><td rowspan="2">1</td><td>2</td></tr></tbody></table>' +
    `<p><a href="https://www.yichang.gov.cn/">市政府</a> <a href="/docs/1">相对</a> <a href="mailto:gk@example.cn">邮件</a></p>` +
    `<p><img src="https://example.cn/a.png" alt="图"><img src="/img/b.jpg" alt=""><img src="${PIXEL}" alt="点"></p>`;
  assert.equal(
    sanitizeRichText(body),
    body
      .replace('<hr>', '<hr />')
      .replace('<br>', '<br />')
      .replace(/<a href="([^"]+)">/g, '<a href="$1" rel="noopener">')
      .replace(/<img ([^>]+)>/g, '<img $1 />'),
  );
});

test('scripts, styles, event handlers, javascript: URLs and foreign markup are removed', () => {
  const cases: [string, string][] = [
    ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['<style>p{}</style><p style="color:red" class="x" id="y">t</p>', '<p>t</p>'],
    ['<p onclick="alert(1)" onmouseover="x">t</p>', '<p>t</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener">x</a>'],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener">x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', '<a rel="noopener">x</a>'],
    ['<a href="data:text/html,<script>1</script>">x</a>', '<a rel="noopener">x</a>'],
    ['<a href="//evil.example/">x</a>', '<a rel="noopener">x</a>'],
    ['<a href="https://ok.example/" target="_blank" rel="opener">x</a>', '<a href="https://ok.example/" rel="noopener">x</a>'],
    ['<img src="javascript:alert(1)" onerror="alert(1)">', ''],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="s">', ''],
    ['<img src="data:text/html;base64,PHNjcmlwdD4=">', ''],
    ['<iframe src="https://evil.example/"></iframe><object data="x"></object><embed src="x">', ''],
    ['<svg><script>alert(1)</script></svg><math><mi>x</mi></math>', ''],
    ['<form action="/x"><input name="a"><button>b</button></form>', 'b'],
    ['<td colspan="2" rowspan="x" style="width:1px">c</td>', '<td colspan="2">c</td>'],
    ['<b>粗</b><i>斜</i><font color="red">字</font><span>段</span>', '<strong>粗</strong><em>斜</em>字段'],
    ['<p>x</p><!-- <script>alert(1)</script> -->', '<p>x</p>'],
  ];
  for (const [input, expected] of cases) assert.equal(sanitizeRichText(input), expected, input);
});

test('property: sanitising is idempotent and never leaves an active construct', () => {
  const fragment = fc.constantFrom(
    '<script>alert(1)</script>',
    '<p onclick="x()">',
    '</p>',
    '<a href="javascript:x()">',
    '</a>',
    '<img src=x onerror=alert(1)>',
    '<style>*{}</style>',
    '<iframe>',
    '<svg onload=x>',
    '<table><tr><td colspan=3>',
    '</td></tr></table>',
    '文本',
    '&lt;',
    '<',
    '>',
    '"',
    "'",
    '<h1>',
    '</h1>',
    '<a href="https://a.example/">',
    '<img src="https://a.example/a.png">',
    'javascript:',
    '<br>',
    '<ul><li>',
  );
  fc.assert(
    fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
      const once = sanitizeRichText(parts.join(''));
      assert.equal(sanitizeRichText(once), once);
      assert.doesNotMatch(once, /<(script|style|iframe|svg)|\son\w+=|href="javascript:|src="javascript:/i);
    }),
  );
});

test('a discarded pseudo-tag that swallows a paragraph does not break idempotence (found by fast-check)', async () => {
  const { sanitizeRichText: clean } = await import('./sanitize.ts');
  const once = clean('<p onclick="x()"><javascript:<script>alert(1)</script><p onclick="x()">');
  assert.equal(clean(once), once);
  assert.doesNotMatch(once, /<script|onclick/);
  assert.doesNotMatch(once, /<p>[^<]*<p>/, 'no paragraph nested in a paragraph');
});

test('article and chapter anchors survive sanitising; other ids do not', async () => {
  const { sanitizeRichText: clean } = await import('./sanitize.ts');
  const out = clean('<h2 id="chap-2">第二章</h2><p id="art-3">第三条</p><p id="art-3-2">第三条之二</p><p id="evil" onclick="x()">x</p><p id="javascript:1">y</p>');
  assert.match(out, /<h2 id="chap-2">/);
  assert.match(out, /<p id="art-3">/);
  assert.match(out, /<p id="art-3-2">/);
  assert.ok(!/evil|onclick|javascript/.test(out));
});
