import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_REGISTRATION_PATTERN, checkRegistrationNo, formatRegistrationNo, parseRegistrationPattern, sequenceKey, sequenceOwner } from './registration-number.ts';
import type { ParsedPattern } from './index-number.ts';

const parsed = (p: string): ParsedPattern => {
  const r = parseRegistrationPattern(p);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

test('the default pattern numbers a region per year; 惠州-style literal prefixes work too', () => {
  assert.deepEqual(formatRegistrationNo(parsed(DEFAULT_REGISTRATION_PATTERN), { divisionCode: '420500', year: 2024 }, 7), { ok: true, value: '420500-2024-0007' });
  assert.deepEqual(formatRegistrationNo(parsed('HFGS—{YYYY}—{seq}'), { year: 2017 }, 9), { ok: true, value: 'HFGS—2017—9' }, 'domain.md §6.3 example');
});

test('the counter belongs to what the number names', () => {
  assert.equal(sequenceOwner(parsed('{USCC}-{YYYY}-{seq:03}')), 'organisation');
  assert.equal(sequenceOwner(parsed('{DIV}-{YYYY}-{seq:03}')), 'division');
  assert.equal(sequenceOwner(parsed('YCGS-{YYYY}-{seq}')), 'root');
  const p = parsed(DEFAULT_REGISTRATION_PATTERN);
  assert.deepEqual(sequenceKey(p, { divisionCode: '420500', year: 2024 }), { ok: true, value: 'reg:420500-2024-{seq}' });
  assert.notDeepEqual(sequenceKey(p, { divisionCode: '420500', year: 2025 }), sequenceKey(p, { divisionCode: '420500', year: 2024 }));
  assert.equal(sequenceKey(p, { year: 2024 }).ok, false, 'a missing division code is reported, not guessed');
});

test('hand-entered numbers are checked against the pattern', () => {
  const p = parsed('YCGS-{YYYY}-{seq:03}');
  assert.deepEqual(checkRegistrationNo(p, ' YCGS-2024-012 '), { ok: true, value: { year: 2024, seq: 12 } });
  for (const bad of ['YCGS-2024-12', 'YCGS-24-012', 'ycgs-2024-012', 'YCGS-2024-000', '']) assert.equal(checkRegistrationNo(p, bad).ok, false, bad);
});

const literal = fc.stringMatching(/^[A-Z\u4e00-\u4e0f—-]{1,5}$/);
const patterns = fc
  .record({ prefix: literal, sep: fc.constantFrom('-', '—', '/'), width: fc.integer({ min: 1, max: 6 }), div: fc.boolean() })
  .map(({ prefix, sep, width, div }) => `${prefix}${div ? `{DIV}${sep}` : ''}{YYYY}${sep}{seq:${String(width).padStart(2, '0')}}`);

test('property: every formatted number reads back to its values and its counter key', () => {
  fc.assert(
    fc.property(patterns, fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 999_999 }), fc.constantFrom('420500', '420502001', '420502001001'), (pattern, year, seq, div) => {
      const p = parsed(pattern);
      const formatted = formatRegistrationNo(p, { year, divisionCode: div }, seq);
      if (!formatted.ok) {
        // only an exhausted sequence may fail
        assert.deepEqual(formatted.errors.map((e) => e.code), ['seq_exhausted']);
        return;
      }
      const back = checkRegistrationNo(p, formatted.value);
      assert.ok(back.ok, `${pattern} ${formatted.value}`);
      assert.equal(back.value.seq, seq);
      assert.equal(back.value.year, year);
      const key = sequenceKey(p, { year, divisionCode: div });
      assert.ok(key.ok);
      assert.equal(key.value.replace('reg:', '').replace('{seq}', String(seq).padStart(Number(/seq:(\d+)/.exec(pattern)![1]), '0')), formatted.value);
    }),
  );
});

test('property: distinct sequences in one counter never give the same number', () => {
  fc.assert(
    fc.property(patterns, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 99 }), (pattern, a, b) => {
      const p = parsed(pattern);
      const x = formatRegistrationNo(p, { year: 2024, divisionCode: '420500' }, a);
      const y = formatRegistrationNo(p, { year: 2024, divisionCode: '420500' }, b);
      if (x.ok && y.ok) assert.notEqual(x.value, y.value);
    }),
  );
});
