/**
 * Answering a query on the main segment: probe each chunk's tables with its planned radius, then verify the
 * candidates against the stored hashes. A candidate found through chunk j is kept only if no earlier probed chunk
 * i < j is within its radius t_i, since that chunk's probe finds it too: duplicates are dropped without a
 * per-hash stamp array, and the check costs nothing extra because verification computes those chunk distances.
 */
import type { MatchSink } from './brute-force.js';
import { probeChunk, type CandidateBuffer, type ProbeScratch } from './chunk-probe.js';
import { WORDS_PER_HASH } from './hash-words.js';
import { popcount32 } from './popcount.js';
import { CHUNKS } from './search-plan.js';
import type { Segment } from './segment.js';

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
    if (radius < 0) continue;
    probeChunk(segment.highTables[j]!, segment.lowTables[j], query[j]!, radius, j, candidates, scratch);
  }
  const { words } = segment;
  const { slots, chunks, length } = candidates;
  // Touch every candidate's hash first so that the random reads overlap.
  let touched = 0;
  for (let c = 0; c < length; c++) touched += words[slots[c]! * WORDS_PER_HASH]!;
  scratch.touched ^= touched;
  for (let c = 0; c < length; c++) {
    const slot = slots[c]!;
    const foundBy = chunks[c]!;
    const o = slot * WORDS_PER_HASH;
    let distance = 0;
    let duplicate = false;
    for (let i = 0; i < foundBy; i++) {
      const d = popcount32(words[o + i]! ^ query[i]!);
      if (d <= chunkRadii[i]!) {
        duplicate = true;
        break;
      }
      distance += d;
    }
    if (duplicate || distance > radiusBits) continue;
    for (let i = foundBy; i < WORDS_PER_HASH && distance <= radiusBits; i++) {
      distance += popcount32(words[o + i]! ^ query[i]!);
    }
    if (distance > radiusBits || (removed[slot >>> 5]! >>> (slot & 31)) & 1) continue;
    sink.keys.push(slot);
    sink.distances.push(distance);
  }
}
