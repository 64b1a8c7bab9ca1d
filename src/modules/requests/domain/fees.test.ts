import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeFee, defaultFeeBands, parseFeeBands, unitRate } from './fees.ts';

describe('information-processing fee (国办函〔2020〕109号)', () => {
  test('per request: worked examples by hand', () => {
    assert.equal(computeFee({ method: 'per_request', before: 0, count: 10 }).amountFen, 0);
    assert.equal(computeFee({ method: 'per_request', before: 10, count: 1 }).amountFen, 10_000, 'the 11th request costs 100 元');
    // 1–10 free, 11–30: 20 × 100, 31–40: 10 × 200, 41–45: 5 × 300 → 2000 + 2000 + 1500 = 5500 元.
    const q = computeFee({ method: 'per_request', before: 0, count: 45 });
    assert.equal(q.amountFen, 550_000);
    assert.deepEqual(q.lines.map((l) => [l.fromUnit, l.toUnit, l.fenPerUnit]), [[1, 10, 0], [11, 30, 10_000], [31, 40, 20_000], [41, 45, 30_000]]);
    assert.match(q.explanation, /合计 5500\.00 元/);
  });
  test('per volume: worked examples by hand', () => {
    assert.equal(computeFee({ method: 'per_volume', pages: 30 }).amountFen, 0);
    // 31–100: 70 × 10 = 700; 101–200: 100 × 20 = 2000; 201–250: 50 × 40 = 2000 → 4700 元.
    assert.equal(computeFee({ method: 'per_volume', pages: 250 }).amountFen, 470_000);
    assert.equal(computeFee({ method: 'per_volume', pages: 31 }).amountFen, 1_000);
  });
  test('impossible input is refused', () => {
    assert.throws(() => computeFee({ method: 'per_volume', pages: 0 }), RangeError);
    assert.throws(() => computeFee({ method: 'per_request', before: -1, count: 1 }), RangeError);
    assert.throws(() => computeFee({ method: 'per_request', before: 0, count: 1.5 }), RangeError);
  });
  test('bands are configurable and checked', () => {
    const b = parseFeeBands('{"perRequest":[{"from":1,"fen":0},{"from":6,"fen":500}],"perVolume":[{"from":1,"fen":0}]}');
    assert.equal(computeFee({ method: 'per_request', before: 0, count: 7 }, b).amountFen, 1_000);
    assert.throws(() => parseFeeBands('nope'), /JSON/);
    assert.throws(() => parseFeeBands('{"perRequest":[{"from":5,"fen":0}],"perVolume":[{"from":1,"fen":0}]}'), /从 1 开始/);
    assert.throws(() => parseFeeBands('{"perRequest":[{"from":1,"fen":-1}],"perVolume":[{"from":1,"fen":0}]}'), /fen/);
  });
});

describe('fee properties', () => {
  test('per request: additive over splits (超额累进 is path-independent)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (before, a, b) => {
        const whole = computeFee({ method: 'per_request', before, count: a + b }).amountFen;
        const parts = computeFee({ method: 'per_request', before, count: a }).amountFen + computeFee({ method: 'per_request', before: before + a, count: b }).amountFen;
        assert.equal(whole, parts);
      }),
    );
  });
  test('never negative, monotone in volume, and the unit rate never falls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (pages) => {
        const a = computeFee({ method: 'per_volume', pages }).amountFen;
        const b = computeFee({ method: 'per_volume', pages: pages + 1 }).amountFen;
        assert.ok(a >= 0 && b >= a);
        assert.equal(b - a, unitRate(defaultFeeBands.perVolume, pages + 1));
        assert.ok(unitRate(defaultFeeBands.perRequest, pages + 1) >= unitRate(defaultFeeBands.perRequest, pages));
      }),
    );
  });
  test('the free allowance is free whatever the split', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 10 }), (before, count) => {
      fc.pre(before + count <= 10);
      assert.equal(computeFee({ method: 'per_request', before, count }).amountFen, 0);
    }));
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), (pages) => assert.equal(computeFee({ method: 'per_volume', pages }).amountFen, 0)));
  });
});
