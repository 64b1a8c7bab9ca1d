import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanUserText, duplicateKey, normaliseEmail, normalisePhone } from './user-text.ts';

test('markup is removed and scripts never survive', () => {
  assert.equal(cleanUserText('<script>alert(1)</script>请问<b>补贴</b>怎么申请？'), '请问补贴怎么申请？');
  assert.equal(cleanUserText('<img src=x onerror=alert(1)>标准'), '标准');
  assert.equal(cleanUserText('1 < 2 且 3 > 2'), '1 < 2 且 3 > 2');
  assert.equal(cleanUserText('  第一行 \r\n\r\n\r\n 第二行  '), '第一行\n\n第二行');
  assert.equal(cleanUserText(42), '');
});

test('property: cleaned text never contains a tag and cleaning is idempotent', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      const once = cleanUserText(s);
      // A tag starts with <letter, <! or </letter; a bare "</" at the end is text, and stays (fast-check found it).
      assert.doesNotMatch(once, /<(?:[a-z!]|\/[a-z])/i);
      assert.equal(cleanUserText(once), once);
    }),
    { numRuns: 300 },
  );
});

test('duplicates ignore spacing, punctuation, full-width forms and case', () => {
  assert.equal(duplicateKey('请问 创业补贴，怎么申请？'), duplicateKey('请问创业补贴怎么申请'));
  assert.equal(duplicateKey('ＡＢＣ 补贴'), duplicateKey('abc补贴'));
  assert.notEqual(duplicateKey('创业补贴'), duplicateKey('就业补贴'));
});

test('contacts: mobile numbers and e-mail addresses', () => {
  assert.equal(normalisePhone('+86 139-0000-1234'), '13900001234');
  assert.equal(normalisePhone('12345'), null);
  assert.equal(normaliseEmail(' A@Example.com '), 'a@example.com');
  assert.equal(normaliseEmail('a@b'), null);
});
