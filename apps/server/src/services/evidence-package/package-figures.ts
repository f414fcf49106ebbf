import type { BlobStore } from '@proofdesk/domain';
import type { Finding, PhotoReport, Region } from '@proofdesk/forensics';
import type { Evidence } from '../../adapters/db/evidence.repository.js';
import type { PackageFacts } from './package-facts.js';
import { heatmap, outlined, thumbnail, type PackagePicture } from './package-pictures.js';
import { T } from './package-text.js';

/** One picture of a figure and what its caption says. */
export interface FigureImage {
  readonly picture: PackagePicture;
  readonly caption: { readonly zh: string; readonly en: string };
}

/** The pictures of one evidence photo: the photo itself and, per finding (same index), the finding's figure. */
export interface PhotoFigures {
  /** Null when the photo does not decode or its blob is missing. */
  readonly photo: PackagePicture | null;
  readonly findings: readonly (readonly FigureImage[])[];
}

/** Longest side of the thumbnails embedded in the PDF, in pixels (sharp enough for print at ~9 cm). */
export const THUMBNAIL_PX = 720;
const HEATMAP_PX = 360;

/**
 * Renders every picture the PDF shows, one photo at a time (only one original is in memory at once): thumbnails
 * of evidence and counter-evidence, each finding's figure — the photo beside the matched reference for
 * `reference.derived_from_listing` (edited regions outlined on both), the photo with the finding's regions outlined,
 * and its heat map.
 */
export async function renderFigures(facts: PackageFacts, blobs: BlobStore): Promise<ReadonlyMap<string, PhotoFigures>> {
  const referenceThumbs = new Map<string, PackagePicture | null>();
  for (const ref of facts.references.values())
    referenceThumbs.set(ref.id, await thumbnail(await readBlob(blobs, ref.sha256), THUMBNAIL_PX));
  const figures = new Map<string, PhotoFigures>();
  for (const evidence of [...facts.evidence, ...facts.counterEvidence])
    figures.set(evidence.id, await photoFigures(evidence, blobs, facts, referenceThumbs));
  return figures;
}

async function photoFigures(
  evidence: Evidence,
  blobs: BlobStore,
  facts: PackageFacts,
  referenceThumbs: ReadonlyMap<string, PackagePicture | null>,
): Promise<PhotoFigures> {
  const photo = await thumbnail(await readBlob(blobs, evidence.sha256), THUMBNAIL_PX);
  const report = evidence.report;
  if (!report) return { photo, findings: [] };
  const findings: FigureImage[][] = [];
  for (const finding of report.findings)
    findings.push(await findingFigure(finding, report, photo, facts, referenceThumbs));
  return { photo, findings };
}

async function findingFigure(
  finding: Finding,
  report: PhotoReport,
  photo: PackagePicture | null,
  facts: PackageFacts,
  referenceThumbs: ReadonlyMap<string, PackagePicture | null>,
): Promise<FigureImage[]> {
  const images: FigureImage[] = [];
  const [frameW, frameH] = frame(report, photo);
  if (finding.code === 'reference.derived_from_listing' && finding.ref) {
    const edit = report.findings.find((f) => f.code === 'reference.local_edit');
    if (photo) images.push({ picture: await outlined(photo, edit?.regions ?? [], frameW, frameH), caption: T.photo });
    const refThumb = referenceThumbs.get(finding.ref.file);
    const ref = facts.references.get(finding.ref.file);
    if (refThumb) {
      const size = finding.facts?.['referenceSize'] as { width: number; height: number } | undefined;
      const boxes = (edit?.facts?.['referenceRegions'] as Region[] | undefined) ?? [];
      const picture = size ? await outlined(refThumb, boxes, size.width, size.height) : refThumb;
      const name = ref?.filename ?? finding.ref.file;
      images.push({ picture, caption: { zh: `${T.reference.zh}：${name}`, en: `${T.reference.en}: ${name}` } });
    }
    return images;
  }
  if (photo && finding.regions?.length)
    images.push({ picture: await outlined(photo, finding.regions, frameW, frameH), caption: T.regions });
  const map = await heatmap(finding.facts?.['heatmapPng'], HEATMAP_PX);
  if (map) images.push({ picture: map, caption: T.heatmap });
  return images;
}

/** The frame regions are in: the report's oriented size, else the thumbnail's own. */
function frame(report: PhotoReport, photo: PackagePicture | null): [number, number] {
  if (report.width > 0 && report.height > 0) return [report.width, report.height];
  return [photo?.width ?? 0, photo?.height ?? 0];
}

/** A blob's bytes, or empty when it is missing (the package still renders, saying so). */
export async function readBlob(blobs: BlobStore, sha256: string): Promise<Uint8Array> {
  try {
    return await blobs.get(sha256);
  } catch {
    return new Uint8Array(0);
  }
}
