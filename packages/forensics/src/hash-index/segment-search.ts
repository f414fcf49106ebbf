/**
 * Answering a query on the main segment: probe each chunk's tables with its planned radius, then verify the
 * candidates by walking the ring (`segment.ts`) from each one: every hop reads one entry of the next chunk's table,
 * which gives that chunk's 32 bits (its key from the entry's position, its filter) and the next link.
 *
 * - A walk stops as soon as the distance so far exceeds the radius: a random candidate, already near in one chunk,
 *   is ~16 bits away in each other chunk, so it stops after two or three hops.
 * - Repeats: a hash near the query in several chunks is found by each. The walk from chunk j visits chunks
 *   j−1, …, 0 first, and drops the candidate as soon as one of them is within its own radius: that chunk's probe
 *   found the hash too, and the smallest such chunk is the one that reports it. No set, and one hop per repeat.
 * - The walks advance in lockstep, one hop for every live candidate per round, each round first touching every
 *   entry it is about to read, so that the memory system serves the random reads in parallel.
 */
import type { MatchSink } from './brute-force.js';
import { probeChunk, type CandidateBuffer, type ProbeScratch } from './chunk-probe.js';
import { BLOCK_SHIFT, entryLink, keyOfEntry } from './chunk-table.js';
import { POPCOUNT16 } from './popcount.js';
import { CHUNKS } from './search-plan.js';
import type { Segment } from './segment.js';

/** Where each candidate's walk is; grown to the candidates as needed. */
export class RingWalks {
  /** Entry in `table`'s key-high table, or the slot when `table` is −1. */
  at = new Int32Array(1024);
  /** The chunk whose key-high table `at` is in, or −1 for a slot. */
  table = new Int8Array(1024);
  /** Distance of the chunks visited so far, including the one that found the candidate. */
  distance = new Uint16Array(1024);
  /** The slot, once passed. */
  slot = new Int32Array(1024);
  /** Indices of the walks still going. */
  live = new Int32Array(1024);

  /** Room for `count` walks. */
  reserve(count: number): void {
    if (this.at.length >= count) return;
    let size = this.at.length;
    while (size < count) size *= 2;
    this.at = new Int32Array(size);
    this.table = new Int8Array(size);
    this.distance = new Uint16Array(size);
    this.slot = new Int32Array(size);
    this.live = new Int32Array(size);
  }

  /** Bytes held. */
  get byteLength(): number {
    return this.at.length * (4 + 1 + 2 + 4 + 4);
  }
}

/**
 * Appends every live slot of `segment` within `radiusBits` of `query` to `sink` (slot, distance), each once.
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
  walks: RingWalks,
  scratch: ProbeScratch,
  sink: MatchSink,
): void {
  if (segment.count === 0) return;
  candidates.length = 0;
  for (let j = 0; j < CHUNKS; j++) {
    const radius = chunkRadii[j]!;
    if (radius >= 0) {
      probeChunk(segment.highTables[j]!, segment.lowTables[j], query[j]!, radius, j, candidates, scratch);
    }
  }
  const count = candidates.length;
  walks.reserve(count);
  const { at, table, distance, slot, live } = walks;
  for (let c = 0; c < count; c++) {
    at[c] = candidates.links[c]!;
    table[c] = candidates.chunks[c]! - 1;
    distance[c] = candidates.distances[c]!;
    live[c] = c;
  }
  const { highTables, slotLinks } = segment;
  const chunks = candidates.chunks;
  let liveCount = count;
  while (liveCount > 0) {
    let touched = 0;
    for (let i = 0; i < liveCount; i++) {
      const c = live[i]!;
      const k = table[c]!;
      const e = at[c]!;
      if (k < 0) touched += slotLinks[e * 3]!;
      else {
        const t = highTables[k]!;
        touched += t.filters[e]! + t.links[e * 3]! + t.blockKeys[e >>> BLOCK_SHIFT]!;
      }
    }
    scratch.touched ^= touched;
    let next = 0;
    for (let i = 0; i < liveCount; i++) {
      const c = live[i]!;
      const k = table[c]!;
      const e = at[c]!;
      const start = chunks[c]!;
      if (k < 0) {
        if ((removed[e >>> 5]! >>> (e & 31)) & 1) continue;
        slot[c] = e;
        at[c] = entryLink(slotLinks, e);
        table[c] = CHUNKS - 1;
        if (start === CHUNKS - 1) {
          sink.keys.push(e);
          sink.distances.push(distance[c]!);
        } else live[next++] = c;
        continue;
      }
      const t = highTables[k]!;
      const word = query[k]!;
      const d = POPCOUNT16[keyOfEntry(t, e) ^ (word >>> 16)]! + POPCOUNT16[t.filters[e]! ^ (word & 0xffff)]!;
      if (k < start && d <= chunkRadii[k]!) continue; // chunk k found it too, and reports it
      const sum = distance[c]! + d;
      if (sum > radiusBits) continue;
      distance[c] = sum;
      at[c] = entryLink(t.links, e);
      table[c] = k - 1;
      if (k - 1 === start) {
        sink.keys.push(slot[c]!);
        sink.distances.push(sum);
      } else live[next++] = c;
    }
    liveCount = next;
  }
}
