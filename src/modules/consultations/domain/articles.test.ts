import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorExists, anchorLabel, articleLabel, parseDraft } from './articles.ts';
import { formatChineseNumber, parseChineseNumber } from './numerals.ts';

test('Chinese numerals: known forms', () => {
  const cases: [string, number][] = [['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['一百', 100], ['一百零三', 103], ['一百一十', 110], ['两千零五', 2005], ['九千九百九十九', 9999]];
  for (const [text, n] of cases) {
    assert.equal(parseChineseNumber(text), n, text);
    if (text !== '两千零五') assert.equal(formatChineseNumber(n), text);
  }
  assert.equal(parseChineseNumber('3'), 3);
  assert.equal(parseChineseNumber('１２'), 12);
  for (const bad of ['', '一二', '十百', '零', 'x', '0']) assert.equal(parseChineseNumber(bad), null, bad);
});

test('property: formatting then parsing a number gives it back', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), (n) => parseChineseNumber(formatChineseNumber(n)) === n));
});

test('a draft with chapters, 款 and 项', () => {
  const text = ['宜昌市某某管理办法（征求意见稿）', '第一章\u3000总则', '第一条\u3000为了规范管理，制定本办法。', '第二条\u3000本办法适用于本市。', '前款规定不适用于军事设施。', '第二章\u3000管理', '第三条\u3000市政府应当：', '（一）编制规划；', '（二）组织实施。', '第四条\u3000本办法自公布之日起施行。'].join('\n');
  const d = parseDraft(text);
  assert.deepEqual(d.issues, []);
  assert.deepEqual(d.preamble, ['宜昌市某某管理办法（征求意见稿）']);
  assert.deepEqual(d.chapters, ['第一章\u3000总则', '第二章\u3000管理']);
  assert.equal(d.articles.length, 4);
  assert.deepEqual(d.articles[1]!.paragraphs, ['本办法适用于本市。', '前款规定不适用于军事设施。']);
  assert.equal(d.articles[2]!.chapter, '第二章\u3000管理');
  assert.deepEqual(d.articles[2]!.paragraphs, ['市政府应当：\n（一）编制规划；\n（二）组织实施。']);
  assert.equal(anchorExists(d, '3'), true);
  assert.equal(anchorExists(d, '2.2'), true);
  assert.equal(anchorExists(d, '2.3'), false);
  assert.equal(anchorExists(d, '9'), false);
  assert.equal(anchorExists(d, 'x'), false);
  assert.equal(anchorLabel('2.2'), '第二条第二款');
  assert.equal(anchorLabel(null), '总体意见');
});

test('numbering problems are issues, not crashes', () => {
  const d = parseDraft('第一条\u3000甲\n第三条\u3000乙\n第三条\u3000丙');
  assert.equal(d.issues.length, 2);
  assert.match(d.issues[0]!.message, /应为第二条/);
  assert.match(d.issues[1]!.message, /重复/);
  // "第三条规定的" inside a sentence is not a heading; a heading needs a space after 条
  assert.equal(parseDraft('依照第三条规定的程序').articles.length, 0);
});

const sentence = fc.stringMatching(/^[甲乙丙丁戊己庚辛壬癸。，；]{1,12}$/);
const draftShape = fc.array(fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 4 });

test('property: a well-formed draft parses back into its articles and paragraphs', () => {
  fc.assert(
    fc.property(draftShape, (chapters) => {
      const lines: string[] = [];
      const expected: string[][] = [];
      chapters.forEach((articles, ci) => {
        lines.push(`第${formatChineseNumber(ci + 1)}章\u3000第${ci + 1}部分`);
        for (const paragraphs of articles) {
          expected.push(paragraphs);
          lines.push(`${articleLabel(expected.length)}\u3000${paragraphs[0]}`, ...paragraphs.slice(1));
        }
      });
      const d = parseDraft(lines.join('\n'));
      assert.deepEqual(d.issues, []);
      assert.deepEqual(d.articles.map((a) => a.paragraphs), expected);
      assert.deepEqual(d.articles.map((a) => a.key), expected.map((_, i) => String(i + 1)));
      assert.equal(d.chapters.length, chapters.length);
    }),
  );
});

test('property: any text parses without throwing, with unique article keys when there are no issues', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (s) => {
      const d = parseDraft(s);
      if (d.issues.length === 0) assert.equal(new Set(d.articles.map((a) => a.key)).size, d.articles.length);
    }),
  );
});
