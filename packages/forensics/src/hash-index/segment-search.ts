/**
 * Answering a query on the main segment: probe each chunk's tables with its planned radius, then verify the
 * candidates against the stored hashes. A hash near the query in several chunks is found by each of their probes;
 * repeats are dropped with an open-addressing set sized to the candidates (no per-hash stamp array), before any
 * hash is read, because in clustered data the repeats outnumber the hashes and each read is a cache miss.
 */
import type { MatchSink } from './brute-force.js';
import { probeChunk, type CandidateBuffer, type ProbeScratch } from './chunk-probe.js';
import { WORDS_PER_HASH } from './hash-words.js';
import { popcount32 } from './popcount.js';
import { CHUNKS } from './search-plan.js';
import type { Segment } from './segment.js';

/**
 * Keeps the first occurrence of each slot in `candidates.slots[0..length)`, in place.
 * @returns how many distinct slots there are
 */
export function dropRepeats(candidates: CandidateBuffer, scratch: ProbeScratch): number {
  const { slots, length } = candidates;
  let bits = 6;
  while (1 << bits < length * 2) bits++;
  const size = 1 << bits;
  if (scratch.seen.length < size) scratch.seen = new Int32Array(size);
  const seen = scratch.seen;
  seen.fill(-1, 0, size);
  const mask = size - 1;
  let distinct = 0;
  for (let c = 0; c < length; c++) {
    const slot = slots[c]!;
    let h = Math.imul(slot, 0x9e3779b1) >>> (32 - bits);
    while (seen[h] !== -1 && seen[h] !== slot) h = (h + 1) & mask;
    if (seen[h] === slot) continue;
    seen[h] = slot;
    slots[distinct++] = slot;
  }
  return distinct;
}

/**
 * Appends every live slot of `segment` within `radiusBits` of `query` to `sink` (slot, distance).
 * @param chunkRadii per chunk, −1..32, with Σ (t_j + 1) ≥ radiusBits + 1 (see `planSearch`)
 * @param removed bitmap of removed slots
 */
export function probeSegment(
  segment: Segment,
  query: Uint32Array,
  radiusBits: number,
  chunkRadii: Int8Array,
  removed: Uint32Array,
  candidates: CandidateBuffer,
  scratch: ProbeScratch,
  sink: MatchSink,
): void {
  if (segment.count === 0) return;
  candidates.length = 0;
  for (let j = 0; j < CHUNKS; j++) {
    const radius = chunkRadii[j]!;
    if (radius >= 0) probeChunk(segment.highTables[j]!, segment.lowTables[j], query[j]!, radius, candidates, scratch);
  }
  const distinct = dropRepeats(candidates, scratch);
  const { words } = segment;
  const { slots } = candidates;
  // Touch every candidate's hash first so that the random reads overlap.
  let touched = 0;
  for (let c = 0; c < distinct; c++) touched += words[slots[c]! * WORDS_PER_HASH]!;
  scratch.touched ^= touched;
  for (let c = 0; c < distinct; c++) {
    const slot = slots[c]!;
    const o = slot * WORDS_PER_HASH;
    let distance = 0;
    for (let i = 0; i < WORDS_PER_HASH && distance <= radiusBits; i++)
      distance += popcount32(words[o + i]! ^ query[i]!);
    if (distance > radiusBits || (removed[slot >>> 5]! >>> (slot & 31)) & 1) continue;
    sink.keys.push(slot);
    sink.distances.push(distance);
  }
}
