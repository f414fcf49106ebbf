/**
 * The two reference findings, built from a confirmed match: `reference.derived_from_listing` (which reference, how
 * it was transformed, how much of the frame it fills) and, when regions differ, `reference.local_edit` (the
 * regions in the claim photo's own pixels, the same regions in the reference's, and a heat map).
 */
import { makeFinding } from '../finding.js';
import type { Finding, Region } from '../report.js';
import { text } from '../text.js';
import type { ClaimImage } from './claim-image.js';
import { coverBoxes } from './cover.js';
import { differenceHeatmap } from './heatmap.js';
import { applyHomography, type Homography } from './homography.js';
import type { ReferenceMatch } from './match-claim.js';
import { subcellShape } from './subcell.js';
import { claimToReference, describeTransform, type ReferenceTransform } from './transform.js';
import { cellsToPixels } from '../tamper/block-map.js';

/** Changed areas reported at most (largest first). */
const MAX_REGIONS = 8;
/**
 * Boxes the changed pixels are covered with at most (coarser tiles beyond it): a crack across a 640 px decode takes a
 * box per row it crosses.
 */
export const MAX_COVER_BOXES = 400;

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** A grid region → a box in claim pixels, clamped to the frame. */
function toClaimBox(
  r: { x: number; y: number; w: number; h: number },
  match: ReferenceMatch,
  claim: ClaimImage,
): Region {
  const sx = claim.width / match.pair.width;
  const sy = claim.height / match.pair.height;
  const x = Math.max(0, Math.floor(r.x * sx));
  const y = Math.max(0, Math.floor(r.y * sy));
  return {
    x,
    y,
    w: Math.min(claim.width, Math.ceil((r.x + r.w) * sx)) - x,
    h: Math.min(claim.height, Math.ceil((r.y + r.h) * sy)) - y,
  };
}

/** The bounding box, in reference pixels, of a claim box's corners mapped through `toRef`. */
function toReferenceBox(box: Region, toRef: Homography, refWidth: number, refHeight: number): Region {
  const corners = [
    [box.x, box.y],
    [box.x + box.w, box.y],
    [box.x, box.y + box.h],
    [box.x + box.w, box.y + box.h],
  ].map(([x, y]) => applyHomography(toRef, x!, y!));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x = Math.max(0, Math.floor(Math.min(...xs)));
  const y = Math.max(0, Math.floor(Math.min(...ys)));
  return {
    x,
    y,
    w: Math.max(0, Math.min(refWidth, Math.ceil(Math.max(...xs))) - x),
    h: Math.max(0, Math.min(refHeight, Math.ceil(Math.max(...ys))) - y),
  };
}

function transformText(t: ReferenceTransform): { zh: string; en: string } {
  const zh: string[] = [`缩放 ${round(t.scale, 2)} 倍`];
  const en: string[] = [`scaled ×${round(t.scale, 2)}`];
  if (Math.abs(t.rotationDeg) >= 1) {
    zh.push(`旋转 ${round(t.rotationDeg, 1)}°`);
    en.push(`rotated ${round(t.rotationDeg, 1)}°`);
  }
  if (t.mirrored) {
    zh.push('镜像');
    en.push('mirrored');
  }
  if (t.visibleShare < 0.97) {
    zh.push(`保留参考图的 ${percent(t.visibleShare)}`);
    en.push(`${percent(t.visibleShare)} of the reference kept`);
  }
  return { zh: zh.join('，'), en: en.join(', ') };
}

/**
 * Builds the findings of a confirmed match (`match.derived`); none otherwise.
 * @param claim the claim photo the match was computed for
 */
export function referenceFindings(match: ReferenceMatch, claim: ClaimImage): Finding[] {
  if (!match.derived) return [];
  const ref = match.reference;
  const toRef = claimToReference(match.alignment.h, claim, ref);
  const transform = describeTransform(toRef, claim, ref);
  const how = transformText(transform);
  const refField = { file: ref.file, distance: match.pdqDistance };
  const a = match.alignment;
  const derived = makeFinding('reference.derived_from_listing', {
    severity: 'warn',
    strength: 1,
    detail: text(
      `与参考图 ${ref.file} 为同一张图片（${how.zh}；占本照片画面的 ${percent(match.frameShare)}；${a.inliers} 个特征点吻合，PDQ 距离 ${match.pdqDistance}）。`,
      `Same picture as the reference ${ref.file} (${how.en}; it fills ${percent(match.frameShare)} of this photo; ${a.inliers} keypoints agree; PDQ distance ${match.pdqDistance}).`,
    ),
    ref: refField,
    facts: {
      reference: ref.file,
      referenceSha256: ref.sha256,
      referenceSize: { width: ref.width, height: ref.height },
      pdqDistance: match.pdqDistance,
      transform: {
        scale: round(transform.scale),
        rotationDeg: round(transform.rotationDeg, 2),
        mirrored: transform.mirrored,
        visibleShare: round(transform.visibleShare),
      },
      frameShare: round(match.frameShare),
      inliers: a.inliers,
      matches: a.matches,
      inlierRatio: round(a.inlierRatio),
      spread: round(a.spread),
      residualPx: round(a.residualPx, 2),
      agreement: round(match.agreement),
      projective: a.projective,
      /** Claim pixels → reference pixels, row-major 3×3. */
      homography: Array.from(toRef, (v) => Number(v.toPrecision(8))),
    },
  });
  const gridRegions = match.regions.regions.slice(0, MAX_REGIONS);
  if (gridRegions.length === 0) return [derived];
  // Each changed area's bounding box, and the changed cells themselves as a few boxes: the finding's regions.
  const areas = gridRegions.map((r) => toClaimBox(r, match, claim));
  // The changed cells redrawn on the working decode's pixels (a cell is ~1.7 of them): a stroke's own width.
  const fine = subcellShape(claim, match.maps, match.regions.shape);
  const cover = coverBoxes(fine, claim.workWidth, claim.workHeight, MAX_COVER_BOXES);
  const regions =
    cover.length > 0
      ? cover.map((b) =>
          cellsToPixels(b, claim.width / claim.workWidth, claim.height / claim.workHeight, claim.width, claim.height),
        )
      : areas;
  const referenceRegions = areas.map((box) => toReferenceBox(box, toRef, ref.width, ref.height));
  const peak = Math.max(...gridRegions.map((r) => r.peak));
  const edit = makeFinding('reference.local_edit', {
    severity: 'high',
    // Regions already passed the calibrated thresholds (size, peak ≥ 1.5× the map's own threshold).
    strength: 1,
    detail: text(
      `与参考图 ${ref.file} 相比，有 ${areas.length} 处局部改动（见区域框与热力图）。`,
      `Compared with the reference ${ref.file}, ${areas.length} area${areas.length > 1 ? 's' : ''} changed (see the boxes and the heat map).`,
    ),
    regions,
    ref: refField,
    facts: {
      reference: ref.file,
      /** Each changed area's bounding box in this photo's pixels (the regions cover the changed cells themselves). */
      areas,
      referenceRegions,
      peakScore: round(peak, 2),
      thresholds: {
        structure: round(match.regions.thresholds.structure),
        luma: round(match.regions.thresholds.luma, 1),
        chroma: round(match.regions.thresholds.chroma, 1),
        stroke: round(match.regions.thresholds.stroke, 1),
      },
      heatmapPng: differenceHeatmap(match.regions.score, match.pair.width, match.pair.height),
    },
  });
  return [derived, edit];
}
