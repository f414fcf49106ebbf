/**
 * A small deterministic pseudo-random generator (mulberry32), so the descriptor pattern and RANSAC give the same
 * answer on every run and every machine.
 */

/**
 * Returns a generator of floats in [0, 1) from a 32-bit seed.
 * @example const next = seededRandom(42); next(); // 0.6011…
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
