/** Population counts for the hash index: bits set in a 32-bit word, and a table for 16-bit halves. */

/**
 * Bits set in the low 32 bits of `x`.
 * @returns 0..32
 */
export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** `POPCOUNT16[v]` is the number of bits set in `v` (0..16), for every 16-bit value `v`: 64 KiB. */
export const POPCOUNT16: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (let v = 1; v < 65536; v++) table[v] = (v & 1) + table[v >>> 1]!;
  return table;
})();
