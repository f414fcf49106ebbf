/**
 * Order statistics without sorting: Hoare's selection finds the k-th smallest of n values in linear expected time,
 * where a sort takes n log n (sorting 5,000 floats twice per map was ~5 ms of every reference check). The value is
 * the one a sort would put at index k (for ±0, numerically: −0 and +0 compare equal). Pure.
 */

/**
 * The k-th smallest (0-based) of the first `n` values; reorders them.
 * @throws {RangeError} when k is not an index below n
 */
export function selectInPlace(values: Float32Array | Float64Array, n: number, k: number): number {
  if (!(Number.isInteger(k) && k >= 0 && k < n && n <= values.length)) {
    throw new RangeError(`Expected 0 ≤ k < n ≤ ${values.length} but received k = ${k}, n = ${n}`);
  }
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}
