/**
 * xxHash32 (Yann Collet's XXH32, seed 0 by default): the checksum of the serialised index. Chosen over CRC-32
 * because it runs on 32-bit words with four independent lanes, several times faster in JavaScript, while still
 * catching any truncation and virtually any corruption (a random change escapes with probability 2^−32).
 */

const P1 = 0x9e3779b1;
const P2 = 0x85ebca77;
const P3 = 0xc2b2ae3d;
const P4 = 0x27d4eb2f;
const P5 = 0x165667b1;

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function rotl(x: number, bits: number): number {
  return (x << bits) | (x >>> (32 - bits));
}

function readLe32(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
}

function round(lane: number, input: number): number {
  return Math.imul(rotl((lane + Math.imul(input, P2)) | 0, 13), P1);
}

/**
 * XXH32 of `bytes`.
 * @param seed unsigned 32-bit integer
 * @returns unsigned 32-bit digest
 * @example xxhash32(new TextEncoder().encode('abc')) // 0x32d153ff
 */
export function xxhash32(bytes: Uint8Array, seed = 0): number {
  const n = bytes.length;
  const stripes = n >>> 4;
  let h: number;
  if (stripes > 0) {
    let v1 = (seed + P1 + P2) | 0;
    let v2 = (seed + P2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - P1) | 0;
    if (LITTLE_ENDIAN_HOST && bytes.byteOffset % 4 === 0) {
      const words = new Uint32Array(bytes.buffer, bytes.byteOffset, stripes * 4);
      for (let w = 0; w < words.length; w += 4) {
        v1 = round(v1, words[w]!);
        v2 = round(v2, words[w + 1]!);
        v3 = round(v3, words[w + 2]!);
        v4 = round(v4, words[w + 3]!);
      }
    } else {
      for (let at = 0; at < stripes * 16; at += 16) {
        v1 = round(v1, readLe32(bytes, at));
        v2 = round(v2, readLe32(bytes, at + 4));
        v3 = round(v3, readLe32(bytes, at + 8));
        v4 = round(v4, readLe32(bytes, at + 12));
      }
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = (seed + P5) | 0;
  }
  h = (h + n) | 0;
  let at = stripes * 16;
  for (; at + 4 <= n; at += 4) h = Math.imul(rotl((h + Math.imul(readLe32(bytes, at), P3)) | 0, 17), P4);
  for (; at < n; at++) h = Math.imul(rotl((h + Math.imul(bytes[at]!, P5)) | 0, 11), P1);
  h = Math.imul(h ^ (h >>> 15), P2);
  h = Math.imul(h ^ (h >>> 13), P3);
  return (h ^ (h >>> 16)) >>> 0;
}
