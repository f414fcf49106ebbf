/**
 * The main segment: an immutable set of hashes with their multi-index tables. Slots are ordered by caller id, so
 * that an id is found by bisection without a separate map.
 */
import { invalidArgument } from '../pdq/arguments.js';
import { buildChunkTable, createTableBuildScratch, MAX_TABLE_ENTRIES, type ChunkTable } from './chunk-table.js';
import { WORDS_PER_HASH } from './hash-words.js';
import { CHUNKS } from './search-plan.js';

/** A built main segment. Read-only. */
export interface Segment {
  /** Hashes held, 0..2^24. */
  readonly count: number;
  /** 8 words per hash, slot order. */
  readonly words: Uint32Array;
  /** Caller id per slot, strictly ascending. */
  readonly ids: Uint32Array;
  /** Bit j set when chunk j has a key-low table as well as the key-high one. */
  readonly dualMask: number;
  /** Per chunk, the table keyed by its high 16 bits. */
  readonly highTables: readonly ChunkTable[];
  /** Per chunk, the table keyed by its low 16 bits, for chunks in `dualMask`. */
  readonly lowTables: readonly (ChunkTable | undefined)[];
}

/**
 * Builds the tables over hashes already in slot order.
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
  for (let j = 0; j < CHUNKS; j++) {
    for (let s = 0, o = j; s < count; s++, o += WORDS_PER_HASH) keys[s] = words[o]!;
    highTables.push(buildChunkTable(keys, scratch));
    if (((dualMask >>> j) & 1) === 0) {
      lowTables.push(undefined);
      continue;
    }
    for (let s = 0; s < count; s++) keys[s] = ((keys[s]! << 16) | (keys[s]! >>> 16)) >>> 0;
    lowTables.push(buildChunkTable(keys, scratch));
  }
  return { count, words, ids, dualMask, highTables, lowTables };
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
