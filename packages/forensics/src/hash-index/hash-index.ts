/**
 * An exact index of PDQ hashes for "every stored hash within r bits of this one" (multi-index hashing; ADR 0006).
 *
 * A main segment holds most hashes in its tables, which are also their only copy (`segment.ts`); hashes added since it was built sit in a small delta scanned
 * linearly; removals are a bitmap over the main segment. When the delta and the removals reach `deltaLimit`, both
 * are merged into a rebuilt main segment (or call {@link HashIndex.compact}). Queries are exact at every step.
 */
import { invalidArgument } from '../pdq/arguments.js';
import { compareMatches, scanWords, type HashMatch, type MatchSink } from './brute-force.js';
import { CandidateBuffer, createProbeScratch } from './chunk-probe.js';
import { tableBytes } from './chunk-table.js';
import { DeltaSegment } from './delta-segment.js';
import { pdqWords, WORDS_PER_HASH, type HashInput } from './hash-words.js';
import { assertId, sortById } from './id-order.js';
import { CHUNKS, planSearch, type SearchPlan } from './search-plan.js';
import { probeSegment, RingWalks } from './segment-search.js';
import { buildSegment, segmentWords, slotOfId, type Segment } from './segment.js';

/** Build and query options. */
export interface HashIndexOptions {
  /**
   * Chunks (0..8) that get a second table, keyed by their low half and holding no links: each costs 2 bytes per hash
   * and cuts the random bucket visits of that chunk from 697 to 34 at radius 3. Default 8 (16 tables, 63.9 bytes
   * per hash at 10⁷; see ADR 0006 for the trade-off).
   */
  readonly dualChunks?: number;
  /**
   * Added plus removed hashes (1..2^24) held outside the tables before they are rebuilt. Default 16,384: a full
   * delta adds about 0.1 ms to a query (a linear scan at ~6 ns per hash), a rebuild at 10⁷ hashes takes seconds.
   */
  readonly deltaLimit?: number;
  /** Whether a query may scan every hash when that is cheaper (small index, large radius). Default true. */
  readonly allowScan?: boolean;
}

/** The options an index was made with, defaults filled in. */
export interface HashIndexSettings {
  readonly dualChunks: number;
  readonly deltaLimit: number;
  readonly allowScan: boolean;
}

/** Bytes held by an index, by structure. */
export interface HashIndexMemory {
  /** Live hashes. */
  readonly hashCount: number;
  /**
   * Stored hashes outside the tables: the delta's (32 bytes each, at capacity), and the main segment's read back
   * from the ring while a query at a radius that scans them needs them (none otherwise).
   */
  readonly hashBytes: number;
  /** Caller ids: 4 bytes each. */
  readonly idBytes: number;
  /**
   * Tables: directories (256 KiB each), filters (2 bytes per hash), links of the key-high tables (3 bytes per
   * hash), their block keys (2 bytes per 64 hashes), and each slot's link into the ring (3 bytes per hash).
   */
  readonly tableBytes: number;
  /** The removal bitmap: 1 bit per main-segment hash. */
  readonly removedBytes: number;
  /** Probe work arrays, the candidate buffer and the walk state (about 0.5 MiB, growing with result sizes). */
  readonly scratchBytes: number;
  /** Everything above. */
  readonly totalBytes: number;
  /** totalBytes / hashCount. */
  readonly bytesPerHash: number;
}

/** Everything an index holds, as typed arrays: what serialisation writes and reads. */
export interface HashIndexState {
  readonly settings: HashIndexSettings;
  readonly segment: Segment;
  /** Bit s set when slot s of the segment is removed; ⌈count / 32⌉ words. */
  readonly removed: Uint32Array;
  readonly deltaIds: Uint32Array;
  readonly deltaWords: Uint32Array;
}

const DEFAULTS: HashIndexSettings = { dualChunks: 8, deltaLimit: 16_384, allowScan: true };

function settingsOf(options: HashIndexOptions): HashIndexSettings {
  const settings = { ...DEFAULTS, ...options };
  const { dualChunks, deltaLimit } = settings;
  if (!Number.isInteger(dualChunks) || dualChunks < 0 || dualChunks > CHUNKS) {
    throw invalidArgument('dualChunks', `an integer 0..${CHUNKS}`, dualChunks);
  }
  if (!Number.isInteger(deltaLimit) || deltaLimit < 1 || deltaLimit > 1 << 24) {
    throw invalidArgument('deltaLimit', 'an integer 1..16777216', deltaLimit);
  }
  return settings;
}

function assertRadius(radiusBits: number): void {
  if (!Number.isInteger(radiusBits) || radiusBits < 0 || radiusBits > 256) {
    throw invalidArgument('radiusBits', 'an integer 0..256', radiusBits);
  }
}

function popcountBitmap(bitmap: Uint32Array): number {
  let bits = 0;
  for (const word of bitmap) for (let w = word; w !== 0; w &= w - 1) bits++;
  return bits;
}

/** See the module comment. Not safe for concurrent use (one query at a time, as JavaScript runs). */
export class HashIndex {
  readonly settings: HashIndexSettings;
  private segment: Segment;
  private removed: Uint32Array;
  private removedCount: number;
  private readonly delta = new DeltaSegment();
  private readonly candidates = new CandidateBuffer();
  private readonly walks = new RingWalks();
  private readonly scratch = createProbeScratch();
  /** The main segment's hashes read back from its tables, kept while scans use them; reset by a rebuild. */
  private scanCopy: Uint32Array | undefined;
  /** Plans by radius for the current main segment (they depend only on its size and layout). */
  private readonly plans = new Map<number, SearchPlan>();

  private constructor(settings: HashIndexSettings, segment: Segment, removed: Uint32Array) {
    this.settings = settings;
    this.segment = segment;
    this.removed = removed;
    this.removedCount = popcountBitmap(removed);
  }

  /** An empty index. */
  static empty(options: HashIndexOptions = {}): HashIndex {
    return HashIndex.build(new Uint32Array(0), new Uint32Array(0), options);
  }

  /**
   * Builds an index over many hashes at once (10⁷ hashes: 5–10 s on the bench machine, ADR 0006). The words are
   * not kept: the tables hold the hashes.
   * @param ids caller ids, unique unsigned 32-bit integers, any order; at most 2^24
   * @param words 8 words per hash (see `pdqWords`), `ids.length × 8`
   * @throws {TypeError} on mismatched lengths or a repeated id; {RangeError} beyond 2^24 hashes
   */
  static build(ids: Uint32Array, words: Uint32Array, options: HashIndexOptions = {}): HashIndex {
    const settings = settingsOf(options);
    if (words.length !== ids.length * WORDS_PER_HASH) {
      throw invalidArgument('words', `${ids.length * WORDS_PER_HASH} words (8 per id)`, words.length);
    }
    const sorted = sortById(ids, words);
    const segment = buildSegment(sorted.words, sorted.ids, (1 << settings.dualChunks) - 1);
    return new HashIndex(settings, segment, new Uint32Array(Math.ceil(segment.count / 32)));
  }

  /** An index from a state written by {@link HashIndex.state} (deserialisation; the arrays are used as they are). */
  static fromState(state: HashIndexState): HashIndex {
    const settings = settingsOf(state.settings);
    if (state.segment.dualMask !== (1 << settings.dualChunks) - 1) {
      throw invalidArgument('state', `tables matching dualChunks ${settings.dualChunks}`, state.segment.dualMask);
    }
    if (state.removed.length !== Math.ceil(state.segment.count / 32)) {
      throw invalidArgument('removed', `${Math.ceil(state.segment.count / 32)} words`, state.removed.length);
    }
    if (state.deltaWords.length !== state.deltaIds.length * WORDS_PER_HASH) {
      throw invalidArgument('deltaWords', `${state.deltaIds.length * WORDS_PER_HASH} words`, state.deltaWords.length);
    }
    const index = new HashIndex(settings, state.segment, state.removed);
    for (let i = 0; i < state.deltaIds.length; i++) {
      const id = state.deltaIds[i]!;
      if (index.has(id)) throw invalidArgument('deltaIds', 'ids not held elsewhere in the index', id);
      index.delta.add(id, state.deltaWords.subarray(i * WORDS_PER_HASH, (i + 1) * WORDS_PER_HASH));
    }
    return index;
  }

  /** The arrays this index holds (views, valid until the next change). */
  state(): HashIndexState {
    const { settings, segment, removed, delta } = this;
    return { settings, segment, removed, deltaIds: delta.ids, deltaWords: delta.words };
  }

  /** Live hashes. */
  get size(): number {
    return this.segment.count - this.removedCount + this.delta.count;
  }

  /** Whether `id` is held. */
  has(id: number): boolean {
    if (this.delta.has(id)) return true;
    const slot = slotOfId(this.segment, id);
    return slot >= 0 && ((this.removed[slot >>> 5]! >>> (slot & 31)) & 1) === 0;
  }

  /**
   * Adds a hash under a caller id. May rebuild the tables (see the module comment).
   * @param id unsigned 32-bit integer not held yet (a removed id may be added again)
   * @throws {TypeError} on a bad or already-held id, or a malformed hash
   */
  add(id: number, hash: HashInput): void {
    assertId(id);
    const words = pdqWords(hash);
    if (this.has(id)) throw invalidArgument('id', 'an id not in the index (remove it first)', id);
    this.delta.add(id, words);
    this.compactIfDue();
  }

  /**
   * Removes the hash held under `id`. May rebuild the tables.
   * @returns false when `id` is not held
   */
  remove(id: number): boolean {
    assertId(id);
    if (this.delta.remove(id)) return true;
    const slot = slotOfId(this.segment, id);
    if (slot < 0 || (this.removed[slot >>> 5]! >>> (slot & 31)) & 1) return false;
    this.removed[slot >>> 5]! |= 1 << (slot & 31);
    this.removedCount++;
    this.compactIfDue();
    return true;
  }

  /** How a query at this radius would run now (probe radii per chunk, or a scan). */
  planFor(radiusBits = 31): SearchPlan {
    const plan = this.cachedPlan(radiusBits);
    return plan.kind === 'scan' ? plan : { ...plan, chunkRadii: plan.chunkRadii.slice() };
  }

  /**
   * Every held hash within `radiusBits` of `hash`, exactly as a linear scan would find them.
   * @param radiusBits 0..256; 31 is PDQ's "same picture" threshold
   * @returns matches nearest first, then by id
   * @throws {TypeError} on a malformed hash or radius
   * @example index.search('d8f8f0ce…', 31) // [{ id: 7, distanceBits: 2 }]
   */
  search(hash: HashInput, radiusBits = 31): HashMatch[] {
    const query = pdqWords(hash);
    const plan = this.cachedPlan(radiusBits);
    const { segment } = this;
    const sink: MatchSink = { keys: [], distances: [] };
    if (plan.kind === 'scan') {
      this.scanCopy ??= segmentWords(segment);
      scanWords(this.scanCopy, segment.count, query, radiusBits, this.removed, sink);
    } else {
      const { candidates, walks, scratch } = this;
      probeSegment(segment, query, radiusBits, plan.chunkRadii, this.removed, candidates, walks, scratch, sink);
    }
    const matches: HashMatch[] = sink.keys.map((slot, i) => ({
      id: segment.ids[slot]!,
      distanceBits: sink.distances[i]!,
    }));
    const deltaSink: MatchSink = { keys: [], distances: [] };
    this.delta.search(query, radiusBits, deltaSink);
    for (let i = 0; i < deltaSink.keys.length; i++) {
      matches.push({ id: deltaSink.keys[i]!, distanceBits: deltaSink.distances[i]! });
    }
    return matches.sort(compareMatches);
  }

  /** Merges the delta and the removals into rebuilt tables (read back, then built: seconds at 10⁷ hashes). */
  compact(): void {
    const { segment, removed, delta } = this;
    const segmentHashes = this.scanCopy ?? segmentWords(segment);
    const deltaIds = delta.ids;
    const deltaWords = delta.words;
    const deltaOrder = Array.from(deltaIds.keys()).sort((a, b) => deltaIds[a]! - deltaIds[b]!);
    const count = segment.count - this.removedCount + delta.count;
    const ids = new Uint32Array(count);
    const words = new Uint32Array(count * WORDS_PER_HASH);
    let k = 0;
    const copy = (id: number, source: Uint32Array, slot: number) => {
      ids[k] = id;
      for (let w = 0, from = slot * WORDS_PER_HASH, to = k * WORDS_PER_HASH; w < WORDS_PER_HASH; w++) {
        words[to + w] = source[from + w]!;
      }
      k++;
    };
    let d = 0;
    for (let s = 0; s < segment.count; s++) {
      if ((removed[s >>> 5]! >>> (s & 31)) & 1) continue;
      const id = segment.ids[s]!;
      for (; d < deltaOrder.length && deltaIds[deltaOrder[d]!]! < id; d++) {
        copy(deltaIds[deltaOrder[d]!]!, deltaWords, deltaOrder[d]!);
      }
      copy(id, segmentHashes, s);
    }
    for (; d < deltaOrder.length; d++) copy(deltaIds[deltaOrder[d]!]!, deltaWords, deltaOrder[d]!);
    this.segment = buildSegment(words, ids, segment.dualMask);
    this.plans.clear();
    this.scanCopy = undefined;
    this.removed = new Uint32Array(Math.ceil(count / 32));
    this.removedCount = 0;
    delta.clear();
  }

  /** Bytes held, by structure (typed arrays; JavaScript object overhead is not counted). */
  memory(): HashIndexMemory {
    const { segment, delta } = this;
    const tables =
      [...segment.highTables, ...segment.lowTables].reduce((n, t) => n + (t ? tableBytes(t) : 0), 0) +
      segment.slotLinks.byteLength;
    const hashBytes = (this.scanCopy?.byteLength ?? 0) + delta.wordBytes;
    const idBytes = segment.ids.byteLength + delta.idBytes;
    const scratchBytes =
      this.scratch.keys.byteLength +
      this.scratch.starts.byteLength +
      this.candidates.byteLength +
      this.walks.byteLength;
    const totalBytes = hashBytes + idBytes + tables + this.removed.byteLength + scratchBytes;
    return {
      hashCount: this.size,
      hashBytes,
      idBytes,
      tableBytes: tables,
      removedBytes: this.removed.byteLength,
      scratchBytes,
      totalBytes,
      bytesPerHash: this.size === 0 ? 0 : totalBytes / this.size,
    };
  }

  private compactIfDue(): void {
    if (this.delta.count + this.removedCount >= this.settings.deltaLimit) this.compact();
  }

  private cachedPlan(radiusBits: number): SearchPlan {
    assertRadius(radiusBits);
    let plan = this.plans.get(radiusBits);
    if (plan === undefined) {
      plan = planSearch(radiusBits, this.segment.count, this.segment.dualMask, this.settings.allowScan);
      this.plans.set(radiusBits, plan);
    }
    return plan;
  }
}
