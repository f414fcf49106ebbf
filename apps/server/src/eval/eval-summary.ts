/**
 * Turns per-case results into the benchmark's figures: detection at ≤ 1 % false positives (by score and by
 * verdict), median IoU of the localised regions, tables by transform, damage type and negative type, the
 * unedited derivatives, and time per photo.
 */
import { DAMAGE_TYPES } from './paint-damage.js';
import type { CaseResult } from './case-result.js';
import { NEGATIVE_TYPES, TRANSFORM_CATEGORIES } from './eval-cases.js';
import { median, quantile, shareAbove, shareOf, thresholdAtFalsePositiveRate } from './eval-metrics.js';

/** The targets. */
export const TARGETS = { detectionAtFpr: 0.95, maxFalsePositiveRate: 0.01, medianIoU: 0.5 } as const;

/** One row of a forgery table. */
export interface ForgeryRow {
  readonly name: string;
  readonly count: number;
  /** Share with score over the 1 %-FPR threshold. */
  readonly detected: number;
  /** Share with verdict `forged`. */
  readonly forged: number;
  /** Share found derived from the right reference. */
  readonly derivedRight: number;
  /** Median pixel IoU of the local-edit boxes with the mask (0 when none). */
  readonly iouPixel: number;
  /** Median IoU of the local-edit boxes with the mask's bounding box (0 when none). */
  readonly iouBbox: number;
}

/** One row of the negatives table. */
export interface NegativeRow {
  readonly name: string;
  readonly count: number;
  /** Share with score over the threshold. */
  readonly overThreshold: number;
  readonly suspiciousOrWorse: number;
  readonly derived: number;
}

/** Every figure of a run. */
export interface EvalSummary {
  readonly counts: { readonly forgery: number; readonly negative: number; readonly derivative: number };
  readonly threshold: { readonly score: number; readonly negativesOver: number; readonly falsePositiveRate: number };
  readonly detection: {
    readonly atThreshold: number;
    readonly forgedVerdict: number;
    readonly suspiciousOrWorse: number;
    readonly derived: number;
    readonly derivedRight: number;
    readonly localEdit: number;
  };
  readonly negatives: { readonly suspiciousOrWorse: number; readonly forged: number; readonly derived: number };
  /** Medians over every forgery (a forgery without regions counts 0). */
  readonly iou: {
    readonly localEditPixel: number;
    readonly localEditBbox: number;
    readonly allRegionsPixel: number;
    readonly allRegionsBbox: number;
    /** The same medians over the forgeries that have a local-edit finding only. */
    readonly localisedOnlyPixel: number;
    readonly localisedOnlyBbox: number;
  };
  readonly byTransform: readonly ForgeryRow[];
  readonly byDamage: readonly ForgeryRow[];
  readonly byNegative: readonly NegativeRow[];
  readonly derivatives: {
    readonly count: number;
    readonly derived: number;
    readonly derivedRight: number;
    readonly localEdit: number;
  };
  readonly timing: {
    readonly checkMsMedian: number;
    readonly checkMsP95: number;
    readonly checkMsMean: number;
    readonly generateMsMedian: number;
    readonly prepareMsPerReference: number;
  };
  /** Against the targets; the IoU target is read both ways (vs the mask, vs its bounding box). */
  /** Cases whose report gave another size than the generated photo's, and whose reports were `error`. */
  readonly anomalies: { readonly sizeMismatch: number; readonly errors: number };
  readonly targetsMet: { readonly detection: boolean; readonly iouPixel: boolean; readonly iouBbox: boolean };
}

const suspicious = (r: CaseResult) => r.verdict === 'suspicious' || r.verdict === 'forged';
const right = (r: CaseResult) => r.derived && r.derivedFrom === r.reference;
const round4 = (x: number) => (Number.isNaN(x) ? x : Math.round(x * 10000) / 10000);

function forgeryRow(name: string, rows: readonly CaseResult[], threshold: number): ForgeryRow {
  return {
    name,
    count: rows.length,
    detected: round4(
      shareAbove(
        rows.map((r) => r.score),
        threshold,
      ),
    ),
    forged: round4(shareOf(rows, (r) => r.verdict === 'forged')),
    derivedRight: round4(shareOf(rows, right)),
    iouPixel: round4(median(rows.map((r) => r.iouLocalEdit?.pixel ?? 0))),
    iouBbox: round4(median(rows.map((r) => r.iouLocalEdit?.bbox ?? 0))),
  };
}

/**
 * Summarises a run.
 * @throws {RangeError} when there are no negatives (no threshold can be chosen)
 */
export function summarise(results: readonly CaseResult[], prepareMsPerReference: number): EvalSummary {
  const forgeries = results.filter((r) => r.kind === 'forgery');
  const negatives = results.filter((r) => r.kind === 'negative');
  const derivatives = results.filter((r) => r.kind === 'derivative');
  const t = thresholdAtFalsePositiveRate(
    negatives.map((r) => r.score),
    TARGETS.maxFalsePositiveRate,
  );
  const localised = forgeries.filter((r) => r.localEdit);
  const checkMs = results.map((r) => r.checkMs);
  const iou = {
    localEditPixel: round4(median(forgeries.map((r) => r.iouLocalEdit?.pixel ?? 0))),
    localEditBbox: round4(median(forgeries.map((r) => r.iouLocalEdit?.bbox ?? 0))),
    allRegionsPixel: round4(median(forgeries.map((r) => r.iouAllRegions?.pixel ?? 0))),
    allRegionsBbox: round4(median(forgeries.map((r) => r.iouAllRegions?.bbox ?? 0))),
    localisedOnlyPixel: round4(median(localised.map((r) => r.iouLocalEdit?.pixel ?? 0))),
    localisedOnlyBbox: round4(median(localised.map((r) => r.iouLocalEdit?.bbox ?? 0))),
  };
  const atThreshold = round4(
    shareAbove(
      forgeries.map((r) => r.score),
      t.threshold,
    ),
  );
  return {
    counts: { forgery: forgeries.length, negative: negatives.length, derivative: derivatives.length },
    threshold: { score: t.threshold, negativesOver: t.over, falsePositiveRate: round4(t.rate) },
    detection: {
      atThreshold,
      forgedVerdict: round4(shareOf(forgeries, (r) => r.verdict === 'forged')),
      suspiciousOrWorse: round4(shareOf(forgeries, suspicious)),
      derived: round4(shareOf(forgeries, (r) => r.derived)),
      derivedRight: round4(shareOf(forgeries, right)),
      localEdit: round4(shareOf(forgeries, (r) => r.localEdit)),
    },
    negatives: {
      suspiciousOrWorse: round4(shareOf(negatives, suspicious)),
      forged: round4(shareOf(negatives, (r) => r.verdict === 'forged')),
      derived: round4(shareOf(negatives, (r) => r.derived)),
    },
    iou,
    byTransform: TRANSFORM_CATEGORIES.map((c) =>
      forgeryRow(
        c,
        forgeries.filter((r) => r.category === c),
        t.threshold,
      ),
    ).filter((row) => row.count > 0),
    byDamage: DAMAGE_TYPES.map((d) =>
      forgeryRow(
        d,
        forgeries.filter((r) => r.damage === d),
        t.threshold,
      ),
    ).filter((row) => row.count > 0),
    byNegative: NEGATIVE_TYPES.map((name) => {
      const rows = negatives.filter((r) => r.category === name);
      return {
        name,
        count: rows.length,
        overThreshold: round4(
          shareAbove(
            rows.map((r) => r.score),
            t.threshold,
          ),
        ),
        suspiciousOrWorse: round4(shareOf(rows, suspicious)),
        derived: round4(shareOf(rows, (r) => r.derived)),
      };
    }).filter((row) => row.count > 0),
    derivatives: {
      count: derivatives.length,
      derived: round4(shareOf(derivatives, (r) => r.derived)),
      derivedRight: round4(shareOf(derivatives, right)),
      localEdit: round4(shareOf(derivatives, (r) => r.localEdit)),
    },
    timing: {
      checkMsMedian: round1(median(checkMs)),
      checkMsP95: round1(quantile(checkMs, 0.95)),
      checkMsMean: round1(checkMs.reduce((s, x) => s + x, 0) / Math.max(1, checkMs.length)),
      generateMsMedian: round1(median(results.map((r) => r.generateMs))),
      prepareMsPerReference: round1(prepareMsPerReference),
    },
    anomalies: {
      sizeMismatch: results.filter((r) => r.sizeMismatch).length,
      errors: results.filter((r) => r.verdict === 'error').length,
    },
    targetsMet: {
      detection: atThreshold >= TARGETS.detectionAtFpr,
      iouPixel: iou.localEditPixel >= TARGETS.medianIoU,
      iouBbox: iou.localEditBbox >= TARGETS.medianIoU,
    },
  };
}

const round1 = (x: number) => (Number.isNaN(x) ? x : Math.round(x * 10) / 10);
