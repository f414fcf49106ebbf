/**
 * The alternative ADR 0006 measured against: Meta's multi-index layout (ThreatExchange `pdq/cpp` MIH) rebuilt on
 * the same typed arrays. 16 substrings of 16 bits; a hash within r = 31 has some substring within ⌊31/16⌋ = 1, so
 * each query probes 16 × 17 = 272 buckets of a CSR table per substring (65,537 Uint32 offsets + one Uint32 slot per
 * hash) and must read every hash it finds there (~41k at 10⁷): no part of the bucket filters the candidates.
 * Repeats are dropped with a generation-stamp array (4 bytes per hash). Exactness is checked against brute force.
 *
 * Run: `npm run build && node apps/server/dist/bench/hash-index-mih16.bench.js [size=1e7] [queries=1000]`
 */
import { bruteForceSearch, createRandom, flipRandomBits, randomHashWords } from '@proofdesk/forensics';

const size = Number(process.argv[2] ?? 1e7);
const queryCount = Number(process.argv[3] ?? 1000);
const RADIUS = 31;

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const words = randomHashWords(size, 1);
const substring = (slot: number, i: number) => (words[slot * 8 + (i >>> 1)]! >>> ((i & 1) * 16)) & 0xffff;
let start = performance.now();
const offsets: Uint32Array[] = [];
const slots: Uint32Array[] = [];
for (let i = 0; i < 16; i++) {
  const offset = new Uint32Array(65537);
  for (let s = 0; s < size; s++) offset[substring(s, i) + 1]!++;
  for (let k = 1; k <= 65536; k++) offset[k] = offset[k]! + offset[k - 1]!;
  const cursor = offset.slice();
  const slot = new Uint32Array(size);
  for (let s = 0; s < size; s++) slot[cursor[substring(s, i)]!++] = s;
  offsets.push(offset);
  slots.push(slot);
}
const buildMs = performance.now() - start;
const stamps = new Uint32Array(size);
let generation = 0;

function search(query: Uint32Array): number[] {
  generation++;
  const found: number[] = [];
  for (let i = 0; i < 16; i++) {
    const key = (query[i >>> 1]! >>> ((i & 1) * 16)) & 0xffff;
    const offset = offsets[i]!;
    const slot = slots[i]!;
    for (let flip = -1; flip < 16; flip++) {
      const probe = flip < 0 ? key : key ^ (1 << flip);
      for (let e = offset[probe]!, end = offset[probe + 1]!; e < end; e++) {
        const s = slot[e]!;
        if (stamps[s] === generation) continue;
        stamps[s] = generation;
        let d = 0;
        for (let w = 0; w < 8 && d <= RADIUS; w++) d += popcount32(words[s * 8 + w]! ^ query[w]!);
        if (d <= RADIUS) found.push(s);
      }
    }
  }
  return found.sort((a, b) => a - b);
}

const random = createRandom(3);
const queries = Array.from({ length: queryCount }, (_, q) => {
  const query = new Uint32Array(8);
  if (q % 2 === 1) return query.map(() => random());
  const s = random() % size;
  query.set(words.subarray(s * 8, s * 8 + 8));
  flipRandomBits(query, 0, random() % 17, random);
  return query;
});
for (const q of queries.slice(0, 100)) search(q);
const times = queries.map((q) => {
  start = performance.now();
  search(q);
  return performance.now() - start;
});
times.sort((a, b) => a - b);
const ids = Uint32Array.from({ length: size }, (_, i) => i);
let exact = 0;
for (const q of queries.slice(0, 20)) {
  const expected = bruteForceSearch(ids, words, q, RADIUS).map((m) => m.id);
  if (JSON.stringify(expected.sort((a, b) => a - b)) === JSON.stringify(search(q))) exact++;
}
const bytesPerHash = (words.byteLength + stamps.byteLength + 16 * (65537 * 4 + size * 4)) / size;
console.log(
  `Meta's MIH layout (16 × 16-bit substrings, radius 1), ${size} random hashes: build ${(buildMs / 1000).toFixed(1)} s, ` +
    `${bytesPerHash.toFixed(1)} bytes/hash (hashes, tables, stamps; no ids), query p50 ` +
    `${times[Math.floor(times.length / 2)]!.toFixed(3)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(3)} ms, ` +
    `exact ${exact}/20`,
);
