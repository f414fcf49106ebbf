/**
 * The main segment: an immutable set of hashes in multi-index tables that are also their only copy.
 *
 * The ring: chunk j's key-high table holds chunk j of every hash in full (16 bits in the entry's position, 16 in
 * its filter), so the eight key-high tables together hold every hash. Each entry's link points to the same hash's
 * entry in chunk j−1's key-high table; chunk 0's entries point to the hash's slot; each slot points to its entry in
 * chunk 7's table (`slotLinks`). Following links from any entry visits every chunk of its hash once and its slot,
 * so a candidate is verified by walking the ring instead of reading a stored copy: 3 bytes per hash per table
 * instead of 32 bytes of hash (ADR 0006). Key-low tables hold no links (`chunk-table.ts`).
 * Slots are ordered by caller id, so that an id is found by bisection without a separate map.
 */
import { invalidArgument } from '../pdq/arguments.js';
import {
  buildChunkTable,
  createTableBuildScratch,
  entryLink,
  MAX_TABLE_ENTRIES,
  type ChunkTable,
} from './chunk-table.js';
import { WORDS_PER_HASH } from './hash-words.js';
import { CHUNKS } from './search-plan.js';

/** A built main segment. Read-only. */
export interface Segment {
  /** Hashes held, 0..2^24. */
  readonly count: number;
  /** Caller id per slot, strictly ascending. */
  readonly ids: Uint32Array;
  /** Per slot, 3 bytes little-endian: its hash's entry in chunk 7's key-high table. */
  readonly slotLinks: Uint8Array;
  /** Bit j set when chunk j has a key-low table as well as the key-high one. */
  readonly dualMask: number;
  /** Per chunk, the table keyed by its high 16 bits. */
  readonly highTables: readonly ChunkTable[];
  /** Per chunk, the table keyed by its low 16 bits, for chunks in `dualMask`. */
  readonly lowTables: readonly (ChunkTable | undefined)[];
}

/**
 * Builds the tables over hashes already in slot order. The words are not kept.
 * @param words 8 words per hash
 * @param ids caller ids, strictly ascending, one per hash
 * @param dualMask 0..255, see {@link Segment.dualMask}
 * @throws {RangeError} beyond 2^24 hashes
 */
export function buildSegment(words: Uint32Array, ids: Uint32Array, dualMask: number): Segment {
  const count = ids.length;
  if (words.length !== count * WORDS_PER_HASH) {
    throw invalidArgument('words', `${count * WORDS_PER_HASH} words (8 per id)`, words.length);
  }
  if (count > MAX_TABLE_ENTRIES) {
    throw new RangeError(invalidArgument('hash count', `at most ${MAX_TABLE_ENTRIES}`, count).message);
  }
  const scratch = createTableBuildScratch(count);
  const keys = new Uint32Array(count);
  const highTables: ChunkTable[] = [];
  const lowTables: (ChunkTable | undefined)[] = [];
  // previous[s]: hash s's entry in the previous chunk's key-high table (undefined for chunk 0: the slot itself).
  let previous: Uint32Array | undefined;
  let positions = new Uint32Array(count);
  let spare = new Uint32Array(count);
  for (let j = 0; j < CHUNKS; j++) {
    for (let s = 0, o = j; s < count; s++, o += WORDS_PER_HASH) keys[s] = words[o]!;
    highTables.push(buildChunkTable(keys, scratch, { links: previous, positions }));
    if (((dualMask >>> j) & 1) === 0) lowTables.push(undefined);
    else {
      for (let s = 0; s < count; s++) keys[s] = ((keys[s]! << 16) | (keys[s]! >>> 16)) >>> 0;
      lowTables.push(buildChunkTable(keys, scratch));
    }
    previous = positions;
    [positions, spare] = [spare, positions];
  }
  const slotLinks = new Uint8Array(count * 3);
  for (let s = 0; s < count; s++) {
    const e = previous![s]!;
    slotLinks[s * 3] = e;
    slotLinks[s * 3 + 1] = e >>> 8;
    slotLinks[s * 3 + 2] = e >>> 16;
  }
  return { count, ids, slotLinks, dualMask, highTables, lowTables };
}

/**
 * Every hash of the segment, 8 words per slot, read back from the key-high tables (for a rebuild or a linear scan).
 * Each table is read in entry order, its keys from walking its directory; `owner[e]`, the slot of entry e, comes
 * from the previous table's through the entry's link: one random read and one random write per entry and table.
 */
export function segmentWords(segment: Segment): Uint32Array {
  const { count, highTables } = segment;
  const words = new Uint32Array(count * WORDS_PER_HASH);
  let owner = new Uint32Array(count);
  let previousOwner = new Uint32Array(count);
  for (let j = 0; j < CHUNKS; j++) {
    const { directory, filters, links } = highTables[j]!;
    let key = 0;
    for (let e = 0; e < count; e++) {
      while (directory[key + 1]! <= e) key++;
      const link = entryLink(links, e);
      const slot = j === 0 ? link : previousOwner[link]!;
      owner[e] = slot;
      words[slot * WORDS_PER_HASH + j] = ((key << 16) | filters[e]!) >>> 0;
    }
    [owner, previousOwner] = [previousOwner, owner];
  }
  return words;
}

/** The slot holding `id`, or −1. */
export function slotOfId(segment: Segment, id: number): number {
  const { ids } = segment;
  let lo = 0;
  let hi = segment.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < segment.count && ids[lo] === id ? lo : -1;
}

/** An empty segment (no tables needed: every probe finds nothing). */
export function emptySegment(dualMask: number): Segment {
  return buildSegment(new Uint32Array(0), new Uint32Array(0), dualMask);
}
