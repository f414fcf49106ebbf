/**
 * Choosing how to answer one query: the radius each chunk's tables are probed with, or a linear scan.
 *
 * Generalised pigeonhole: split the 256 bits into 8 chunks of 32 bits. If a stored hash is within r of the query,
 * its chunk distances d_j sum to ≤ r, so for any radii t_j with Σ (t_j + 1) ≥ r + 1 some chunk has d_j ≤ t_j
 * (otherwise Σ d_j ≥ Σ (t_j + 1) > r). Probing every chunk j with t_j ≥ 0 over its whole radius-t_j ball therefore
 * finds every match; t_j = −1 skips the chunk. The radii are dealt out greedily by a cost model of this machine's
 * memory system (random bucket visit, sequential entry, random hash read), which is convex in t_j, so greedy is
 * optimal for the model. When the model says a scan is cheaper (small indexes, large radii), the plan is a scan.
 */
import { dualSplit } from './chunk-probe.js';
import { KEY_BITS, keysWithin } from './key-masks.js';

/** Chunks per hash (8 × 32 bits). */
export const CHUNKS = 8;
/** Bits per chunk. */
export const CHUNK_BITS = 32;

/** A query's plan: probe the tables with these chunk radii (−1 = skip), or scan every hash. */
export type SearchPlan =
  | { readonly kind: 'probe'; readonly chunkRadii: Int8Array; readonly estimatedNs: number }
  | { readonly kind: 'scan'; readonly estimatedNs: number };

/** Nanoseconds per operation, measured at 10⁷ hashes on the bench machine (ADR 0006); only ratios matter. */
const COST_NS = {
  /** Visiting a non-empty bucket: a random read of the directory and of the bucket's first entries. */
  bucket: 80,
  /** Testing one entry's filter while scanning a bucket. */
  entry: 2,
  /** Verifying one candidate: a random read of its slot and hash. */
  candidate: 100,
  /** One hash of a linear scan (memory bandwidth). */
  scanned: 5,
} as const;

/** C(32, k) summed for k ≤ t: how many 32-bit values lie within t bits of one. */
const BALL32: Float64Array = (() => {
  const ball = new Float64Array(CHUNK_BITS + 1);
  let binomial = 1;
  let sum = 0;
  for (let k = 0; k <= CHUNK_BITS; k++) {
    sum += binomial;
    ball[k] = sum;
    binomial = (binomial * (CHUNK_BITS - k)) / (k + 1);
  }
  return ball;
})();

/** C(16, k) for k = 0..16. */
const BINOMIAL16: Float64Array = (() => {
  const c = new Float64Array(KEY_BITS + 1);
  c[0] = 1;
  for (let k = 1; k <= KEY_BITS; k++) c[k] = (c[k - 1]! * (KEY_BITS - k + 1)) / k;
  return c;
})();

/** How many 32-bit values within t of one have high-half distance > a and low-half distance ≤ b (a dual chunk's low side). */
function lowSideValues(t: number, a: number, b: number): number {
  let sum = 0;
  for (let high = a + 1; high <= KEY_BITS; high++) {
    for (let low = 0; low <= Math.min(b, t - high, KEY_BITS); low++) sum += BINOMIAL16[high]! * BINOMIAL16[low]!;
  }
  return sum;
}

/** Modelled cost of probing one table: buckets visited, entries scanned in them, nothing else. */
function tableCost(keyRadius: number, chunkRadius: number, bucketEntries: number): number {
  const buckets = keysWithin(keyRadius);
  // Buckets whose keys use the whole radius are searched for one filter value when the single table covers the
  // chunk (budget 0), so only the inner ones are scanned; dual tables scan every bucket they visit.
  const scannedBuckets = keyRadius === chunkRadius ? keysWithin(keyRadius - 1) : buckets;
  return buckets * COST_NS.bucket + scannedBuckets * bucketEntries * COST_NS.entry;
}

/**
 * Modelled nanoseconds to probe one chunk with radius `chunkRadius` (−1: 0).
 * @param hashCount hashes in the tables
 * @param dual whether the chunk has a key-low table as well
 */
export function chunkCostNs(chunkRadius: number, hashCount: number, dual: boolean): number {
  if (chunkRadius < 0) return 0;
  const bucketEntries = hashCount / (1 << KEY_BITS);
  const candidates = (BALL32[Math.min(chunkRadius, CHUNK_BITS)]! * hashCount) / 2 ** CHUNK_BITS;
  let cost = candidates * COST_NS.candidate;
  if (!dual) return cost + tableCost(chunkRadius, chunkRadius, bucketEntries);
  const { highRadius, lowRadius } = dualSplit(chunkRadius);
  cost += tableCost(highRadius, -1, bucketEntries);
  if (highRadius < KEY_BITS) {
    // What the key-low table finds is a chunk value, looked up in the key-high table: one more bucket visit each.
    const values = (lowSideValues(chunkRadius, highRadius, lowRadius) * hashCount) / 2 ** CHUNK_BITS;
    cost += tableCost(lowRadius, -1, bucketEntries) + values * COST_NS.bucket;
  }
  return cost;
}

/**
 * The plan for one query.
 * @param radiusBits 0..256
 * @param hashCount hashes in the tables (≥ 0)
 * @param dualMask bit j set when chunk j has two tables
 * @param allowScan whether a scan may be chosen; false forces probing, for tests of the tables
 */
export function planSearch(radiusBits: number, hashCount: number, dualMask: number, allowScan = true): SearchPlan {
  const chunkRadii = new Int8Array(CHUNKS).fill(-1);
  const costs = new Float64Array(CHUNKS);
  let covered = 0;
  let estimatedNs = 0;
  while (covered < radiusBits + 1) {
    let best = -1;
    let bestIncrease = Infinity;
    for (let j = 0; j < CHUNKS; j++) {
      if (chunkRadii[j]! >= CHUNK_BITS) continue;
      const increase = chunkCostNs(chunkRadii[j]! + 1, hashCount, ((dualMask >>> j) & 1) === 1) - costs[j]!;
      if (increase < bestIncrease) {
        bestIncrease = increase;
        best = j;
      }
    }
    if (best < 0) break; // every chunk at radius 32: the probes cover all 256 bits
    chunkRadii[best]!++;
    costs[best] = costs[best]! + bestIncrease;
    estimatedNs += bestIncrease;
    covered++;
  }
  const scanNs = hashCount * COST_NS.scanned;
  if (allowScan && scanNs <= estimatedNs) return { kind: 'scan', estimatedNs: scanNs };
  return { kind: 'probe', chunkRadii, estimatedNs };
}
