/**
 * The reference photos as the merchant holds them: listing and camera photos as published (their original
 * bytes), transparent mock-ups flattened onto their background colour and saved as JPEG q92.
 */
import type { SourcePhoto } from './eval-sources.js';
import { decodeRgb, encodeJpeg, FULL_SIZE } from './sharp-raster.js';

/** One reference photo: the name it is registered under, and its bytes. */
export interface ReferenceFile {
  /** The selection photo it is. */
  readonly id: string;
  /** Its name in reports (`ref.file`), e.g. `references/magento/wb01-black-0.jpg`. */
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** Builds the reference files of every selection photo whose role is `reference`, keyed by source id. */
export async function referenceFiles(
  sources: readonly SourcePhoto[],
  sourceBytes: ReadonlyMap<string, Uint8Array>,
): Promise<Map<string, ReferenceFile>> {
  const out = new Map<string, ReferenceFile>();
  for (const photo of sources) {
    if (photo.role !== 'reference') continue;
    const raw = sourceBytes.get(photo.id);
    if (!raw) throw new Error(`no bytes for reference ${photo.id}`);
    const bytes =
      photo.background === undefined ? raw : await encodeJpeg(await decodeRgb(raw, FULL_SIZE, photo.background), 92);
    out.set(photo.id, { id: photo.id, file: `references/${photo.id}.jpg`, bytes });
  }
  return out;
}
