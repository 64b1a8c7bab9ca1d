import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidDivisionCode, isValidSiteCode, isValidUscc, usccCheckChar } from './identifiers.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

test('the synthetic USCC vector of domain.md §8.3 is valid', () => {
  assert.equal(isValidUscc('91000000000000000K'), true);
  assert.equal(usccCheckChar('91000000000000000'), 'K');
});

test('a USCC with a changed check character is invalid', () => {
  assert.equal(isValidUscc('91000000000000000J'), false);
  assert.equal(isValidUscc('91000000000000000'), false);
  assert.equal(isValidUscc('91000000000000000KX'), false);
  assert.equal(isValidUscc('9I000000000000000K'), false); // I is not in the alphabet
});

test('property: every 17-character body has exactly one valid check character', () => {
  const char = fc.constantFrom(...ALPHABET.split(''));
  const digit = fc.constantFrom(...'0123456789'.split(''));
  const body = fc
    .tuple(fc.array(char, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(char, { minLength: 9, maxLength: 9 }))
    .map(([a, b, c]) => [...a, ...b, ...c].join(''));
  fc.assert(
    fc.property(body, (first17) => {
      const valid = ALPHABET.split('').filter((c) => isValidUscc(first17 + c));
      assert.deepEqual(valid, [usccCheckChar(first17)]);
    }),
  );
});

test('property: changing any one character of a valid USCC breaks it', () => {
  const char = fc.constantFrom(...ALPHABET.split(''));
  fc.assert(
    fc.property(fc.array(char, { minLength: 17, maxLength: 17 }), fc.nat(16), char, (chars, pos, replacement) => {
      chars.fill('1', 2, 8); // positions 3–8 must be digits
      const first17 = chars.join('');
      const code = first17 + usccCheckChar(first17);
      fc.pre(code[pos] !== replacement && (pos < 2 || pos > 7 || /\d/.test(replacement)));
      const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
      assert.equal(isValidUscc(changed), false);
    }),
  );
});

test('division codes: 6, 9 or 12 digits, no leading zero', () => {
  for (const ok of ['420500', '420502001', '420502001001']) assert.equal(isValidDivisionCode(ok), true, ok);
  for (const bad of ['42050', '4205001', '042050', '42050A', '4205000010', '']) assert.equal(isValidDivisionCode(bad), false, bad);
});

test('site identifiers: 10 digits or bm + 8 digits', () => {
  for (const ok of ['4205000001', 'bm01000001']) assert.equal(isValidSiteCode(ok), true, ok);
  for (const bad of ['420500001', 'BM01000001', 'bm0100000', '42050000011']) assert.equal(isValidSiteCode(bad), false, bad);
});
