/** The PDQ hash index: exact Hamming-radius search over up to 2^24 hashes (ADR 0006). */
export { HashIndex, type HashIndexOptions, type HashIndexSettings, type HashIndexMemory } from './hash-index.js';
export { bruteForceSearch, compareMatches, type HashMatch } from './brute-force.js';
export { pdqWords, pdqHexFromWords, wordsDistance, WORDS_PER_HASH, type HashInput } from './hash-words.js';
export { serialiseHashIndex } from './serialise.js';
export { deserialiseHashIndex } from './deserialise.js';
export {
  HashIndexFormatError,
  HASH_INDEX_FORMAT_VERSION,
  HASH_INDEX_MAGIC,
  type HashIndexFormatErrorCode,
} from './index-format.js';
export type { SearchPlan } from './search-plan.js';
export { xxhash32 } from './xxhash32.js';
export {
  createRandom,
  randomHashWords,
  clusteredHashWords,
  flipRandomBits,
  type ClusterShape,
} from './synthetic-hashes.js';
export type { HashIndexStore } from './hash-index-store.js';
