/**
 * The XOR masks that enumerate a 16-bit key's neighbours, nearest first: `key ^ KEY_MASKS[i]` for
 * `i < KEY_MASK_START[r + 1]` are exactly the keys within Hamming distance r of `key`.
 */
import { POPCOUNT16 } from './popcount.js';

/** Bits in a table key (the half of a 32-bit chunk that a table is sorted and indexed by). */
export const KEY_BITS = 16;

/** Every 16-bit value, ordered by the number of bits it sets, then by value. */
export const KEY_MASKS: Uint16Array = new Uint16Array(1 << KEY_BITS);

/** `KEY_MASK_START[w]` is the index of the first mask of weight `w` in {@link KEY_MASKS}, for w = 0..17. */
export const KEY_MASK_START: Uint32Array = new Uint32Array(KEY_BITS + 2);

{
  const perWeight = new Uint32Array(KEY_BITS + 1);
  for (let v = 0; v < 1 << KEY_BITS; v++) perWeight[POPCOUNT16[v]!]!++;
  for (let w = 0; w <= KEY_BITS; w++) KEY_MASK_START[w + 1] = KEY_MASK_START[w]! + perWeight[w]!;
  const cursor = KEY_MASK_START.slice(0, KEY_BITS + 1);
  for (let v = 0; v < 1 << KEY_BITS; v++) KEY_MASKS[cursor[POPCOUNT16[v]!]!++] = v;
}

/**
 * How many 16-bit keys lie within `radius` bits of any key: Σ C(16, k) for k ≤ radius.
 * @param radius bits, any integer (below 0 gives 0, above 16 gives 65,536)
 */
export function keysWithin(radius: number): number {
  if (radius < 0) return 0;
  return KEY_MASK_START[Math.min(radius, KEY_BITS) + 1]!;
}
