/**
 * The human-readable report of a run: headline figures against the targets, then tables by transform, damage
 * type and negative type, the unedited derivatives and timings.
 */
import type { RunOutput } from './eval-run.js';
import { TARGETS, type ForgeryRow } from './eval-summary.js';

const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)} %`);
const num = (x: number, digits = 2) => (Number.isNaN(x) ? '—' : x.toFixed(digits));
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`);
}

function forgeryTable(title: string, rows: readonly ForgeryRow[]): string[] {
  return [
    title,
    ...table(
      ['', 'n', 'detected', 'forged', 'right ref', 'IoU mask', 'IoU box'],
      rows.map((r) => [
        r.name,
        String(r.count),
        pct(r.detected),
        pct(r.forged),
        pct(r.derivedRight),
        num(r.iouPixel),
        num(r.iouBbox),
      ]),
    ),
  ];
}

/** Formats a run for the terminal. */
export function formatRun(run: RunOutput, meta: { seed: string; count: number; referenceMatching: boolean }): string {
  const s = run.summary;
  const lines = [
    `Proofdesk evaluation: seed ${meta.seed}, ${meta.count} cases (${s.counts.forgery} forgeries, ${s.counts.negative} genuine negatives, ${s.counts.derivative} unedited derivatives), ${run.references.count} reference photos`,
    meta.referenceMatching
      ? `Reference matching: on (${run.references.prepared} references prepared${run.references.failed.length > 0 ? `, ${run.references.failed.length} failed: ${run.references.failed.join(', ')}` : ''})`
      : 'Reference matching: off (--no-references): these figures measure the reference-free signals only.',
    '',
    `Detection at ≤ ${pct(TARGETS.maxFalsePositiveRate)} false positives (threshold on the photo's score, chosen on the negatives)`,
    `  threshold: score > ${num(s.threshold.score, 3)} (${s.threshold.negativesOver} of ${s.counts.negative} negatives over it = ${pct(s.threshold.falsePositiveRate)})`,
    `  forgeries over it: ${pct(s.detection.atThreshold)}   target ≥ ${pct(TARGETS.detectionAtFpr)}: ${met(s.targetsMet.detection)}`,
    `  by verdict: forged ${pct(s.detection.forgedVerdict)}, suspicious or worse ${pct(s.detection.suspiciousOrWorse)}` +
      ` (negatives: suspicious or worse ${pct(s.negatives.suspiciousOrWorse)}, forged ${pct(s.negatives.forged)})`,
    `  forgeries found derived ${pct(s.detection.derived)} (from the right reference ${pct(s.detection.derivedRight)}), with reference.local_edit ${pct(s.detection.localEdit)}; negatives found derived ${pct(s.negatives.derived)}`,
    '',
    'Localisation: median IoU over all forgeries (no regions = 0)',
    `  reference.local_edit boxes (union) vs the painted mask, pixel IoU:       ${num(s.iou.localEditPixel)}   target ≥ ${TARGETS.medianIoU}: ${met(s.targetsMet.iouPixel)}`,
    `  reference.local_edit boxes (union) vs the mask's bounding box, box IoU:  ${num(s.iou.localEditBbox)}   target ≥ ${TARGETS.medianIoU}: ${met(s.targetsMet.iouBbox)}`,
    `  every finding's regions (union) vs the painted mask / its bounding box:  ${num(s.iou.allRegionsPixel)} / ${num(s.iou.allRegionsBbox)}`,
    `  over the forgeries with a local_edit finding only (mask / box):          ${num(s.iou.localisedOnlyPixel)} / ${num(s.iou.localisedOnlyBbox)}`,
    '',
    ...forgeryTable('Forgeries by transform', s.byTransform),
    '',
    ...forgeryTable('Forgeries by damage type', s.byDamage),
    '',
    'Genuine negatives by type (none may be flagged)',
    ...table(
      ['', 'n', 'over threshold', 'suspicious+', 'derived'],
      s.byNegative.map((r) => [
        r.name,
        String(r.count),
        pct(r.overThreshold),
        pct(r.suspiciousOrWorse),
        pct(r.derived),
      ]),
    ),
    '',
    `Unedited derivatives (the reference itself, transformed, no damage; n = ${s.derivatives.count}): found derived ${pct(s.derivatives.derived)} (right reference ${pct(s.derivatives.derivedRight)}), wrongly with reference.local_edit ${pct(s.derivatives.localEdit)}`,
    '',
    `Time per photo (check): median ${num(s.timing.checkMsMedian, 1)} ms, p95 ${num(s.timing.checkMsP95, 1)} ms, mean ${num(s.timing.checkMsMean, 1)} ms; ` +
      `generation median ${num(s.timing.generateMsMedian, 1)} ms; preparing references ${num(s.timing.prepareMsPerReference, 1)} ms each; whole run ${(run.totalMs / 1000).toFixed(1)} s`,
  ];
  if (s.anomalies.sizeMismatch > 0 || s.anomalies.errors > 0) {
    lines.push(
      `WARNING: ${s.anomalies.errors} reports with verdict error; ${s.anomalies.sizeMismatch} reports whose size differs from the photo's (their regions do not line up with the mask)`,
    );
  }
  return lines.join('\n');
}
