/** Hamming distance between PDQ hashes: the number of differing bits, 0..256. */
import { invalidArgument } from './arguments.js';
import { isPdqHex, type PdqHex } from './hash256.js';

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Bits that differ between two hashes in text form (case-insensitive).
 * @returns distance in bits, 0..256; PDQ treats ≤ 31 as the same picture
 * @throws {TypeError} unless both are 64 hexadecimal digits
 * @example hammingDistance('0'.repeat(64), '0'.repeat(63) + '3') // 2
 */
export function hammingDistance(a: PdqHex, b: PdqHex): number {
  if (!isPdqHex(a)) throw invalidArgument('a', 'a PDQ hash of 64 hexadecimal digits', a);
  if (!isPdqHex(b)) throw invalidArgument('b', 'a PDQ hash of 64 hexadecimal digits', b);
  let distance = 0;
  for (let i = 0; i < 64; i += 8) {
    distance += popcount32((parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0);
  }
  return distance;
}

/**
 * Bits that differ between two hashes as sixteen 16-bit words each.
 * @returns distance in bits, 0..256
 */
export function hammingDistanceWords(a: Uint16Array, b: Uint16Array): number {
  if (a.length !== 16) throw invalidArgument('a', '16 words', a.length);
  if (b.length !== 16) throw invalidArgument('b', '16 words', b.length);
  let distance = 0;
  for (let i = 0; i < 16; i++) distance += popcount32(a[i]! ^ b[i]!);
  return distance;
}
