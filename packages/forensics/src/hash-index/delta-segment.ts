/**
 * Hashes added since the tables were built: an unsorted, growable store scanned linearly by every query (LSM
 * style), merged into the main segment when it reaches the index's delta limit.
 */
import { scanWords, type MatchSink } from './brute-force.js';
import { WORDS_PER_HASH } from './hash-words.js';

/** Growable store of (id, hash) pairs with O(1) add, find and remove (removal moves the last pair into the hole). */
export class DeltaSegment {
  private wordsStore: Uint32Array;
  private idsStore: Uint32Array;
  private readonly slotById = new Map<number, number>();
  private size = 0;

  /** @param capacity initial capacity in hashes, ≥ 1 */
  constructor(capacity = 64) {
    this.wordsStore = new Uint32Array(capacity * WORDS_PER_HASH);
    this.idsStore = new Uint32Array(capacity);
  }

  /** Hashes held. */
  get count(): number {
    return this.size;
  }

  /** 8 words per held hash, slot order (a view, valid until the next change). */
  get words(): Uint32Array {
    return this.wordsStore.subarray(0, this.size * WORDS_PER_HASH);
  }

  /** Caller id per slot (a view, valid until the next change). */
  get ids(): Uint32Array {
    return this.idsStore.subarray(0, this.size);
  }

  /** Bytes of the hash store at its capacity. */
  get wordBytes(): number {
    return this.wordsStore.byteLength;
  }

  /** Bytes of the id store at its capacity. */
  get idBytes(): number {
    return this.idsStore.byteLength;
  }

  /** Whether `id` is held. */
  has(id: number): boolean {
    return this.slotById.has(id);
  }

  /** Adds a pair; the caller has checked that `id` is not held. */
  add(id: number, words: Uint32Array): void {
    if (this.size === this.idsStore.length) this.grow();
    this.wordsStore.set(words, this.size * WORDS_PER_HASH);
    this.idsStore[this.size] = id;
    this.slotById.set(id, this.size++);
  }

  /** Removes `id`; false when it is not held. */
  remove(id: number): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.slotById.delete(id);
    const last = --this.size;
    if (slot !== last) {
      this.wordsStore.copyWithin(slot * WORDS_PER_HASH, last * WORDS_PER_HASH, (last + 1) * WORDS_PER_HASH);
      const movedId = this.idsStore[last]!;
      this.idsStore[slot] = movedId;
      this.slotById.set(movedId, slot);
    }
    return true;
  }

  /** Empties the store and releases its memory down to a small capacity. */
  clear(): void {
    this.size = 0;
    this.slotById.clear();
    this.wordsStore = new Uint32Array(64 * WORDS_PER_HASH);
    this.idsStore = new Uint32Array(64);
  }

  /** Appends (id, distance) of every held hash within `radiusBits` of `query`. */
  search(query: Uint32Array, radiusBits: number, sink: MatchSink): void {
    const start = sink.keys.length;
    scanWords(this.wordsStore, this.size, query, radiusBits, undefined, sink);
    for (let i = start; i < sink.keys.length; i++) sink.keys[i] = this.idsStore[sink.keys[i]!]!;
  }

  private grow(): void {
    const words = new Uint32Array(this.wordsStore.length * 2);
    words.set(this.wordsStore);
    this.wordsStore = words;
    const ids = new Uint32Array(this.idsStore.length * 2);
    ids.set(this.idsStore);
    this.idsStore = ids;
  }
}
