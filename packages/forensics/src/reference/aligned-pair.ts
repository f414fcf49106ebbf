/**
 * Resamples the claim photo and its reference onto one grid in the claim's frame, at the coarser of the two
 * resolutions so neither side carries detail the other lacks: the claim by area averaging, the reference by
 * bilinear sampling through the alignment (from a halved copy when the claim is much smaller).
 */
import type { ClaimImage } from './claim-image.js';
import { compose, describeLocal, scaleTranslate, type Homography } from './homography.js';
import { paddingMask } from './padding.js';
import { halve, shrinkArea, toYCbCr, type Plane } from './plane.js';
import type { PreparedReference } from './prepared-reference.js';

/** Cells left out around padding that covers reference content (the SSIM window's radius + 1). */
const PADDING_BAND = 4;
/** Longest side of the comparison grid, in cells. */
export const GRID_MAX_SIDE = 384;

/** The two images on one grid: Y, Cb, Cr of each, and where the reference covers the grid. */
export interface AlignedPair {
  readonly width: number;
  readonly height: number;
  /** Claim working pixels per grid cell (≥ 1). */
  readonly step: number;
  readonly claim: readonly [Plane, Plane, Plane];
  /** Reference samples; 0 where `mask` is 0. */
  readonly reference: readonly [Plane, Plane, Plane];
  /** 1 where the reference covers the cell (away from its edge) and the claim is not uniform padding, else 0. */
  readonly mask: Uint8Array;
  /**
   * 1 where the claim shows uniform background over reference content in a shape no padding has (not a bar along a
   * side, not a corner left by a rotation): the claim lacks something the reference has there.
   */
  readonly missing: Uint8Array;
  /** 1 where the reference covers the cell at all (padding included). */
  readonly inside: Uint8Array;
  /** Cells the reference covers (padding included). */
  readonly overlapCells: number;
}

/** The claim's planes on a grid and their padding, kept per claim photo: a refined alignment reuses them. */
const claimGrids = new WeakMap<ClaimImage, { planes: [Plane, Plane, Plane]; padding: Uint8Array }>();
/** A reference's colour copy as Y, Cb, Cr planes, kept per prepared reference. */
const referenceYcc = new WeakMap<PreparedReference, [Plane, Plane, Plane]>();

function claimGrid(
  claim: ClaimImage,
  width: number,
  height: number,
): { planes: [Plane, Plane, Plane]; padding: Uint8Array } {
  const cached = claimGrids.get(claim);
  if (cached && cached.planes[0].width === width && cached.planes[0].height === height) return cached;
  const planes = claim.ycc.map((p) => shrinkArea(p, width, height)) as [Plane, Plane, Plane];
  const grid = { planes, padding: paddingMask(...planes) };
  claimGrids.set(claim, grid);
  return grid;
}

function referencePlanes(ref: PreparedReference): [Plane, Plane, Plane] {
  let planes = referenceYcc.get(ref);
  if (!planes) {
    planes = toYCbCr({ width: ref.pixelWidth, height: ref.pixelHeight, channels: 3, data: ref.pixels });
    referenceYcc.set(ref, planes);
  }
  return planes;
}

/** Claim working pixels → reference colour-copy pixels. */
export function claimToReferencePixels(h: Homography, ref: PreparedReference): Homography {
  return compose(scaleTranslate(ref.pixelWidth / ref.featureWidth, ref.pixelHeight / ref.featureHeight), h);
}

/**
 * Builds the comparison grid for an alignment.
 * @param h claim working pixels → reference feature pixels
 */
export function alignPair(claim: ClaimImage, ref: PreparedReference, h: Homography): AlignedPair {
  const toRef = claimToReferencePixels(h, ref);
  const refScale = describeLocal(toRef, claim.workWidth / 2, claim.workHeight / 2).scale; // ref px per claim px
  let step = refScale < 1 ? 1 / refScale : 1;
  step = Math.max(step, Math.max(claim.workWidth, claim.workHeight) / GRID_MAX_SIDE);
  const width = Math.max(1, Math.round(claim.workWidth / step));
  const height = Math.max(1, Math.round(claim.workHeight / step));
  const stepX = claim.workWidth / width;
  const stepY = claim.workHeight / height;
  const { planes: claimPlanes, padding } = claimGrid(claim, width, height);

  // Reference level: halve while a grid cell still spans less than half a reference pixel's worth.
  let planes = referencePlanes(ref);
  let levelScale = 1;
  while (refScale * stepX * levelScale >= 2 && Math.min(planes[0].width, planes[0].height) > 16) {
    planes = planes.map(halve) as [Plane, Plane, Plane];
    levelScale /= 2;
  }
  const n = width * height;
  const out = [new Float32Array(n), new Float32Array(n), new Float32Array(n)] as const;
  const inside = new Uint8Array(n);
  sampleInto(toRef, levelScale, stepX, stepY, width, height, planes, out, inside);
  const mask = erode(inside, width, height, 2);
  let overlapCells = 0;
  for (let i = 0; i < n; i++) overlapCells += mask[i]!;
  // Padding is left out; where it covers reference content (a crop padded back out), so is a band around it,
  // as wide as the SSIM window, whose windows straddle the padding's edge.
  const overContent = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    overContent[i] = padding[i]! & inside[i]! & +(Math.abs(out[0][i]! - claimPlanes[0].data[i]!) > 24);
  }
  const missing = missingContent(overContent, width, height);
  const band = dilate(overContent, width, height, PADDING_BAND);
  for (let i = 0; i < n; i++) mask[i] = mask[i]! & (1 - padding[i]!) & (1 - band[i]!);
  const plane = (data: Float32Array): Plane => ({ width, height, data });
  return {
    width,
    height,
    step: (stepX + stepY) / 2,
    claim: claimPlanes,
    reference: [plane(out[0]), plane(out[1]), plane(out[2])],
    mask,
    inside,
    missing,
    overlapCells,
  };
}

/**
 * Samples the reference planes bilinearly at every grid cell's centre mapped through `toRef`, one set of weights for
 * the three planes; `inside` marks the cells that land on the reference.
 */
function sampleInto(
  toRef: Homography,
  levelScale: number,
  stepX: number,
  stepY: number,
  width: number,
  height: number,
  planes: readonly [Plane, Plane, Plane],
  out: readonly [Float32Array, Float32Array, Float32Array],
  inside: Uint8Array,
): void {
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = toRef as unknown as number[];
  const { width: pw, height: ph } = planes[0];
  const [p0, p1, p2] = [planes[0].data, planes[1].data, planes[2].data];
  const [o0, o1, o2] = out;
  for (let gy = 0; gy < height; gy++) {
    const y = (gy + 0.5) * stepY - 0.5;
    for (let gx = 0; gx < width; gx++) {
      const x = (gx + 0.5) * stepX - 0.5;
      const w = h6! * x + h7! * y + h8!;
      const u = ((h0! * x + h1! * y + h2!) / w + 0.5) * levelScale - 0.5;
      const v = ((h3! * x + h4! * y + h5!) / w + 0.5) * levelScale - 0.5;
      if (!(u >= 0 && v >= 0 && u <= pw - 1 && v <= ph - 1)) continue;
      const x0 = Math.min(pw - 2, Math.floor(u));
      const y0 = Math.min(ph - 2, Math.floor(v));
      const fx = u - x0;
      const fy = v - y0;
      const a = y0 * pw + x0;
      const wa = (1 - fx) * (1 - fy);
      const wb = fx * (1 - fy);
      const wc = (1 - fx) * fy;
      const wd = fx * fy;
      const i = gy * width + gx;
      o0[i] = p0[a]! * wa + p0[a + 1]! * wb + p0[a + pw]! * wc + p0[a + pw + 1]! * wd;
      o1[i] = p1[a]! * wa + p1[a + 1]! * wb + p1[a + pw]! * wc + p1[a + pw + 1]! * wd;
      o2[i] = p2[a]! * wa + p2[a + 1]! * wb + p2[a + pw]! * wc + p2[a + pw + 1]! * wd;
      inside[i] = 1;
    }
  }
}

/**
 * The components of "padding over reference content" that are not shaped like padding: a bar spans ≥ 90 % of a side
 * it touches; the fill left by a rotation sits in a corner (touches two adjacent sides). Anything else is content
 * the claim does not have.
 */
function missingContent(overContent: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(overContent.length);
  const label = new Int32Array(overContent.length).fill(-1);
  const stack: number[] = [];
  const members: number[] = [];
  for (let s = 0; s < overContent.length; s++) {
    if (!overContent[s] || label[s]! >= 0) continue;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    members.length = 0;
    label[s] = s;
    stack.push(s);
    while (stack.length > 0) {
      const i = stack.pop()!;
      members.push(i);
      const x = i % width;
      const y = (i - x) / width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, i + width]) {
        if (j >= 0 && j < overContent.length && overContent[j] && label[j]! < 0) {
          label[j] = s;
          stack.push(j);
        }
      }
    }
    const left = x0 <= 1;
    const right = x1 >= width - 2;
    const top = y0 <= 1;
    const bottom = y1 >= height - 2;
    const spansWidth = x1 - x0 + 1 >= 0.9 * width;
    const spansHeight = y1 - y0 + 1 >= 0.9 * height;
    const bar = ((top || bottom) && spansWidth) || ((left || right) && spansHeight);
    const corner = (top || bottom) && (left || right);
    if (bar || corner) continue;
    for (const i of members) out[i] = 1;
  }
  return out;
}

/** Binary erosion with a (2r+1)² square. */
export function erode(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return morph(mask, width, height, radius, 0);
}

/** Binary dilation with a (2r+1)² square. */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return morph(mask, width, height, radius, 1);
}

/**
 * Erosion (`keep` 0: a cell stays 1 only if its whole window is 1) or dilation (`keep` 1: a cell becomes 1 if any
 * cell of its window is), separably, with running counts of `keep` cells (cells outside the grid count as 0). Both
 * passes walk rows (the vertical one keeps a running count per column), so memory is read in order.
 */
function morph(mask: Uint8Array, width: number, height: number, radius: number, keep: 0 | 1): Uint8Array {
  // Without a set cell, both give an empty mask: the padding masks dilated for every pair, and the changed cells
  // closed in `regions.ts`, are empty on most photos.
  if (mask.indexOf(1) < 0) return new Uint8Array(mask.length);
  // A window with a `keep` cell: dilation sets the cell, erosion clears it.
  const flip = keep === 1 ? 0 : 1;
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    const base = y * width;
    let count = 0;
    for (let x = 0; x < Math.min(width, radius); x++) count += +(mask[base + x] === keep);
    for (let x = 0; x < width; x++) {
      const add = x + radius;
      if (add < width) count += +(mask[base + add] === keep);
      // Outside cells are 0: they count as `keep` for erosion only.
      const outside = flip * (+(x - radius < 0) + +(x + radius >= width));
      rows[base + x] = +(count + outside > 0) ^ flip;
      const drop = x - radius;
      if (drop >= 0) count -= +(mask[base + drop] === keep);
    }
  }
  const out = new Uint8Array(mask.length);
  const counts = new Int32Array(width);
  for (let y = 0; y < Math.min(height, radius); y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) counts[x]! += +(rows[i] === keep);
  }
  for (let y = 0; y < height; y++) {
    const add = y + radius;
    if (add < height) for (let x = 0, i = add * width; x < width; x++, i++) counts[x]! += +(rows[i] === keep);
    const outside = flip * (+(y - radius < 0) + +(y + radius >= height));
    for (let x = 0, i = y * width; x < width; x++, i++) out[i] = +(counts[x]! + outside > 0) ^ flip;
    const drop = y - radius;
    if (drop >= 0) for (let x = 0, i = drop * width; x < width; x++, i++) counts[x]! -= +(rows[i] === keep);
  }
  return out;
}
