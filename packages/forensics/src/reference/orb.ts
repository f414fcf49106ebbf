/**
 * ORB-like local features (Rublee et al. 2011) in compact TypeScript: FAST-9 corners on an image pyramid, spread
 * over the frame, oriented by their intensity centroid, described by 256 binary tests of a fixed random pattern
 * steered to that orientation (rBRIEF without the learned pattern).
 */
import { detectFast } from './fast.js';
import { binomialBlur, halve, shrinkArea, type Plane } from './plane.js';
import { seededRandom } from './prng.js';

/** Keypoints and their 256-bit descriptors, parallel arrays; positions in level-0 pixels. */
export interface Features {
  readonly count: number;
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Pyramid level each keypoint came from (scale {@link PYRAMID_FACTOR}^level). */
  readonly level: Uint8Array;
  /** Eight 32-bit words per keypoint. */
  readonly descriptors: Uint32Array;
}

/** Scale between pyramid levels. */
export const PYRAMID_FACTOR = Math.SQRT2;
/** Words per descriptor (256 bits). */
export const DESCRIPTOR_WORDS = 8;
const PATCH_RADIUS = 15;
const PATTERN_RADIUS = 13;
const BORDER = PATCH_RADIUS + 1;
const ANGLE_BINS = 30;
const MIN_LEVEL_SIDE = 48;
const FAST_THRESHOLD = 12;
const FAST_THRESHOLD_LOW = 6;

/** Options of {@link extractFeatures}. */
export interface FeatureOptions {
  /** Keypoints wanted over all levels (default 1000). */
  readonly maxFeatures?: number;
  /** Pyramid levels at most (default 7: scales 1 to 8). */
  readonly levels?: number;
}

/** The test pattern: 256 point pairs in a disc of radius {@link PATTERN_RADIUS}, Gaussian, fixed seed. */
const PATTERN: Int8Array = (() => {
  const next = seededRandom(0x0b5e55ed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const out = new Int8Array(256 * 4);
  for (let k = 0; k < 256 * 2; k++) {
    let x: number;
    let y: number;
    do {
      x = Math.round(gauss() * 6);
      y = Math.round(gauss() * 6);
    } while (
      x * x + y * y > PATTERN_RADIUS * PATTERN_RADIUS ||
      (k % 2 === 1 && x === out[2 * k - 2] && y === out[2 * k - 1])
    );
    out[2 * k] = x;
    out[2 * k + 1] = y;
  }
  return out;
})();

/** The pattern rotated to each angle bin, as (dx, dy) pairs. */
const STEERED: Int8Array[] = Array.from({ length: ANGLE_BINS }, (_, bin) => {
  const angle = (bin * 2 * Math.PI) / ANGLE_BINS;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const out = new Int8Array(PATTERN.length);
  for (let k = 0; k < PATTERN.length; k += 2) {
    const x = PATTERN[k]!;
    const y = PATTERN[k + 1]!;
    out[k] = Math.round(cos * x - sin * y);
    out[k + 1] = Math.round(sin * x + cos * y);
  }
  return out;
});

/** Half-widths of the circular patch per row offset, for the centroid. */
const UMAX: Int32Array = (() => {
  const out = new Int32Array(PATCH_RADIUS + 1);
  for (let v = 0; v <= PATCH_RADIUS; v++) out[v] = Math.floor(Math.sqrt(PATCH_RADIUS * PATCH_RADIUS - v * v));
  return out;
})();

/** Orientation of the patch around (x, y): angle of the intensity centroid, radians. */
function centroidAngle(plane: Plane, x: number, y: number): number {
  const { width: w, data } = plane;
  const c = y * w + x;
  let m10 = 0;
  let m01 = 0;
  for (let u = -PATCH_RADIUS; u <= PATCH_RADIUS; u++) m10 += u * data[c + u]!;
  for (let v = 1; v <= PATCH_RADIUS; v++) {
    const d = UMAX[v]!;
    for (let u = -d; u <= d; u++) {
      const below = data[c + v * w + u]!;
      const above = data[c - v * w + u]!;
      m10 += u * (below + above);
      m01 += v * (below - above);
    }
  }
  return Math.atan2(m01, m10);
}

/** Picks up to `n` corners by score, at most a few per grid cell first so keypoints cover the frame. */
function spread(
  xs: Int32Array,
  ys: Int32Array,
  scores: Float32Array,
  n: number,
  width: number,
  height: number,
): number[] {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
  const cell = Math.max(16, Math.round(Math.sqrt((width * height) / Math.max(1, n / 2))));
  const cols = Math.ceil(width / cell);
  const counts = new Int32Array(cols * Math.ceil(height / cell));
  const cap = Math.max(1, Math.ceil((2 * n) / counts.length));
  const picked: number[] = [];
  const skipped: number[] = [];
  for (const i of order) {
    if (picked.length >= n) break;
    const c = Math.floor(ys[i]! / cell) * cols + Math.floor(xs[i]! / cell);
    if (counts[c]! < cap) {
      counts[c]!++;
      picked.push(i);
    } else skipped.push(i);
  }
  for (const i of skipped) {
    if (picked.length >= n) break;
    picked.push(i);
  }
  return picked;
}

/**
 * Extracts ORB-like features from a luma plane (samples 0..255).
 * @example const features = extractFeatures(toLuma(decoded), { maxFeatures: 800 });
 */
export function extractFeatures(plane: Plane, options: FeatureOptions = {}): Features {
  const maxFeatures = options.maxFeatures ?? 1000;
  const maxLevels = options.levels ?? 7;
  // Even levels halve level 0, odd levels halve level 1 (level 0 shrunk by √2): one area resampling in all.
  const levels: Plane[] = [plane];
  while (levels.length < maxLevels) {
    const l = levels.length;
    const w = Math.round(plane.width / PYRAMID_FACTOR ** l);
    const h = Math.round(plane.height / PYRAMID_FACTOR ** l);
    if (Math.min(w, h) < MIN_LEVEL_SIDE) break;
    levels.push(l === 1 ? shrinkArea(plane, w, h) : halve(levels[l - 2]!));
  }
  // Budget per level falls geometrically with the scale, as in ORB.
  const factor = 1 / PYRAMID_FACTOR;
  const first = (maxFeatures * (1 - factor)) / (1 - factor ** levels.length);
  const xs: number[] = [];
  const ys: number[] = [];
  const lv: number[] = [];
  const words: number[] = [];
  levels.forEach((level, l) => {
    const budget = Math.round(first * factor ** l);
    let corners = detectFast(level, FAST_THRESHOLD, BORDER);
    if (corners.count < budget) corners = detectFast(level, FAST_THRESHOLD_LOW, BORDER);
    if (corners.count === 0) return;
    const chosen = spread(corners.x, corners.y, corners.score, budget, level.width, level.height);
    const smooth = binomialBlur(level);
    // Scale of this level: halving keeps the pixel grid (a dropped odd row or column is at the far edge).
    const halvings = 2 ** (l >> 1);
    const scaleX = l % 2 === 0 ? halvings : (plane.width / levels[1]!.width) * halvings;
    const scaleY = l % 2 === 0 ? halvings : (plane.height / levels[1]!.height) * halvings;
    for (const i of chosen) {
      const x = corners.x[i]!;
      const y = corners.y[i]!;
      const angle = centroidAngle(level, x, y);
      const bin = ((Math.round((angle * ANGLE_BINS) / (2 * Math.PI)) % ANGLE_BINS) + ANGLE_BINS) % ANGLE_BINS;
      describe(smooth, x, y, STEERED[bin]!, words);
      xs.push((x + 0.5) * scaleX - 0.5);
      ys.push((y + 0.5) * scaleY - 0.5);
      lv.push(l);
    }
  });
  return {
    count: xs.length,
    x: Float32Array.from(xs),
    y: Float32Array.from(ys),
    level: Uint8Array.from(lv),
    descriptors: Uint32Array.from(words),
  };
}

/** Appends the 8 descriptor words of the keypoint at (x, y) to `out`. */
function describe(plane: Plane, x: number, y: number, pattern: Int8Array, out: number[]): void {
  const { width: w, data } = plane;
  const c = y * w + x;
  for (let word = 0; word < DESCRIPTOR_WORDS; word++) {
    let bits = 0;
    for (let bit = 0; bit < 32; bit++) {
      const k = (word * 32 + bit) * 4;
      const a = data[c + pattern[k + 1]! * w + pattern[k]!]!;
      const b = data[c + pattern[k + 3]! * w + pattern[k + 2]!]!;
      if (a < b) bits |= 1 << bit;
    }
    out.push(bits >>> 0);
  }
}
