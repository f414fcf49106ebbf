/**
 * One table of the multi-index: the entries of one 32-bit chunk of every stored hash, sorted by one 16-bit half
 * of the chunk (the key) and then by the other half (the filter), with a directory over the key.
 *
 * Layout (compressed sparse rows): `directory` (65,537 offsets, 256 KiB) gives each key's entry range; per entry,
 * `filters` holds the other 16 bits (scanned sequentially, so candidates are rejected without reading anything
 * else). Two kinds:
 * - key-high tables (one per chunk) also hold per entry 3 bytes of `links`, saying where the same hash is in the
 *   next table of the ring (see `segment.ts`): 5 bytes per hash. Such a table holds its chunk's 32 bits in full
 *   (16 in the entry's position, 16 in its filter), which is why the index keeps no separate copy of the hashes.
 * - key-low tables (optional, "dual" chunks) hold no links: 2 bytes per hash. What they find is a chunk value,
 *   which an exact lookup in the chunk's key-high table turns into entries and links (`chunk-probe.ts`).
 */
import { invalidArgument } from '../pdq/arguments.js';
import { KEY_BITS } from './key-masks.js';

/** Most hashes one table can hold: links are stored in 3 bytes. */
export const MAX_TABLE_ENTRIES = 1 << 24;

/** Bytes per entry and table: 2 of filter, 3 of link. */
export const TABLE_BYTES_PER_ENTRY = 5;

/**
 * Entries per block of {@link ChunkTable.blockKeys}: 64, so that at 10⁷ hashes (~150 entries per key) most blocks
 * lie within one key and an entry's key is read with at most one directory access.
 */
export const BLOCK_SHIFT = 6;

/** A built table; see the module comment. Read-only once built. */
export interface ChunkTable {
  /** Entries with key k are `directory[k]..directory[k+1]−1`: 65,537 ascending offsets, the last = entry count. */
  readonly directory: Uint32Array;
  /** The chunk's non-key half per entry, ascending within each key. */
  readonly filters: Uint16Array;
  /** Key-high tables: per entry, 3 bytes little-endian, the entry's link. Key-low tables: empty. */
  readonly links: Uint8Array;
  /**
   * Key-high tables: derived, not stored, the key of every 64th entry plus 65,535 at the end, so that the key of
   * any entry is found between two of them ({@link keyOfEntry}) — 2 bytes per 64 entries. Key-low tables: empty.
   */
  readonly blockKeys: Uint16Array;
}

/** Work arrays for building tables, reusable across the tables of one build. */
export interface TableBuildScratch {
  /** At least as long as the keys. */
  readonly order: Uint32Array;
  /** At least as long as the keys. */
  readonly sortedKeys: Uint32Array;
  /** 65,537 counters. */
  readonly counts: Uint32Array;
}

/** Work arrays for building tables of up to `count` entries. */
export function createTableBuildScratch(count: number): TableBuildScratch {
  return {
    order: new Uint32Array(count),
    sortedKeys: new Uint32Array(count),
    counts: new Uint32Array((1 << KEY_BITS) + 1),
  };
}

/** Prefix sums in place: counts[i+1] += counts[i]. */
function accumulate(counts: Uint32Array): void {
  for (let i = 1; i < counts.length; i++) counts[i] = counts[i]! + counts[i - 1]!;
}

/** The key of every 64th entry of a directory over `count` entries, then 65,535. */
export function blockKeysOf(directory: Uint32Array, count: number): Uint16Array {
  const blocks = Math.ceil(count / (1 << BLOCK_SHIFT));
  const blockKeys = new Uint16Array(blocks + 1);
  let key = 0;
  for (let b = 0; b < blocks; b++) {
    const entry = b << BLOCK_SHIFT;
    while (directory[key + 1]! <= entry) key++;
    blockKeys[b] = key;
  }
  blockKeys[blocks] = (1 << KEY_BITS) - 1;
  return blockKeys;
}

/**
 * A table over arrays already laid out (a build, or a file).
 * @param links the links of a key-high table (which then gets block keys); undefined for a key-low table
 */
export function chunkTable(directory: Uint32Array, filters: Uint16Array, links: Uint8Array | undefined): ChunkTable {
  if (links === undefined) return { directory, filters, links: new Uint8Array(0), blockKeys: new Uint16Array(0) };
  return { directory, filters, links, blockKeys: blockKeysOf(directory, filters.length) };
}

/**
 * Sorts 0..n−1 by `keys[s]` (key half in the high 16 bits, filter half in the low 16) with two stable counting
 * passes, low half first, and lays the result out as a table.
 * @param keys one 32-bit chunk per hash, already rotated so that the key half is the high half
 * @param ring for a key-high table: `links[s]` is the link to store for hash s (< 2^24; s itself when omitted),
 *   and `positions[s]` receives the entry hash s was put at. Omitted for a key-low table.
 * @throws {RangeError} beyond {@link MAX_TABLE_ENTRIES} entries
 */
export function buildChunkTable(
  keys: Uint32Array,
  scratch: TableBuildScratch,
  ring?: { readonly links?: Uint32Array; readonly positions: Uint32Array },
): ChunkTable {
  const n = keys.length;
  if (n > MAX_TABLE_ENTRIES)
    throw new RangeError(invalidArgument('hash count', `at most ${MAX_TABLE_ENTRIES}`, n).message);
  const { order, sortedKeys, counts } = scratch;
  counts.fill(0);
  for (let s = 0; s < n; s++) counts[(keys[s]! & 0xffff) + 1]!++;
  accumulate(counts);
  for (let s = 0; s < n; s++) {
    const key = keys[s]!;
    const at = counts[key & 0xffff]!++;
    order[at] = s;
    sortedKeys[at] = key;
  }
  const directory = new Uint32Array((1 << KEY_BITS) + 1);
  for (let s = 0; s < n; s++) directory[(keys[s]! >>> 16) + 1]!++;
  accumulate(directory);
  counts.set(directory);
  const filters = new Uint16Array(n);
  if (ring === undefined) {
    for (let i = 0; i < n; i++) {
      const key = sortedKeys[i]!;
      filters[counts[key >>> 16]!++] = key & 0xffff;
    }
    return chunkTable(directory, filters, undefined);
  }
  const { links, positions } = ring;
  const entryLinks = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const key = sortedKeys[i]!;
    const s = order[i]!;
    const link = links === undefined ? s : links[s]!;
    const at = counts[key >>> 16]!++;
    filters[at] = key & 0xffff;
    entryLinks[at * 3] = link;
    entryLinks[at * 3 + 1] = link >>> 8;
    entryLinks[at * 3 + 2] = link >>> 16;
    positions[s] = at;
  }
  return chunkTable(directory, filters, entryLinks);
}

/** The link stored at entry `e` (3 bytes little-endian). */
export function entryLink(links: Uint8Array, e: number): number {
  const at = e * 3;
  return links[at]! | (links[at + 1]! << 8) | (links[at + 2]! << 16);
}

/** The key of entry `e`: the k with directory[k] ≤ e < directory[k+1], bisecting between two block keys. */
export function keyOfEntry(table: ChunkTable, e: number): number {
  const { directory, blockKeys } = table;
  const block = e >>> BLOCK_SHIFT;
  let lo = blockKeys[block]!;
  let hi = blockKeys[block + 1]!;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (directory[mid]! <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The largest link of a table (−1 when empty), to check a loaded file. */
export function maxLink(links: Uint8Array): number {
  let max = -1;
  for (let e = 0, n = links.length / 3; e < n; e++) max = Math.max(max, entryLink(links, e));
  return max;
}

/** Bytes held by a table's arrays. */
export function tableBytes(table: ChunkTable): number {
  return table.directory.byteLength + table.filters.byteLength + table.links.byteLength + table.blockKeys.byteLength;
}
