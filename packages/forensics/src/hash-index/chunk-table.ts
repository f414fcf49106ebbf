/**
 * One table of the multi-index: the entries of one 32-bit chunk of every stored hash, sorted by one 16-bit half
 * of the chunk (the key) and then by the other half (the filter), with a directory over the key.
 *
 * Layout (compressed sparse rows): `directory` (65,537 offsets, 256 KiB) gives each key's entry range; per entry,
 * `filters` holds the other 16 bits (scanned sequentially, so candidates are rejected without touching the hashes)
 * and `slots` the hash's slot in 3 bytes (read only for the few entries that pass). 5 bytes per hash per table.
 */
import { invalidArgument } from '../pdq/arguments.js';
import { KEY_BITS } from './key-masks.js';

/** Most hashes one table can hold: slots are stored in 3 bytes. */
export const MAX_TABLE_ENTRIES = 1 << 24;

/** Bytes per entry and table: 2 of filter, 3 of slot. */
export const TABLE_BYTES_PER_ENTRY = 5;

/** A built table; see the module comment. Read-only once built. */
export interface ChunkTable {
  /** Entries with key k are `directory[k]..directory[k+1]−1`: 65,537 ascending offsets, the last = entry count. */
  readonly directory: Uint32Array;
  /** The chunk's non-key half per entry, ascending within each key. */
  readonly filters: Uint16Array;
  /** The slot of each entry's hash, 3 bytes little-endian per entry. */
  readonly slots: Uint8Array;
}

/** Work arrays for {@link buildChunkTable}, reusable across the tables of one build. */
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

/**
 * Sorts slots 0..n−1 by `keys[slot]` (key half in the high 16 bits, filter half in the low 16) with two stable
 * counting passes, low half first, and lays the result out as a table.
 * @param keys one 32-bit chunk per slot, already rotated so that the key half is the high half
 * @throws {RangeError} beyond {@link MAX_TABLE_ENTRIES} entries
 */
export function buildChunkTable(keys: Uint32Array, scratch: TableBuildScratch): ChunkTable {
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
  const slots = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const key = sortedKeys[i]!;
    const slot = order[i]!;
    const at = counts[key >>> 16]!++;
    filters[at] = key & 0xffff;
    slots[at * 3] = slot;
    slots[at * 3 + 1] = slot >>> 8;
    slots[at * 3 + 2] = slot >>> 16;
  }
  return { directory, filters, slots };
}

/** The slot stored at entry `e`. */
export function entrySlot(slots: Uint8Array, e: number): number {
  const at = e * 3;
  return slots[at]! | (slots[at + 1]! << 8) | (slots[at + 2]! << 16);
}

/** Bytes held by a table's arrays. */
export function tableBytes(table: ChunkTable): number {
  return table.directory.byteLength + table.filters.byteLength + table.slots.byteLength;
}
