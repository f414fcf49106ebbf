import { createHash } from 'node:crypto';
import {
  checkPhoto,
  DEFAULT_LIMITS,
  errorReport,
  prepareReference,
  tooManyBytesFinding,
  type DecodeLimits,
  type ForensicPorts,
  type PhotoReport,
  type PreparedReference,
} from '@proofdesk/forensics';
import { makeThumbnail } from '../adapters/media/sharp.thumbnailer.js';
import { renderHtmlReport, type Thumbnail } from '../cli/render/html-report.js';

/** One uploaded file held in memory: its name, and its bytes (cut at the limit) or how many bytes it had over it. */
export interface UploadedFile {
  readonly filename: string;
  readonly bytes: Uint8Array;
  /** True when the upload went over the size limit; `bytes` is then incomplete and never analysed. */
  readonly oversized: boolean;
}

/** What an in-memory check answers: the reports in upload order, and the reference photos that could not be used. */
export interface UploadCheck {
  readonly reports: PhotoReport[];
  readonly skippedReferences: { readonly file: string; readonly message: string }[];
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Checks uploaded photos against uploaded reference photos in memory, the way `proofdesk check --ref` checks files:
 * nothing is stored, and a file that is not an image (or over the limit) is reported with verdict `error`.
 */
export async function checkUploads(
  photos: readonly UploadedFile[],
  refs: readonly UploadedFile[],
  ports: ForensicPorts,
  limits: DecodeLimits,
): Promise<UploadCheck> {
  const references: PreparedReference[] = [];
  const skippedReferences: { file: string; message: string }[] = [];
  for (const ref of refs) {
    if (ref.oversized) {
      skippedReferences.push({ file: ref.filename, message: `over the ${limits.maxBytes}-byte limit` });
      continue;
    }
    const prepared = await prepareReference(
      { file: ref.filename, bytes: ref.bytes, sha256: sha256Of(ref.bytes) },
      ports,
      {
        limits,
      },
    );
    if (prepared.ok) references.push(prepared);
    else skippedReferences.push({ file: ref.filename, message: `${prepared.reason}: ${prepared.message}` });
  }
  const reports: PhotoReport[] = [];
  for (const photo of photos) {
    const sha256 = sha256Of(photo.bytes);
    if (photo.oversized || photo.bytes.byteLength > limits.maxBytes) {
      reports.push(
        errorReport(
          { file: photo.filename, sha256, byteLength: photo.bytes.byteLength },
          tooManyBytesFinding(photo.bytes.byteLength, limits.maxBytes),
        ),
      );
      continue;
    }
    reports.push(
      await checkPhoto({ file: photo.filename, bytes: photo.bytes, sha256 }, ports, {
        limits,
        ...(references.length ? { references } : {}),
      }),
    );
  }
  return { reports, skippedReferences };
}

/** The self-contained bilingual HTML report `proofdesk check --html` writes, for uploaded photos. */
export async function renderUploadsHtml(
  photos: readonly UploadedFile[],
  refs: readonly UploadedFile[],
  reports: readonly PhotoReport[],
  ports: ForensicPorts,
  limits: DecodeLimits,
  lang: 'zh' | 'en',
  now: Date,
): Promise<string> {
  const thumbnails = await Promise.all(
    photos.map(async (photo, i) =>
      reports[i]!.verdict === 'error' && reports[i]!.width === 0
        ? undefined
        : makeThumbnail(photo.bytes, ports.decoder, limits.maxPixels),
    ),
  );
  const referenceThumbnails = new Map<string, Thumbnail>();
  for (const report of reports) {
    for (const finding of report.findings) {
      if (finding.code !== 'reference.derived_from_listing' || !finding.ref) continue;
      const file = finding.ref.file;
      const ref = refs.find((r) => r.filename === file);
      if (!ref || referenceThumbnails.has(file)) continue;
      const thumb = await makeThumbnail(ref.bytes, ports.decoder, limits.maxPixels, 240);
      if (thumb) referenceThumbnails.set(file, thumb);
    }
  }
  return renderHtmlReport(reports, thumbnails, lang, now, referenceThumbnails);
}

/** Checks photos outside any claim, in memory over the forensic ports: `POST /api/v1/check`. Stores nothing. */
export class PhotoCheckService {
  constructor(
    private readonly ports: ForensicPorts,
    private readonly limits: DecodeLimits = DEFAULT_LIMITS,
  ) {}

  /** The reports for the photos, each matched against the usable reference photos. */
  check(photos: readonly UploadedFile[], refs: readonly UploadedFile[]): Promise<UploadCheck> {
    return checkUploads(photos, refs, this.ports, this.limits);
  }

  /** The check's reports as the CLI's self-contained bilingual HTML report. */
  async html(photos: readonly UploadedFile[], refs: readonly UploadedFile[], lang: 'zh' | 'en', now: Date) {
    const { reports } = await this.check(photos, refs);
    return renderUploadsHtml(photos, refs, reports, this.ports, this.limits, lang, now);
  }
}
