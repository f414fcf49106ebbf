import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from './reference/prng.js';
import { selectInPlace } from './select.js';

test('selectInPlace returns what a sort puts at every index, for floats with ties, in both precisions', () => {
  const next = seededRandom(42);
  for (const n of [1, 2, 3, 7, 64, 256, 1000, 5001]) {
    for (const Kind of [Float32Array, Float64Array]) {
      // Few distinct values: many ties, the case that breaks a careless partition.
      const values = new Kind(n).map(() => Math.floor(next() * 9) - 4 + (next() < 0.5 ? 0 : next()));
      const sorted = Kind.from(values).sort();
      for (const k of new Set([0, n >> 1, Math.trunc((n + 1) / 2) - 1, n - 1, Math.floor(next() * n)])) {
        assert.equal(selectInPlace(Kind.from(values), n, k), sorted[k], `n = ${n}, k = ${k}, ${Kind.name}`);
      }
    }
  }
});

test('selectInPlace looks only at the first n values and refuses an index outside them', () => {
  assert.equal(selectInPlace(Float64Array.of(5, 1, 3, -100, -100), 3, 0), 1);
  assert.throws(() => selectInPlace(new Float64Array(4), 4, 4), RangeError);
  assert.throws(() => selectInPlace(new Float64Array(4), 5, 0), RangeError);
  assert.throws(() => selectInPlace(new Float64Array(4), 2, -1), RangeError);
});
