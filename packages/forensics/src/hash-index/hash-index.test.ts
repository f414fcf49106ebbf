import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bruteForceSearch } from './brute-force.js';
import { HashIndex } from './hash-index.js';
import { segmentWords } from './segment.js';
import { pdqHexFromWords, WORDS_PER_HASH } from './hash-words.js';
import { clusteredHashWords, createRandom, flipRandomBits, randomHashWords } from './synthetic-hashes.js';

const N = 12_000;

/** What the index should hold: id → 8 words, searched by brute force. */
class Model {
  readonly hashes = new Map<number, Uint32Array>();

  search(query: Uint32Array, radius: number) {
    const ids = Uint32Array.from(this.hashes.keys());
    const words = new Uint32Array(ids.length * WORDS_PER_HASH);
    ids.forEach((id, i) => words.set(this.hashes.get(id)!, i * WORDS_PER_HASH));
    return bruteForceSearch(ids, words, query, radius);
  }
}

/** Queries that exercise every path: unrelated, near a stored hash, a stored hash itself. */
function queries(words: Uint32Array, count: number, seed: number, maxFlips = 40): Uint32Array[] {
  const random = createRandom(seed);
  const n = words.length / WORDS_PER_HASH;
  return Array.from({ length: count }, (_, q) => {
    const query = new Uint32Array(WORDS_PER_HASH);
    if (q % 3 === 0) return query.map(() => random());
    const s = random() % n;
    query.set(words.subarray(s * WORDS_PER_HASH, (s + 1) * WORDS_PER_HASH));
    if (q % 3 === 1) flipRandomBits(query, 0, random() % (maxFlips + 1), random);
    return query;
  });
}

function sequentialIds(n: number, stride = 3): Uint32Array {
  return Uint32Array.from({ length: n }, (_, i) => 1_000_000 + i * stride);
}

describe('HashIndex', () => {
  for (const data of ['random', 'clustered'] as const) {
    for (const dualChunks of [0, 3, 8]) {
      it(`finds exactly what brute force finds: ${data} hashes, ${dualChunks} dual chunks, radii 0..64`, () => {
        const words = data === 'random' ? randomHashWords(N, 21) : clusteredHashWords(N, 22, { maxClusterSize: 300 });
        const ids = sequentialIds(N);
        const index = HashIndex.build(ids, words, { dualChunks, allowScan: false });
        const probes = queries(words, 65 * 3, 23 + dualChunks);
        let matches = 0;
        for (let radius = 0; radius <= 64; radius++) {
          assert.equal(index.planFor(radius).kind, 'probe');
          for (const query of probes.slice(radius * 3, radius * 3 + 3)) {
            const expected = bruteForceSearch(ids, words, query, radius);
            assert.deepEqual(index.search(query, radius), expected, `radius ${radius}`);
            matches += expected.length;
          }
        }
        assert.ok(matches > 100, `only ${matches} matches: the queries test nothing`);
      });
    }
  }

  it('stays exact through adds, removals, re-adds and rebuilds, in the delta and in the tables', () => {
    const random = createRandom(31);
    const words = clusteredHashWords(6000, 32, { maxClusterSize: 100 });
    const ids = Uint32Array.from({ length: 6000 }, () => random());
    const model = new Model();
    const initial = 3000;
    for (let i = 0; i < 6000; i++) {
      if (model.hashes.has(ids[i]!)) ids[i] = ids[i]! ^ 0x80000000;
      model.hashes.set(ids[i]!, words.slice(i * WORDS_PER_HASH, (i + 1) * WORDS_PER_HASH));
    }
    for (let i = initial; i < 6000; i++) model.hashes.delete(ids[i]!);
    const index = HashIndex.build(ids.slice(0, initial), words.slice(0, initial * WORDS_PER_HASH), {
      dualChunks: 2,
      deltaLimit: 700,
      allowScan: false,
    });
    const check = (step: string) => {
      assert.equal(index.size, model.hashes.size, step);
      for (const query of queries(words, 12, random())) {
        const radius = random() % 48;
        assert.deepEqual(index.search(query, radius), model.search(query, radius), `${step}, radius ${radius}`);
      }
    };
    check('built');
    for (let step = 0; step < 2400; step++) {
      const op = random() % 10;
      const i = random() % 6000;
      const id = ids[i]!;
      if (op < 5 && !model.hashes.has(id)) {
        index.add(id, pdqHexFromWords(words, i * WORDS_PER_HASH));
        model.hashes.set(id, words.slice(i * WORDS_PER_HASH, (i + 1) * WORDS_PER_HASH));
      } else if (op < 8) {
        assert.equal(index.remove(id), model.hashes.delete(id));
      } else if (model.hashes.has(id)) {
        // Re-add under the same id with another hash: the old one must never be found again.
        const moved = model.hashes.get(id)!.slice();
        flipRandomBits(moved, 0, 1 + (random() % 30), random);
        assert.equal(index.remove(id), true);
        index.add(id, moved);
        model.hashes.set(id, moved);
      }
      assert.equal(index.has(id), model.hashes.has(id));
      if (step % 300 === 299) check(`step ${step}`);
    }
    index.compact();
    check('compacted');
  });

  it('keeps the hashes only in its tables, and reads every one of them back by walking the ring', () => {
    for (const dualChunks of [0, 3, 8]) {
      const words = clusteredHashWords(3000, 43, { maxClusterSize: 200 });
      const ids = sequentialIds(3000, 7);
      const index = HashIndex.build(ids, words, { dualChunks });
      assert.deepEqual(segmentWords(index.state().segment), words, `${dualChunks} dual chunks`);
    }
  });

  it('scans when that is cheaper, with the same answers', () => {
    const words = randomHashWords(2000, 41);
    const ids = sequentialIds(2000);
    const index = HashIndex.build(ids, words);
    assert.equal(index.planFor(31).kind, 'scan');
    index.remove(ids[5]!);
    for (const query of queries(words, 30, 42)) {
      const expected = bruteForceSearch(ids, words, query, 31).filter((m) => m.id !== ids[5]);
      assert.deepEqual(index.search(query, 31), expected);
    }
  });

  it('accepts hashes as hex, answers nearest first, and holds any unsigned 32-bit id', () => {
    const index = HashIndex.empty();
    const a = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';
    const b = 'd8f8f0cee0f4a84f0637022a038f67f0b36e2ed596631e1d33e6339c4e9c9b22';
    index.add(0xffffffff, b);
    index.add(0, a);
    assert.deepEqual(index.search(a), [
      { id: 0, distanceBits: 0 },
      { id: 0xffffffff, distanceBits: 2 },
    ]);
    assert.deepEqual(index.search(a, 1), [{ id: 0, distanceBits: 0 }]);
    index.compact();
    assert.deepEqual(index.search(b, 0), [{ id: 0xffffffff, distanceBits: 0 }]);
    assert.equal(index.size, 2);
  });

  it('refuses bad input with messages that say what was expected', () => {
    const index = HashIndex.empty();
    index.add(1, '0'.repeat(64));
    assert.throws(
      () => index.add(1, 'f'.repeat(64)),
      /an id not in the index \(remove it first\) for id but received 1/,
    );
    assert.throws(() => index.add(-1, '0'.repeat(64)), /an integer 0\.\.4294967295 for id/);
    assert.throws(() => index.add(2.5, '0'.repeat(64)), /for id but received 2\.5/);
    assert.throws(() => index.search('0'.repeat(64), 257), /an integer 0\.\.256 for radiusBits/);
    assert.throws(() => index.search('xyz'), /64 hexadecimal digits for hash/);
    assert.equal(index.remove(2), false);
    assert.throws(() => HashIndex.build(new Uint32Array([4, 4]), new Uint32Array(16)), /unique ids .*id 4 twice/);
    assert.throws(() => HashIndex.build(new Uint32Array([4]), new Uint32Array(9)), /8 words \(8 per id\)/);
    assert.throws(() => HashIndex.empty({ dualChunks: 9 }), /an integer 0\.\.8 for dualChunks/);
  });

  it('reports its memory by structure: 4 + 3 + 5 per key-high and 2 per key-low table bytes per hash, and fixed parts', () => {
    const n = 50_000;
    const index = HashIndex.build(sequentialIds(n, 1), randomHashWords(n, 51), { dualChunks: 4 });
    const memory = index.memory();
    const deltaHashBytes = 64 * 32;
    assert.equal(memory.hashCount, n);
    assert.equal(memory.hashBytes, deltaHashBytes, 'no copy of the main segment hashes');
    assert.equal(memory.idBytes - 256, n * 4);
    // 8 key-high tables of 5 bytes per hash with block keys (2 bytes per 64 entries), 4 key-low ones of 2 bytes,
    // a directory each, and the slots' links.
    const high = n * 5 + 65537 * 4 + (Math.ceil(n / 64) + 1) * 2;
    assert.equal(memory.tableBytes, 8 * high + 4 * (n * 2 + 65537 * 4) + n * 3);
    assert.equal(
      memory.totalBytes,
      memory.hashBytes + memory.idBytes + memory.tableBytes + memory.removedBytes + memory.scratchBytes,
    );
    // A radius that scans reads the hashes back from the tables once, and keeps them until the next rebuild.
    assert.equal(index.planFor(120).kind, 'scan');
    index.search(randomHashWords(1, 52), 120);
    assert.equal(index.memory().hashBytes, deltaHashBytes + n * 32);
    index.compact();
    assert.equal(index.memory().hashBytes, deltaHashBytes);
  });
});
