/**
 * Reproducible synthetic PDQ hashes for tests and benches: uniformly random ones, and clustered ones that look like
 * real evidence sets (the same photo re-encoded, resized or lightly edited many times: hashes a few bits apart).
 */
import { WORDS_PER_HASH } from './hash-words.js';

/**
 * A seeded generator of unsigned 32-bit integers (mulberry32): the same seed gives the same sequence.
 * @param seed any integer
 */
export function createRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Flips `bits` (0..256) distinct random bits of the hash at `words[offset..offset+7]`. */
export function flipRandomBits(words: Uint32Array, offset: number, bits: number, random: () => number): void {
  const flipped: number[] = [];
  while (flipped.length < Math.min(bits, 256)) {
    const bit = random() & 255;
    if (flipped.includes(bit)) continue;
    flipped.push(bit);
    words[offset + (bit >>> 5)]! ^= 1 << (bit & 31);
  }
}

/** `count` uniformly random hashes, 8 words each. */
export function randomHashWords(count: number, seed: number): Uint32Array {
  const random = createRandom(seed);
  const words = new Uint32Array(count * WORDS_PER_HASH);
  for (let i = 0; i < words.length; i++) words[i] = random();
  return words;
}

/** Shape of {@link clusteredHashWords}' clusters. */
export interface ClusterShape {
  /** Largest cluster, in hashes (sizes follow a power law from 1 up to this). Default 2,000. */
  readonly maxClusterSize?: number;
  /** Each member differs from its cluster's centre by 0..maxFlipBits random bits. Default 16. */
  readonly maxFlipBits?: number;
}

/**
 * `count` hashes in clusters of near-duplicates around random centres, cluster sizes from a power law (most
 * photos seen once or a few times, some reused hundreds or thousands of times), members 0..16 bits from their
 * centre by default (PERF-NOTES: the same scene re-processed is a median 2 and at most 18 bits away). Members are
 * shuffled across the store, as uploads arrive.
 */
export function clusteredHashWords(count: number, seed: number, shape: ClusterShape = {}): Uint32Array {
  const { maxClusterSize = 2000, maxFlipBits = 16 } = shape;
  const random = createRandom(seed);
  const words = new Uint32Array(count * WORDS_PER_HASH);
  const centre = new Uint32Array(WORDS_PER_HASH);
  let filled = 0;
  while (filled < count) {
    for (let k = 0; k < WORDS_PER_HASH; k++) centre[k] = random();
    const u = (random() + 1) / 2 ** 32;
    const size = Math.min(count - filled, Math.max(1, Math.floor(maxClusterSize ** (u * u * u))));
    for (let m = 0; m < size; m++, filled++) {
      words.set(centre, filled * WORDS_PER_HASH);
      flipRandomBits(words, filled * WORDS_PER_HASH, random() % (maxFlipBits + 1), random);
    }
  }
  for (let i = count - 1; i > 0; i--) {
    const j = random() % (i + 1);
    for (let k = 0; k < WORDS_PER_HASH; k++) {
      const t = words[i * WORDS_PER_HASH + k]!;
      words[i * WORDS_PER_HASH + k] = words[j * WORDS_PER_HASH + k]!;
      words[j * WORDS_PER_HASH + k] = t;
    }
  }
  return words;
}
