import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DEFAULT_INDEX_PATTERN,
  formatIndexNumber,
  matchIndexNumber,
  nextIndexNumber,
  nextSequence,
  parsePattern,
} from './index-number.ts';

const USCC = '11441700007280420Y'; // 阳江, domain.md §5.2
const codes = (r: { ok: boolean; errors?: { code: string }[] }) => (r.ok ? [] : r.errors!.map((e) => e.code));

test('the default pattern gives the portals’ usual shape', () => {
  const r = formatIndexNumber(DEFAULT_INDEX_PATTERN, { uscc: USCC, year: 2021, seq: 50 });
  assert.deepEqual(r, { ok: true, value: '11441700007280420Y/2021-00050' });
});

test('every token of domain.md §5.2 examples can be expressed', () => {
  const v = { uscc: '11341702486344515H', divisionCode: '420500', orgCode: 'YCSZF', year: 2021, month: 10, topicCode: '0201', seq: 13 };
  assert.deepEqual(formatIndexNumber('{USCC}/{YYYY}{MM}-{seq:05}', v), { ok: true, value: '11341702486344515H/202110-00013' });
  const r = formatIndexNumber('{DIV}-{ORG}-{TOPIC}-{YYYY}-{seq:3}', v);
  assert.deepEqual(r, { ok: true, value: '420500-YCSZF-0201-2021-013' });
  assert.deepEqual(formatIndexNumber('{ORG}-{YYYY}-{seq}', { ...v, seq: 153077 }), { ok: true, value: 'YCSZF-2021-153077' });
});

test('parsePattern accepts {seq:05}, {seq:5}, {seq:05d} and {seq}', () => {
  for (const [p, width] of [['{ORG}{YYYY}{seq:05}', 5], ['{ORG}{YYYY}{seq:5}', 5], ['{ORG}{YYYY}{seq:05d}', 5], ['{ORG}{YYYY}{seq}', 1]] as const) {
    const r = parsePattern(p);
    assert.ok(r.ok, p);
    assert.deepEqual(r.value.parts.at(-1), { kind: 'seq', width }, p);
  }
});

test('parsePattern reports every problem with a message and position', () => {
  assert.deepEqual(codes(parsePattern('')), ['pattern_empty']);
  assert.deepEqual(codes(parsePattern('{USCC}/{YEAR}-{seq:05}')), ['unknown_token', 'year_required']);
  assert.deepEqual(codes(parsePattern('{USCC}/{YYYY}')), ['seq_required']);
  assert.deepEqual(codes(parsePattern('{USCC}/{seq:05}')), ['year_required']);
  assert.deepEqual(codes(parsePattern('{USCC}/{YYYY}-{seq:05}-{seq:3}')), ['duplicate_token']);
  assert.deepEqual(codes(parsePattern('{USCC}/{YYYY}-{seq:0}')), ['seq_width']);
  assert.deepEqual(codes(parsePattern('{USCC/{YYYY}-{seq:05}')), ['unbalanced_brace']);
  assert.deepEqual(codes(parsePattern('{USCC}}/{YYYY}-{seq:05}')), ['unbalanced_brace']);
  assert.deepEqual(codes(parsePattern(`{USCC}/{YYYY}-{seq:05}${'x'.repeat(100)}`)), ['pattern_too_long']);
  const r = parsePattern('{USCC}/{YEAR}-{seq:05}');
  assert.ok(!r.ok);
  assert.equal(r.errors[0]!.at, 7);
  assert.match(r.errors[0]!.zh, /未知变量\{YEAR\}/);
  assert.match(r.errors[0]!.en, /Unknown token \{YEAR\}/);
});

test('parsePattern warns when numbers could collide across organisations or not parse back', () => {
  const a = parsePattern('{DIV}/{YYYY}-{seq:05}');
  assert.ok(a.ok);
  assert.deepEqual(a.value.warnings.map((w) => w.code), ['no_org_token']);
  const b = parsePattern('{ORG}{TOPIC}/{YYYY}-{seq:05}');
  assert.ok(b.ok);
  assert.deepEqual(b.value.warnings.map((w) => w.code), ['ambiguous_adjacent']);
  const c = parsePattern(DEFAULT_INDEX_PATTERN);
  assert.ok(c.ok);
  assert.deepEqual(c.value.warnings, []);
});

test('formatting reports missing and malformed values instead of guessing', () => {
  assert.deepEqual(codes(formatIndexNumber(DEFAULT_INDEX_PATTERN, { year: 2024, seq: 1 })), ['value_missing']);
  assert.deepEqual(codes(formatIndexNumber(DEFAULT_INDEX_PATTERN, { uscc: 'ABC', year: 2024, seq: 1 })), ['value_invalid']);
  assert.deepEqual(codes(formatIndexNumber(DEFAULT_INDEX_PATTERN, { uscc: USCC, year: 24, seq: 1 })), ['value_invalid']);
  assert.deepEqual(codes(formatIndexNumber(DEFAULT_INDEX_PATTERN, { uscc: USCC, year: 2024, seq: 0 })), ['seq_invalid']);
  assert.deepEqual(codes(formatIndexNumber(DEFAULT_INDEX_PATTERN, { uscc: USCC, year: 2024, seq: 1.5 })), ['seq_invalid']);
  assert.deepEqual(codes(formatIndexNumber(DEFAULT_INDEX_PATTERN, { uscc: USCC, year: 2024, seq: 100000 })), ['seq_exhausted']);
  assert.deepEqual(codes(formatIndexNumber('{ORG}/{YYYY}{MM}-{seq:05}', { orgCode: 'A', year: 2024, month: 13, seq: 1 })), ['value_invalid']);
  assert.deepEqual(codes(formatIndexNumber('{bad}', { year: 2024, seq: 1 })), ['unknown_token', 'seq_required', 'year_required']);
  const r = formatIndexNumber(DEFAULT_INDEX_PATTERN, { year: 2024, seq: 1 });
  assert.ok(!r.ok && r.errors[0]!.zh === '缺少统一社会信用代码，无法生成索引号。' && r.errors[0]!.at === 'uscc');
});

test('next sequence and next number', () => {
  assert.equal(nextSequence(undefined), 1);
  assert.equal(nextSequence(null), 1);
  assert.equal(nextSequence(0), 1);
  assert.equal(nextSequence(41), 42);
  assert.throws(() => nextSequence(-1), RangeError);
  assert.deepEqual(nextIndexNumber(DEFAULT_INDEX_PATTERN, { uscc: USCC, year: 2024 }, 9), { ok: true, value: `${USCC}/2024-00010`, seq: 10 });
  assert.deepEqual(codes(nextIndexNumber(DEFAULT_INDEX_PATTERN, { uscc: USCC, year: 2024 }, 99999)), ['seq_exhausted']);
});

test('matchIndexNumber reads the values back, and rejects other shapes', () => {
  assert.deepEqual(matchIndexNumber(DEFAULT_INDEX_PATTERN, ` ${USCC}/2021-00050 `), { uscc: USCC, year: 2021, seq: 50 });
  assert.equal(matchIndexNumber(DEFAULT_INDEX_PATTERN, `${USCC}/2021-0050`), null);
  assert.equal(matchIndexNumber(DEFAULT_INDEX_PATTERN, '000014349/2017-00110'), null);
  assert.deepEqual(matchIndexNumber('{ORG}-{YYYY}-{seq}', '01527918X-2020-153077'), { orgCode: '01527918X', year: 2020, seq: 153077 });
});

const usccArb = fc.stringMatching(/^[0-9A-HJ-NP-RTUWXY]{18}$/);
const valuesArb = fc.record({
  uscc: usccArb,
  divisionCode: fc.constantFrom('420500', '420502001', '420502001001'),
  orgCode: fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
  year: fc.integer({ min: 1990, max: 2099 }),
  month: fc.integer({ min: 1, max: 12 }),
  topicCode: fc.stringMatching(/^[0-9]{2,4}$/),
});
const patterns = [DEFAULT_INDEX_PATTERN, '{USCC}/{YYYY}{MM}-{seq:05}', '{DIV}-{ORG}-{TOPIC}-{YYYY}-{seq:6}', '{ORG}-{YYYY}-{seq}', '索引{YYYY}第{seq:3}号/{ORG}'];

test('property: different sequences never give the same number', () => {
  fc.assert(
    fc.property(fc.constantFrom(...patterns), valuesArb, fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), (p, v, s1, s2) => {
      fc.pre(s1 !== s2);
      const a = formatIndexNumber(p, { ...v, seq: s1 });
      const b = formatIndexNumber(p, { ...v, seq: s2 });
      assert.ok(a.ok && b.ok);
      assert.notEqual(a.value, b.value);
    }),
  );
});

test('property: a formatted number always matches its pattern and reads back the same values', () => {
  fc.assert(
    fc.property(fc.constantFrom(...patterns), valuesArb, fc.integer({ min: 1, max: 999 }), (p, v, seq) => {
      const r = formatIndexNumber(p, { ...v, seq });
      assert.ok(r.ok);
      const back = matchIndexNumber(p, r.value);
      assert.ok(back);
      for (const [k, val] of Object.entries(back)) assert.equal(val, ({ ...v, seq } as Record<string, unknown>)[k], k);
    }),
  );
});
