/**
 * What one checked case came to: the report's verdict, score and codes, whether the photo was found to derive
 * from a reference (and which), and for forgeries how well the reported regions cover the painted mask.
 * Reads only the public report: verdict, score, findings (code, regions, ref).
 */
import type { Finding, PhotoReport, Region } from '@proofdesk/forensics';
import type { EvalCase } from './eval-cases.js';
import { localisationIoU } from './eval-metrics.js';
import { maskArea, maskBounds } from './raster.js';

/** The finding code that says a photo derives from a reference photo. */
export const DERIVED_CODE = 'reference.derived_from_listing';
/** The finding code that localises what was changed on a derived photo. */
export const LOCAL_EDIT_CODE = 'reference.local_edit';

/** The outcome of one case, as kept in the machine-readable results. */
export interface CaseResult {
  readonly id: string;
  readonly kind: EvalCase['kind'];
  readonly category: string;
  readonly damage?: string;
  readonly source: string;
  readonly reference?: string;
  readonly file: string;
  readonly format: string;
  readonly width: number;
  readonly height: number;
  /** The transforms applied, e.g. `crop+rotate+jpeg`. */
  readonly steps: string;
  readonly verdict: PhotoReport['verdict'];
  readonly score: number;
  readonly codes: readonly string[];
  /** A `reference.derived_from_listing` finding is present. */
  readonly derived: boolean;
  /** The reference it named (`ref.file`), when derived. */
  readonly derivedFrom?: string;
  /** A `reference.local_edit` finding is present. */
  readonly localEdit: boolean;
  /** Forgeries: IoU of the `reference.local_edit` boxes' union with the mask (pixel) and its bounding box. */
  readonly iouLocalEdit?: { readonly pixel: number; readonly bbox: number };
  /** Forgeries: the same for the regions of every finding. */
  readonly iouAllRegions?: { readonly pixel: number; readonly bbox: number };
  /** Forgeries: mask area / frame area, after the transforms. */
  readonly maskShare?: number;
  /** The report gave another size than the generated photo's (its regions would not line up with the mask). */
  readonly sizeMismatch?: true;
  readonly checkMs: number;
  readonly generateMs: number;
}

/**
 * Scores one case against its report.
 * @example scoreCase(forgery, report, { checkMs: 120, generateMs: 80 }).iouLocalEdit?.bbox
 */
export function scoreCase(
  c: EvalCase,
  report: PhotoReport,
  timing: { checkMs: number; generateMs: number },
): CaseResult {
  // Compared as plain strings: the harness must not depend on which codes the catalogue lists today.
  const code = (f: Finding): string => f.code;
  const derivedFinding = report.findings.find((f) => code(f) === DERIVED_CODE);
  const localEdits = report.findings.filter((f) => code(f) === LOCAL_EDIT_CODE);
  const regionsOf = (findings: typeof report.findings): Region[] => findings.flatMap((f) => f.regions ?? []);
  let localisation: Pick<CaseResult, 'iouLocalEdit' | 'iouAllRegions' | 'maskShare'> = {};
  if (c.mask) {
    const bounds = maskBounds(c.mask);
    const round = (x: { pixel: number; bbox: number }) => ({
      pixel: Math.round(x.pixel * 10000) / 10000,
      bbox: Math.round(x.bbox * 10000) / 10000,
    });
    localisation = {
      iouLocalEdit: round(localisationIoU(regionsOf(localEdits), c.mask, bounds)),
      iouAllRegions: round(localisationIoU(regionsOf(report.findings), c.mask, bounds)),
      maskShare: Math.round((maskArea(c.mask) / (c.mask.width * c.mask.height)) * 10000) / 10000,
    };
  }
  return {
    id: c.id,
    kind: c.kind,
    category: c.category,
    ...(c.damage && c.kind === 'forgery' ? { damage: c.damage } : {}),
    source: c.source,
    ...(c.reference ? { reference: c.reference } : {}),
    file: c.file,
    format: c.format,
    width: c.width,
    height: c.height,
    steps: c.steps.map((s) => s.kind).join('+') || 'none',
    verdict: report.verdict,
    score: report.score,
    codes: [...new Set(report.findings.map((f) => f.code))],
    derived: derivedFinding !== undefined,
    ...(derivedFinding?.ref ? { derivedFrom: derivedFinding.ref.file } : {}),
    localEdit: localEdits.length > 0,
    ...localisation,
    ...(report.verdict !== 'error' && (report.width !== c.width || report.height !== c.height)
      ? { sizeMismatch: true as const }
      : {}),
    checkMs: Math.round(timing.checkMs * 10) / 10,
    generateMs: Math.round(timing.generateMs * 10) / 10,
  };
}
