/**
 * 256-bit PDQ hashes: thresholding the 16×16 DCT at its median, and the reference's text form.
 *
 * Bit k = 16·i + j is set when coefficient (i, j) exceeds the median. As in the reference's `Hash256`, bits live in
 * sixteen 16-bit words (word i holds bits 16i..16i+15, bit j of the word being coefficient j) and the text form is
 * the words from 15 down to 0, each as four lowercase hex digits.
 */
import { selectInPlace } from '../select.js';
import { invalidArgument } from './arguments.js';

/** A PDQ hash as 64 lowercase hexadecimal digits, in the reference's nibble order. */
export type PdqHex = string;

const HEX_64 = /^[0-9a-f]{64}$/i;

/**
 * The median the reference thresholds at: Torben's selection, which returns the value of rank ⌊(n+1)/2⌋ in
 * ascending order (for 256 values the 128th smallest, the lower median), whatever the ties.
 */
export function lowerMedian(values: Float32Array): number {
  if (values.length === 0) throw invalidArgument('values', 'at least one value', values.length);
  return selectInPlace(Float32Array.from(values), values.length, Math.trunc((values.length + 1) / 2) - 1);
}

/**
 * Thresholds 16×16 DCT coefficients at their median into sixteen 16-bit words (see the module comment).
 * @param dct16 256 values, row-major
 */
export function hashWordsFromDct(dct16: Float32Array): Uint16Array {
  if (dct16.length !== 256) throw invalidArgument('dct16', '256 coefficients', dct16.length);
  const median = lowerMedian(dct16);
  const words = new Uint16Array(16);
  for (let k = 0; k < 256; k++) {
    if (dct16[k]! > median) words[k >> 4]! |= 1 << (k & 15);
  }
  return words;
}

/** The reference's text form of sixteen 16-bit words: word 15 first, four lowercase hex digits each. */
export function hexFromWords(words: Uint16Array): PdqHex {
  let hex = '';
  for (let i = 15; i >= 0; i--) hex += words[i]!.toString(16).padStart(4, '0');
  return hex;
}

/**
 * Parses the text form back into sixteen 16-bit words.
 * @throws {TypeError} unless `hex` is 64 hexadecimal digits
 */
export function wordsFromHex(hex: PdqHex): Uint16Array {
  if (typeof hex !== 'string' || !HEX_64.test(hex))
    throw invalidArgument('hex', 'a PDQ hash of 64 hexadecimal digits', hex);
  const words = new Uint16Array(16);
  for (let i = 0; i < 16; i++) words[15 - i] = parseInt(hex.slice(i * 4, i * 4 + 4), 16);
  return words;
}

/** Whether `value` is a PDQ hash in text form (64 hexadecimal digits, either case). */
export function isPdqHex(value: unknown): value is PdqHex {
  return typeof value === 'string' && HEX_64.test(value);
}
