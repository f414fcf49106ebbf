/**
 * The linear scan: every stored hash within the radius, found by computing every distance. It is the reference the
 * index is tested against, the bench's baseline, the delta segment's search and the fallback when scanning is
 * cheaper than probing (small indexes, large radii).
 */
import { WORDS_PER_HASH, pdqWords, type HashInput } from './hash-words.js';
import { popcount32 } from './popcount.js';

/** Where a scan puts what it finds: parallel arrays, appended to. */
export interface MatchSink {
  /** Slot (position in the scanned store) or caller id of each match, depending on the caller. */
  readonly keys: number[];
  /** Hamming distance of each match, 0..256 bits. */
  readonly distances: number[];
}

/**
 * Appends every slot of `words` (hashes 0..count−1, 8 words each) within `radiusBits` of `query`. The first four
 * words are summed before the test, so most hashes cost half a hash of arithmetic (the memory traffic stays).
 * @param removed optional bitmap (bit s of word s>>5) of slots to skip
 * @param radiusBits 0..256
 */
export function scanWords(
  words: Uint32Array,
  count: number,
  query: Uint32Array,
  radiusBits: number,
  removed: Uint32Array | undefined,
  sink: MatchSink,
): void {
  const q0 = query[0]!;
  const q1 = query[1]!;
  const q2 = query[2]!;
  const q3 = query[3]!;
  const q4 = query[4]!;
  const q5 = query[5]!;
  const q6 = query[6]!;
  const q7 = query[7]!;
  for (let s = 0, o = 0; s < count; s++, o += WORDS_PER_HASH) {
    let d =
      popcount32(words[o]! ^ q0) +
      popcount32(words[o + 1]! ^ q1) +
      popcount32(words[o + 2]! ^ q2) +
      popcount32(words[o + 3]! ^ q3);
    if (d > radiusBits) continue;
    d +=
      popcount32(words[o + 4]! ^ q4) +
      popcount32(words[o + 5]! ^ q5) +
      popcount32(words[o + 6]! ^ q6) +
      popcount32(words[o + 7]! ^ q7);
    if (d > radiusBits) continue;
    if (removed !== undefined && (removed[s >>> 5]! >>> (s & 31)) & 1) continue;
    sink.keys.push(s);
    sink.distances.push(d);
  }
}

/** A stored hash within the searched radius. */
export interface HashMatch {
  /** The caller's id of the stored hash. */
  readonly id: number;
  /** Hamming distance to the query, 0..256 bits. */
  readonly distanceBits: number;
}

/** Orders matches nearest first, then by id: the order every search returns. */
export function compareMatches(a: HashMatch, b: HashMatch): number {
  return a.distanceBits - b.distanceBits || a.id - b.id;
}

/**
 * Brute force over hashes held as words: what the index must always agree with.
 * @param ids caller id of each hash (`ids.length` hashes)
 * @param words 8 words per hash, `ids.length × 8` in all
 * @param radiusBits 0..256; PDQ's "same picture" threshold is 31
 * @returns matches nearest first, then by id
 */
export function bruteForceSearch(ids: Uint32Array, words: Uint32Array, hash: HashInput, radiusBits = 31): HashMatch[] {
  const sink: MatchSink = { keys: [], distances: [] };
  scanWords(words, ids.length, pdqWords(hash), radiusBits, undefined, sink);
  return sink.keys.map((s, i) => ({ id: ids[s]!, distanceBits: sink.distances[i]! })).sort(compareMatches);
}
