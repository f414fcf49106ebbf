/** Putting hashes in slot order (ascending caller id) for a build, with two stable counting passes. */
import { invalidArgument } from '../pdq/arguments.js';
import { WORDS_PER_HASH } from './hash-words.js';

/** Largest caller id: ids are unsigned 32-bit integers. */
export const MAX_ID = 0xffffffff;

/**
 * Checks that `id` is an unsigned 32-bit integer.
 * @throws {TypeError} otherwise
 */
export function assertId(id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > MAX_ID) throw invalidArgument('id', `an integer 0..${MAX_ID}`, id);
}

/**
 * The permutation that sorts `ids` ascending (stable), by their low then high 16 bits.
 * @returns order[k] = index in `ids` of the k-th smallest id
 */
export function orderById(ids: Uint32Array): Uint32Array {
  const n = ids.length;
  const counts = new Uint32Array(65537);
  const byLow = new Uint32Array(n);
  for (let i = 0; i < n; i++) counts[(ids[i]! & 0xffff) + 1]!++;
  for (let k = 1; k < counts.length; k++) counts[k] = counts[k]! + counts[k - 1]!;
  for (let i = 0; i < n; i++) byLow[counts[ids[i]! & 0xffff]!++] = i;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(ids[i]! >>> 16) + 1]!++;
  for (let k = 1; k < counts.length; k++) counts[k] = counts[k]! + counts[k - 1]!;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byLow[k]!;
    order[counts[ids[i]! >>> 16]!++] = i;
  }
  return order;
}

/**
 * Hashes and ids rearranged into ascending id order.
 * @param ids one per hash, any order, unique
 * @param words 8 per hash
 * @throws {TypeError} on a repeated id, naming it
 */
export function sortById(ids: Uint32Array, words: Uint32Array): { ids: Uint32Array; words: Uint32Array } {
  const order = orderById(ids);
  const sortedIds = new Uint32Array(ids.length);
  const sortedWords = new Uint32Array(words.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    sortedIds[k] = ids[i]!;
    if (k > 0 && sortedIds[k] === sortedIds[k - 1]) throw invalidArgument('ids', 'unique ids', `id ${ids[i]} twice`);
    for (let w = 0, from = i * WORDS_PER_HASH, to = k * WORDS_PER_HASH; w < WORDS_PER_HASH; w++) {
      sortedWords[to + w] = words[from + w]!;
    }
  }
  return { ids: sortedIds, words: sortedWords };
}
