import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeMatches, formatTrackingNo, hashCode, informationKey, isValidResidentId, maskId, newTrackingCode } from './intake.ts';

const withCheck = (first17: string) => {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11]!;
};

test('resident IDs: check digit, real birth date, X', () => {
  const id = withCheck('42050219900307123');
  assert.equal(isValidResidentId(id), true);
  assert.equal(isValidResidentId(id.slice(0, 17) + (id.endsWith('1') ? '2' : '1')), false, 'wrong check digit');
  assert.equal(isValidResidentId(withCheck('42050219900230123')), false, '30 February');
  assert.equal(isValidResidentId(withCheck('42050218000101123')), false, 'before 1900');
  assert.equal(isValidResidentId('4205021990030712'), false, '16 digits');
  const x = [...Array(1000).keys()].map((n) => withCheck(`420502199003071${String(n % 100).padStart(2, '0')}`)).find((s) => s.endsWith('X'))!;
  assert.equal(isValidResidentId(x.toLowerCase()), true, 'a lower-case x is accepted');
  assert.equal(maskId(id), `**************${id.slice(-4)}`);
});

test('tracking numbers and codes', () => {
  assert.equal(formatTrackingNo('YS-{YYYY}-{seq:06}', '2026', 123), 'YS-2026-000123');
  assert.equal(formatTrackingNo('{YYYY}{seq}', '2026', 7), '20267');
  const code = newTrackingCode();
  assert.match(code, /^[A-HJ-NP-Z2-9]{10}$/);
  assert.ok(codeMatches(code, hashCode(code)));
  assert.ok(codeMatches(code.toLowerCase(), hashCode(code)), 'case-insensitive when typed');
  assert.ok(!codeMatches('AAAAAAAAAA', hashCode(code)));
  assert.ok(!codeMatches(code, 'not-a-hash'));
  fc.assert(fc.property(fc.string(), (s) => assert.equal(codeMatches(s, ''), false)));
});

test('same information: 文号 with any brackets and spaces, or the title without punctuation', () => {
  assert.equal(informationKey('甲', '宜市住建〔2026〕12号'), informationKey('乙', ' 宜市住建（2026）12 号'));
  assert.equal(informationKey('甲', '宜市住建[2026]12号'), informationKey('乙', '宜市住建【2026】12号'));
  assert.notEqual(informationKey('甲', '宜市住建〔2026〕12号'), informationKey('甲', '宜市住建〔2026〕13号'));
  assert.equal(informationKey('2026 年老旧小区改造清单。'), informationKey('2026年老旧小区改造清单'));
  assert.equal(informationKey('ＡＢＣ清单'), informationKey('abc 清单'), 'full-width and case folded');
  assert.notEqual(informationKey('清单', ''), informationKey('清单', '宜市住建〔2026〕12号'));
});
