import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CandidateBuffer, createProbeScratch, dualSplit, probeChunk } from './chunk-probe.js';
import { buildChunkTable, createTableBuildScratch, entryLink, keyOfEntry, type ChunkTable } from './chunk-table.js';
import { popcount32 } from './popcount.js';
import { createRandom, flipRandomBits } from './synthetic-hashes.js';

const rotate = (w: number) => ((w << 16) | (w >>> 16)) >>> 0;

/** 32-bit chunks: random, or a few centres with near copies (big buckets, many equal filters). */
function chunks(kind: 'random' | 'clustered', n: number, seed: number): Uint32Array {
  const random = createRandom(seed);
  const keys = new Uint32Array(n);
  const centres = Array.from({ length: 20 }, () => random());
  for (let s = 0; s < n; s++) {
    if (kind === 'random') keys[s] = random();
    else {
      const one = new Uint32Array(8);
      one[0] = centres[random() % centres.length]!;
      flipRandomBits(one, 0, random() % 4, () => random() & 31);
      keys[s] = one[0]!;
    }
  }
  return keys;
}

function tables(keys: Uint32Array): { high: ChunkTable; low: ChunkTable } {
  const scratch = createTableBuildScratch(keys.length);
  // The key-high table as the ring builds it (block keys for walks), the key-low one as a dual table.
  const high = buildChunkTable(keys, scratch, { positions: new Uint32Array(keys.length) });
  return { high, low: buildChunkTable(keys.map(rotate), scratch) };
}

function probe(
  keys: Uint32Array,
  high: ChunkTable,
  low: ChunkTable | undefined,
  query: number,
  radius: number,
): number[] {
  const out = new CandidateBuffer();
  probeChunk(high, low, query, radius, 5, out, createProbeScratch());
  for (let c = 0; c < out.length; c++) {
    assert.equal(out.chunks[c], 5);
    assert.equal(out.distances[c], popcount32(keys[out.links[c]!]! ^ query));
  }
  return [...out.links.subarray(0, out.length)];
}

describe('chunk tables', () => {
  it('sort each key by filter, keep every hash exactly once, and give each entry its key back', () => {
    const keys = chunks('random', 5000, 1);
    const { high } = tables(keys);
    const seen = new Uint8Array(keys.length);
    for (let key = 0; key < 65536; key++) {
      for (let e = high.directory[key]!; e < high.directory[key + 1]!; e++) {
        const slot = entryLink(high.links, e);
        seen[slot]!++;
        assert.equal(keyOfEntry(high, e), key);
        assert.equal(keys[slot], ((key << 16) | high.filters[e]!) >>> 0);
        if (e > high.directory[key]!) assert.ok(high.filters[e - 1]! <= high.filters[e]!);
      }
    }
    assert.ok(seen.every((n) => n === 1));
  });

  it('split a dual chunk radius so that every pair of half distances within it falls on exactly one side', () => {
    for (let t = 0; t <= 40; t++) {
      const { highRadius, lowRadius } = dualSplit(t);
      for (let high = 0; high <= 16; high++) {
        for (let low = 0; low <= 16 && high + low <= t; low++) {
          const sides = Number(high <= highRadius) + Number(high > highRadius && low <= lowRadius);
          assert.equal(sides, 1, `t=${t} high=${high} low=${low}`);
        }
      }
    }
  });

  for (const kind of ['random', 'clustered'] as const) {
    it(`find exactly the ${kind} chunks within t bits, t = 0..32, with one table or two`, () => {
      const keys = chunks(kind, 8000, kind === 'random' ? 2 : 3);
      const { high, low } = tables(keys);
      const random = createRandom(4);
      for (let t = 0; t <= 32; t++) {
        for (let q = 0; q < 4; q++) {
          const query = q % 2 === 0 ? random() : keys[random() % keys.length]! ^ (1 << (random() & 31));
          const expected = [...keys.keys()].filter((s) => popcount32(keys[s]! ^ query) <= t);
          for (const lowTable of [undefined, low]) {
            const found = probe(keys, high, lowTable, query, t).sort((a, b) => a - b);
            assert.deepEqual(found, expected, `t=${t} dual=${lowTable !== undefined}`);
          }
        }
      }
    });
  }
});
