import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { divisionName, hasValidIdCheckChar, idCheckChar, isPlausibleBirthDate, isRealDate, passesLuhn } from './checks.ts';
import { applyMasks, maskFor, maskWith } from './masking.ts';
import { AhoCorasick } from './aho-corasick.ts';

test('the sample ID printed in GB 11643 has a valid check character', () => {
  assert.equal(idCheckChar('11010519491231002'), 'X');
  assert.equal(hasValidIdCheckChar('11010519491231002X'), true);
  assert.equal(hasValidIdCheckChar('11010519491231002x'), true);
  assert.equal(hasValidIdCheckChar('110105194912310021'), false);
});

test('property: every 17-digit body has exactly one valid check character, and changing one digit breaks it', () => {
  const body = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }).map((d) => d.join(''));
  fc.assert(
    fc.property(body, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, pos, delta) => {
      const valid = '0123456789X'.split('').filter((c) => hasValidIdCheckChar(first17 + c));
      assert.deepEqual(valid, [idCheckChar(first17)]);
      const changed = first17.slice(0, pos) + ((Number(first17[pos]) + delta) % 10) + first17.slice(pos + 1);
      assert.equal(hasValidIdCheckChar(changed + idCheckChar(first17)), false);
    }),
  );
});

test('calendar dates: leap years and impossible days', () => {
  assert.equal(isRealDate(2000, 2, 29), true);
  assert.equal(isRealDate(1900, 2, 29), false);
  assert.equal(isRealDate(2023, 4, 31), false);
  assert.equal(isPlausibleBirthDate('19491231', '2026-01-01'), true);
  assert.equal(isPlausibleBirthDate('20300101', '2026-01-01'), false);
  assert.equal(isPlausibleBirthDate('18700101', '2026-01-01'), false);
});

test('address codes come from the division data', () => {
  assert.equal(divisionName('420502'), '宜昌市西陵区');
  assert.equal(divisionName('420500'), '湖北省宜昌市');
  assert.equal(divisionName('999999'), undefined);
});

test('property: Luhn — exactly one check digit completes a prefix; a changed digit fails', () => {
  const prefix = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 18 }).map((d) => d.join(''));
  fc.assert(
    fc.property(prefix, fc.nat(), fc.integer({ min: 1, max: 9 }), (p, at, delta) => {
      const valid = [...'0123456789'].filter((d) => passesLuhn(p + d));
      assert.equal(valid.length, 1);
      const full = p + valid[0];
      const i = at % full.length;
      assert.equal(passesLuhn(full.slice(0, i) + ((Number(full[i]) + delta) % 10) + full.slice(i + 1)), false);
    }),
  );
  assert.equal(passesLuhn('4111111111111111'), true);
  assert.equal(passesLuhn('4111111111111112'), false);
});

test('masking keeps the first 6 and last 4 of an ID and the 3 + 4 of a mobile', () => {
  assert.equal(maskFor('id_card', '11010519491231002X'), '110105********002X');
  assert.equal(maskFor('mobile', '13812341234'), '138****1234');
  assert.equal(maskFor('mobile', '+86 138-1234-1234'), '+86 138-****-1234');
  assert.equal(maskFor('email', 'zhangsan@example.com'), 'zh******@example.com');
  assert.equal(maskFor('id_card', '11010519491231002X', { id_card: { keepStart: 2, keepEnd: 3, char: '×' } }), '11×××××××××××××02X');
});

test('property: masking keeps length, the kept ends and hides everything between', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9A-Z]{1,30}$/), fc.nat(10), fc.nat(10), (s, keepStart, keepEnd) => {
      const masked = maskWith(s, { keepStart, keepEnd });
      assert.equal(masked.length, s.length);
      if (keepStart + keepEnd < s.length) {
        assert.equal(masked.slice(0, keepStart), s.slice(0, keepStart));
        assert.equal(masked.slice(s.length - keepEnd), s.slice(s.length - keepEnd));
        assert.match(masked.slice(keepStart, s.length - keepEnd), /^\*+$/);
      } else {
        // A rule that would keep everything still hides all but the first character.
        assert.equal(masked, s.slice(0, 1) + '*'.repeat(s.length - 1));
      }
    }),
  );
});

test('applyMasks replaces spans from the end and skips overlaps', () => {
  const text = '甲13812341234乙11010519491231002X丙';
  const out = applyMasks(text, [
    { start: 1, end: 12, masked: '138****1234' },
    { start: 13, end: 31, masked: '110105********002X' },
    { start: 14, end: 20, masked: 'XXXXXX' },
  ]);
  assert.equal(out, '甲138****1234乙110105********002X丙');
});

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, index) => {
    if (!p) return;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
      if (patterns.indexOf(p) === index) out.push(`${index}:${i}:${i + p.length}`);
    }
  });
  return out.sort();
}

test('property: Aho-Corasick finds exactly what a naive matcher finds', () => {
  const alphabet = fc.constantFrom('a', 'b', 'c', '公', '开', '𠀀');
  const word = fc.array(alphabet, { minLength: 0, maxLength: 5 }).map((a) => a.join(''));
  fc.assert(
    fc.property(fc.array(word, { maxLength: 12 }), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (patterns, text) => {
      const ac = new AhoCorasick(patterns);
      const found = ac
        .search(text)
        .map((m) => `${m.pattern}:${m.start}:${m.end}`)
        .sort();
      assert.deepEqual(found, naive(patterns, text));
    }),
    { numRuns: 300 },
  );
});

test('Aho-Corasick compiles 100k words', () => {
  const words = Array.from({ length: 100_000 }, (_, i) => `词${i.toString(36)}条目`);
  const ac = new AhoCorasick(words);
  assert.equal(ac.patternCount, 100_000);
  const hits = ac.search('前文词zz条目后文词0条目');
  assert.deepEqual(
    hits.map((h) => words[h.pattern]),
    ['词zz条目', '词0条目'],
  );
});
