import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deserialiseHashIndex } from './deserialise.js';
import { HashIndex } from './hash-index.js';
import { WORDS_PER_HASH } from './hash-words.js';
import { CHECKSUM_FROM, HashIndexFormatError, HEADER_BYTES, sectionSpecs } from './index-format.js';
import { serialiseHashIndex } from './serialise.js';
import { clusteredHashWords, createRandom, flipRandomBits } from './synthetic-hashes.js';
import { xxhash32 } from './xxhash32.js';

const N = 5000;

/** An index with something in every section: tables, removals and a delta. */
function populated(dualChunks = 2): { index: HashIndex; words: Uint32Array } {
  const words = clusteredHashWords(N + 300, 61, { maxClusterSize: 50 });
  const ids = Uint32Array.from({ length: N }, (_, i) => i * 2);
  const index = HashIndex.build(ids, words.subarray(0, N * WORDS_PER_HASH), { dualChunks, deltaLimit: 10_000 });
  for (let i = 0; i < 300; i++) index.add(N * 2 + i, words.slice((N + i) * WORDS_PER_HASH, (N + i + 1) * 8));
  for (let i = 0; i < N; i += 7) index.remove(i * 2);
  return { index, words };
}

function assertSameAnswers(a: HashIndex, b: HashIndex, words: Uint32Array): void {
  const random = createRandom(62);
  assert.equal(b.size, a.size);
  for (let q = 0; q < 60; q++) {
    const s = random() % (words.length / WORDS_PER_HASH);
    const query = words.slice(s * WORDS_PER_HASH, (s + 1) * WORDS_PER_HASH);
    flipRandomBits(query, 0, random() % 12, random);
    const radius = random() % 40;
    assert.deepEqual(b.search(query, radius), a.search(query, radius));
  }
}

function refusal(bytes: Uint8Array, code: string, message: RegExp): void {
  assert.throws(
    () => deserialiseHashIndex(bytes),
    (error: unknown) => error instanceof HashIndexFormatError && error.code === code && message.test(error.message),
  );
}

/** Rewrites the checksum after tampering, as a crafted (not merely damaged) file would. */
function resealed(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(20, xxhash32(bytes.subarray(CHECKSUM_FROM)), true);
  return bytes;
}

describe('serialised hash index', () => {
  for (const dualChunks of [0, 2, 8]) {
    it(`loads back with the same answers, settings, removals and delta (${dualChunks} dual chunks)`, () => {
      const { index, words } = populated(dualChunks);
      const bytes = serialiseHashIndex(index);
      const untouched = bytes.slice();
      const loaded = deserialiseHashIndex(bytes);
      assert.deepEqual(loaded.settings, index.settings);
      assertSameAnswers(index, loaded, words);
      // The loaded index keeps working: removals, adds and a rebuild.
      assert.equal(loaded.remove(16), true);
      assert.equal(loaded.remove(14 * 7), false);
      loaded.add(14 * 7, words.slice(0, 8));
      index.remove(16);
      index.add(14 * 7, words.slice(0, 8));
      assert.deepEqual(bytes, untouched, "the loaded index must not write into the caller's bytes");
      loaded.compact();
      assertSameAnswers(index, loaded, words);
    });
  }

  it('loads an empty index, and bytes at an odd offset', () => {
    assert.equal(deserialiseHashIndex(serialiseHashIndex(HashIndex.empty())).size, 0);
    const { index, words } = populated();
    const bytes = serialiseHashIndex(index);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    assertSameAnswers(index, deserialiseHashIndex(shifted.subarray(3)), words);
  });

  it('names truncation, with how many bytes there are and should be', () => {
    const bytes = serialiseHashIndex(populated().index);
    for (const length of [10, HEADER_BYTES - 1, HEADER_BYTES + 5, bytes.length >> 1, bytes.length - 1]) {
      const expected = length < HEADER_BYTES ? /not even the header/ : new RegExp(`${length} of ${bytes.length} bytes`);
      refusal(bytes.subarray(0, length), 'truncated', expected);
    }
  });

  it('detects a flipped bit anywhere after the magic, and trailing bytes', () => {
    const bytes = serialiseHashIndex(populated().index);
    const random = createRandom(63);
    for (let trial = 0; trial < 40; trial++) {
      const at = trial === 0 ? 20 : 12 + (random() % (bytes.length - 12));
      if (at >= 8 && at < 12) continue; // the version field has its own error
      const damaged = bytes.slice();
      damaged[at]! ^= 1 << (random() & 7);
      assert.throws(() => deserialiseHashIndex(damaged), HashIndexFormatError, `byte ${at}`);
    }
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    refusal(longer, 'corrupt', /8 bytes after the declared end/);
  });

  it('refuses other files and other versions', () => {
    refusal(new TextEncoder().encode('{"hashes": []}'), 'not_an_index', /does not start with PDQHIDX/);
    refusal(new Uint8Array(0), 'not_an_index', /does not start with PDQHIDX/);
    const bytes = serialiseHashIndex(HashIndex.empty());
    new DataView(bytes.buffer).setUint32(8, 3, true);
    refusal(bytes, 'unsupported_version', /version 3 is not supported \(this code reads version 2\)/);
    // Version 1 kept a copy of the hashes beside tables of slots; its files are refused, not misread.
    new DataView(bytes.buffer).setUint32(8, 1, true);
    refusal(bytes, 'unsupported_version', /version 1 is not supported \(this code reads version 2\)/);
  });

  it('checks structure behind a valid checksum: section lengths, directories, id order, links', () => {
    const { index } = populated(0);
    const bytes = serialiseHashIndex(index);
    const view = new DataView(bytes.buffer);
    const specs = sectionSpecs(N, 0, 300);
    const sectionOffset = (name: string) =>
      view.getUint32(HEADER_BYTES + 8 * specs.findIndex((s) => s.name === name), true);

    const wrongLength = bytes.slice();
    new DataView(wrongLength.buffer).setUint32(HEADER_BYTES + 4, 8, true);
    refusal(resealed(wrongLength), 'corrupt', new RegExp(`section ids has 8 bytes, not ${N * 4}`));

    const badDirectory = bytes.slice();
    new DataView(badDirectory.buffer).setUint32(sectionOffset('key-high table 3 directory') + 400, 0xffff, true);
    refusal(resealed(badDirectory), 'corrupt', /key-high table 3 directory decreases at key/);

    const unsortedIds = bytes.slice();
    new DataView(unsortedIds.buffer).setUint32(sectionOffset('ids') + 4 * 10, 0, true);
    refusal(resealed(unsortedIds), 'corrupt', /ids not ascending at slot 10/);

    for (const section of ['slot links', 'key-high table 6 links']) {
      const outside = bytes.slice();
      outside.fill(0xff, sectionOffset(section) + 3 * 17, sectionOffset(section) + 3 * 18);
      refusal(resealed(outside), 'corrupt', new RegExp(`${section} point to entry 16777215 of ${N}`));
    }

    const deltaClash = bytes.slice();
    new DataView(deltaClash.buffer).setUint32(sectionOffset('delta ids'), 2, true);
    refusal(resealed(deltaClash), 'corrupt', /ids not held elsewhere in the index/);
  });
});
