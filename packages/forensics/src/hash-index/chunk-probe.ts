/**
 * Probing one table: enumerate the keys near the query's key, and within each key's entries keep those whose
 * filter half is near enough too, with the entry's link and the chunk's distance to the query. Loads are issued in two passes (first touch every bucket, then read them) so
 * that the memory system serves the random bucket reads in parallel rather than one after another.
 */
import { entryLink, type ChunkTable } from './chunk-table.js';
import { KEY_BITS, KEY_MASKS, KEY_MASK_START } from './key-masks.js';
import { POPCOUNT16 } from './popcount.js';

/** Buckets up to this many entries are searched by interpolation and a short walk, larger ones by bisection. */
const INTERPOLATION_MAX_ENTRIES = 512;

/**
 * Entries found by probing: each one's link, its chunk's distance to the query and which chunk found it (a hash
 * near the query in several chunks is found by each of them). Grows.
 */
export class CandidateBuffer {
  links = new Int32Array(1024);
  distances = new Uint8Array(1024);
  chunks = new Uint8Array(1024);
  length = 0;

  /** Appends one candidate. */
  push(link: number, distance: number, chunk: number): void {
    if (this.length === this.links.length) this.grow();
    this.links[this.length] = link;
    this.distances[this.length] = distance;
    this.chunks[this.length++] = chunk;
  }

  /** Bytes held. */
  get byteLength(): number {
    return this.links.byteLength + this.distances.byteLength + this.chunks.byteLength;
  }

  private grow(): void {
    const size = this.links.length * 2;
    const links = new Int32Array(size);
    const distances = new Uint8Array(size);
    const chunks = new Uint8Array(size);
    links.set(this.links);
    distances.set(this.distances);
    chunks.set(this.chunks);
    this.links = links;
    this.distances = distances;
    this.chunks = chunks;
  }
}

/** Per-index work arrays for probing (one query at a time). */
export interface ProbeScratch {
  readonly keys: Int32Array;
  readonly starts: Int32Array;
  /** Chunk values found in a key-low table (as `links`), before they are looked up in the key-high table. */
  readonly values: CandidateBuffer;
  /** Where each value's lookup starts; grown as needed. */
  valueStarts: Int32Array;
  /** Sum of touched values, kept so that the touching loads are not optimised away. */
  touched: number;
}

/** Work arrays for probing: 2 × 256 KiB. */
export function createProbeScratch(): ProbeScratch {
  return {
    keys: new Int32Array(1 << KEY_BITS),
    starts: new Int32Array(1 << KEY_BITS),
    values: new CandidateBuffer(),
    valueStarts: new Int32Array(1024),
    touched: 0,
  };
}

/** First entry in `a..b−1` whose filter is ≥ `value` (b when none). */
function lowerBound(filters: Uint16Array, a: number, b: number, value: number): number {
  let lo = a;
  let hi = b;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (filters[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entry where a run of `value` starts in `a..b−1`, from a guess (interpolation) `e` (b when none). */
function findFilter(filters: Uint16Array, a: number, b: number, e: number, value: number): number {
  if (b - a > INTERPOLATION_MAX_ENTRIES) return lowerBound(filters, a, b, value);
  while (e > a && filters[e - 1]! >= value) e--;
  while (e < b && filters[e]! < value) e++;
  return e;
}

/**
 * Appends to `out` every entry of `table` whose key is at distance w ≤ `keyRadius` from `queryKey` and whose
 * filter is at distance f from `queryFilter` with `minFilterDistance < f ≤ chunkRadius − w`, with w + f and
 * `chunk`: for a key-high table, each such entry's link, once; for a key-low table (no links), each such chunk
 * value once, as the 32-bit chunk (high half = the filter) in place of the link.
 * @param queryKey 0..65535
 * @param queryFilter 0..65535
 * @param keyRadius bits, ≥ −1 (−1 probes nothing; above 16 it is 16)
 * @param chunkRadius bits the whole 32-bit chunk may differ by, ≥ 0
 * @param minFilterDistance −1, or the filter distances already covered by another table
 * @param chunk recorded with each candidate
 */
export function probeTable(
  table: ChunkTable,
  queryKey: number,
  queryFilter: number,
  keyRadius: number,
  chunkRadius: number,
  minFilterDistance: number,
  chunk: number,
  out: CandidateBuffer,
  scratch: ProbeScratch,
): void {
  const { directory, filters, links } = table;
  const { keys, starts } = scratch;
  const linked = links.length > 0;
  const maxWeight = Math.min(keyRadius, KEY_BITS);
  for (let w = 0; w <= maxWeight; w++) {
    const budget = chunkRadius - w;
    if (budget <= minFilterDistance) continue;
    const exact = budget === 0;
    let n = 0;
    for (let i = KEY_MASK_START[w]!, end = KEY_MASK_START[w + 1]!; i < end; i++) {
      const key = queryKey ^ KEY_MASKS[i]!;
      const a = directory[key]!;
      const b = directory[key + 1]!;
      if (a === b) continue;
      keys[n] = key;
      starts[n++] = exact ? a + Math.floor(((b - a) * queryFilter) / 65536) : a;
    }
    let touched = 0;
    for (let i = 0; i < n; i++) touched += filters[starts[i]!]!;
    scratch.touched ^= touched;
    if (exact) {
      for (let i = 0; i < n; i++) {
        const key = keys[i]!;
        const a = directory[key]!;
        const b = directory[key + 1]!;
        let e = findFilter(filters, a, b, starts[i]!, queryFilter);
        if (!linked) {
          if (e < b && filters[e] === queryFilter) out.push((queryFilter << 16) | key, w, chunk);
          continue;
        }
        for (; e < b && filters[e] === queryFilter; e++) out.push(entryLink(links, e), w, chunk);
      }
    } else if (linked) {
      for (let i = 0; i < n; i++) {
        const b = directory[keys[i]! + 1]!;
        for (let e = starts[i]!; e < b; e++) {
          const f = POPCOUNT16[filters[e]! ^ queryFilter]!;
          if (f <= budget && f > minFilterDistance) out.push(entryLink(links, e), w + f, chunk);
        }
      }
    } else {
      for (let i = 0; i < n; i++) {
        const key = keys[i]!;
        const b = directory[key + 1]!;
        let previous = -1;
        for (let e = starts[i]!; e < b; e++) {
          const filter = filters[e]!;
          if (filter === previous) continue; // the same chunk value again: its entries are looked up once
          previous = filter;
          const f = POPCOUNT16[filter ^ queryFilter]!;
          if (f <= budget && f > minFilterDistance) out.push((filter << 16) | key, w + f, chunk);
        }
      }
    }
  }
}

/**
 * How a chunk with two tables splits its radius t: the key-high table covers high-half distances ≤ `highRadius`,
 * the key-low table low-half distances ≤ `lowRadius` with high-half distance above `highRadius`. Every pair of
 * half distances summing to ≤ t falls in exactly one of the two, because highRadius + lowRadius = t − 1.
 */
export function dualSplit(chunkRadius: number): { readonly highRadius: number; readonly lowRadius: number } {
  const highRadius = Math.max(0, Math.ceil((chunkRadius - 1) / 2));
  return { highRadius, lowRadius: chunkRadius - 1 - highRadius };
}

/**
 * Appends every entry whose 32-bit chunk is within `chunkRadius` of `queryWord`, once each, recorded as found
 * by `chunk`.
 * @param high the table keyed by the chunk's high half
 * @param low the table keyed by the chunk's low half, when the chunk has one
 */
export function probeChunk(
  high: ChunkTable,
  low: ChunkTable | undefined,
  queryWord: number,
  chunkRadius: number,
  chunk: number,
  out: CandidateBuffer,
  scratch: ProbeScratch,
): void {
  const queryHigh = queryWord >>> 16;
  const queryLow = queryWord & 0xffff;
  if (low === undefined) {
    probeTable(high, queryHigh, queryLow, chunkRadius, chunkRadius, -1, chunk, out, scratch);
    return;
  }
  const { highRadius, lowRadius } = dualSplit(chunkRadius);
  probeTable(high, queryHigh, queryLow, highRadius, chunkRadius, -1, chunk, out, scratch);
  if (highRadius < KEY_BITS) {
    const { values } = scratch;
    values.length = 0;
    probeTable(low, queryLow, queryHigh, lowRadius, chunkRadius, highRadius, chunk, values, scratch);
    lookUpValues(high, values, out, scratch);
  }
}

/**
 * Appends the key-high table entries (links) of every chunk value in `values`, with the value's distance and chunk.
 * Every value is there: both tables hold every hash. Lookups touch their entries first, like bucket visits.
 */
function lookUpValues(high: ChunkTable, values: CandidateBuffer, out: CandidateBuffer, scratch: ProbeScratch): void {
  const { directory, filters, links } = high;
  const count = values.length;
  if (scratch.valueStarts.length < count)
    scratch.valueStarts = new Int32Array(Math.max(count, 2 * scratch.valueStarts.length));
  const starts = scratch.valueStarts;
  let touched = 0;
  for (let i = 0; i < count; i++) {
    const value = values.links[i]!;
    const key = value >>> 16;
    const filter = value & 0xffff;
    const a = directory[key]!;
    const at = a + Math.floor(((directory[key + 1]! - a) * filter) / 65536);
    starts[i] = at;
    touched += filters[at]!;
  }
  scratch.touched ^= touched;
  for (let i = 0; i < count; i++) {
    const value = values.links[i]!;
    const key = value >>> 16;
    const filter = value & 0xffff;
    const b = directory[key + 1]!;
    const distance = values.distances[i]!;
    const chunk = values.chunks[i]!;
    for (let e = findFilter(filters, directory[key]!, b, starts[i]!, filter); e < b && filters[e] === filter; e++) {
      out.push(entryLink(links, e), distance, chunk);
    }
  }
}
