import { DomainError, type BlobRef, type BlobStore } from '@proofdesk/domain';
import { sniffFormat, type ImageFormat } from '@proofdesk/forensics';

/** A photo upload as the services take it: a name for people, a stream of bytes and a size limit. */
export interface PhotoUpload {
  /** The name the uploader gave the file (shown to people; never trusted for the format). */
  readonly filename: string;
  readonly source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Larger uploads are refused with `payload_too_large` and nothing is stored. */
  readonly maxBytes: number;
}

/** A stored upload: its blob, its bytes (kept for hashing) and the format sniffed from them. */
export interface StoredPhoto {
  readonly blob: BlobRef;
  readonly bytes: Uint8Array;
  readonly format: ImageFormat;
}

/**
 * Streams an upload into the blob store (durable when this resolves) while keeping its bytes, then sniffs the
 * format from the bytes. The blob is content-addressed, so a refused upload leaves at most an unreferenced blob.
 * @throws {DomainError} `payload_too_large` over `maxBytes`; `unsupported_media_type` when the bytes are not a
 *   supported image (SVG, PDF, a renamed text file…)
 */
export async function storePhoto(blobs: BlobStore, upload: PhotoUpload): Promise<StoredPhoto> {
  const chunks: Uint8Array[] = [];
  async function* keep(): AsyncIterable<Uint8Array> {
    for await (const chunk of upload.source) {
      chunks.push(chunk);
      yield chunk;
    }
  }
  const blob = await blobs.putStream(keep(), upload.maxBytes);
  const bytes = Buffer.concat(chunks);
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'unsupported')
    throw new DomainError(
      'unsupported_media_type',
      {
        zh: `文件「${upload.filename}」不是支持的图片格式（识别为：${sniffed.whatZh}）；支持 JPEG、PNG、WebP、HEIC/HEIF、AVIF、TIFF、GIF`,
        en: `"${upload.filename}" is not a supported image (found: ${sniffed.what}); supported: JPEG, PNG, WebP, HEIC/HEIF, AVIF, TIFF, GIF`,
      },
      { filename: upload.filename, sniffed: sniffed.what },
    );
  return { blob, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), format: sniffed.format };
}
