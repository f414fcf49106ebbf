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
 * Bytes read before the format is sniffed: signatures need 64, spotting SVG or HTML markup behind a byte-order mark
 * or an XML prolog reads up to about 1 KiB.
 */
export const SNIFF_HEAD_BYTES = 4096;

function iteratorOf(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncIterator<Uint8Array> | Iterator<Uint8Array> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}

/**
 * Sniffs the format from the first {@link SNIFF_HEAD_BYTES} of an upload, then streams it into the blob store
 * (durable when this resolves) while keeping its bytes. A refused upload stores nothing: a file that is not a
 * supported image is refused before a byte is written, an oversized one by the store, which removes its temp file.
 * @throws {DomainError} `payload_too_large` over `maxBytes`; `unsupported_media_type` when the bytes are not a
 *   supported image (SVG, PDF, a renamed text file…)
 */
export async function storePhoto(blobs: BlobStore, upload: PhotoUpload): Promise<StoredPhoto> {
  const source = iteratorOf(upload.source);
  const chunks: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  try {
    while (headBytes < SNIFF_HEAD_BYTES) {
      const next = await source.next();
      if (next.done) {
        ended = true;
        break;
      }
      chunks.push(next.value);
      headBytes += next.value.byteLength;
    }
  } catch (error) {
    await source.return?.();
    throw error;
  }
  const head = [...chunks];
  const sniffed = sniffFormat(Buffer.concat(head));
  if (sniffed.kind === 'unsupported') {
    // Stop reading: the rest of the stream is discarded (a request body is destroyed, as for an oversized one).
    if (!ended) await source.return?.();
    throw new DomainError(
      'unsupported_media_type',
      {
        zh: `文件「${upload.filename}」不是支持的图片格式（识别为：${sniffed.whatZh}）；支持 JPEG、PNG、WebP、HEIC/HEIF、AVIF、TIFF、GIF`,
        en: `"${upload.filename}" is not a supported image (found: ${sniffed.what}); supported: JPEG, PNG, WebP, HEIC/HEIF, AVIF, TIFF, GIF`,
      },
      { filename: upload.filename, sniffed: sniffed.what },
    );
  }
  async function* whole(): AsyncIterable<Uint8Array> {
    try {
      yield* head;
      while (!ended) {
        const next = await source.next();
        if (next.done) ended = true;
        else {
          chunks.push(next.value);
          yield next.value;
        }
      }
    } finally {
      // The store stopped early (too large, a write error): release the source.
      if (!ended) await source.return?.();
    }
  }
  const blob = await blobs.putStream(whole(), upload.maxBytes);
  const bytes = Buffer.concat(chunks);
  return { blob, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), format: sniffed.format };
}
