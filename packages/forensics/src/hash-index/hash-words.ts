/**
 * The index's form of a PDQ hash: eight 32-bit words. Word k holds bits 32k..32k+31, i.e. the reference's 16-bit
 * words 2k (low half) and 2k+1 (high half), i.e. hex digits 56−8k..63−8k of the text form. Hashes are stored
 * contiguously, 8 words (32 bytes) each, so that one hash is one aligned half cache line.
 */
import { invalidArgument } from '../pdq/arguments.js';
import { isPdqHex, type PdqHex } from '../pdq/hash256.js';
import { popcount32 } from './popcount.js';

/** 32-bit words per 256-bit PDQ hash. */
export const WORDS_PER_HASH = 8;

/** A hash as the index accepts it: 64 hexadecimal digits, or its eight words (see {@link pdqWords}). */
export type HashInput = PdqHex | Uint32Array;

/**
 * Eight 32-bit words of a PDQ hash.
 * @param hash 64 hex digits (either case), or 8 words, which are returned as they are
 * @throws {TypeError} unless `hash` is 64 hex digits or a Uint32Array of 8 words
 * @example pdqWords('0'.repeat(63) + '1')[0] // 1
 */
export function pdqWords(hash: HashInput): Uint32Array {
  if (hash instanceof Uint32Array) {
    if (hash.length !== WORDS_PER_HASH) throw invalidArgument('hash', `${WORDS_PER_HASH} words`, hash.length);
    return hash;
  }
  if (!isPdqHex(hash)) throw invalidArgument('hash', 'a PDQ hash of 64 hexadecimal digits', hash);
  const words = new Uint32Array(WORDS_PER_HASH);
  for (let k = 0; k < WORDS_PER_HASH; k++) words[k] = parseInt(hash.slice(56 - 8 * k, 64 - 8 * k), 16);
  return words;
}

/**
 * The text form of the hash stored at `words[offset..offset+7]`.
 * @returns 64 lowercase hex digits, as `hexFromWords` of the PDQ module prints them
 */
export function pdqHexFromWords(words: Uint32Array, offset = 0): PdqHex {
  let hex = '';
  for (let k = WORDS_PER_HASH - 1; k >= 0; k--) hex += words[offset + k]!.toString(16).padStart(8, '0');
  return hex;
}

/**
 * Hamming distance between the hashes at `a[aOffset..]` and `b[bOffset..]`.
 * @returns 0..256 bits
 */
export function wordsDistance(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number): number {
  let distance = 0;
  for (let k = 0; k < WORDS_PER_HASH; k++) distance += popcount32(a[aOffset + k]! ^ b[bOffset + k]!);
  return distance;
}
