import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xxhash32 } from './xxhash32.js';

describe('xxhash32', () => {
  // Digests published with xxHash ports (lz4's xxh32 tests, the xxHash sanity vectors).
  const vectors: [string, number][] = [
    ['', 0x02cc5d05],
    ['a', 0x550d7456],
    ['abc', 0x32d153ff],
    ['abcd', 0xa3643705],
    ['abcdefghijklmnop', 0x9d2d8b62],
    ['abcdefghijklmnopqrstuvwxyz0123456789', 0x42ae804d],
    ['Nobody inspects the spammish repetition', 0xe2293b2f],
  ];
  for (const [text, digest] of vectors) {
    it(`"${text}" → ${digest.toString(16)}, aligned or not`, () => {
      const bytes = new TextEncoder().encode(text);
      assert.equal(xxhash32(bytes), digest);
      const shifted = new Uint8Array(bytes.length + 1);
      shifted.set(bytes, 1);
      assert.equal(xxhash32(shifted.subarray(1)), digest);
    });
  }

  it('changes when any one bit changes', () => {
    const bytes = new Uint8Array(100).map((_, i) => i * 7);
    const digest = xxhash32(bytes);
    for (let bit = 0; bit < 800; bit += 37) {
      bytes[bit >> 3]! ^= 1 << (bit & 7);
      assert.notEqual(xxhash32(bytes), digest);
      bytes[bit >> 3]! ^= 1 << (bit & 7);
    }
  });
});
