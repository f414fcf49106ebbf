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
 * Reads the first {@link SNIFF_HEAD_BYTES} of an upload and asks `sniff` what they are: a `DomainError` refuses the
 * upload before a byte is written (the rest of the source is released, as a request body is destroyed for an
 * oversized one); anything else is kept and the whole upload streams into the blob store (durable when this
 * resolves, an oversized one refused by the store, which removes its temp file). With `keepBytes` the bytes are kept
 * too (for hashing).
 * @throws {DomainError} what `sniff` returned; `payload_too_large` over `maxBytes`
 */
export async function sniffThenStore<T>(
  blobs: BlobStore,
  upload: PhotoUpload,
  sniff: (head: Buffer) => T | DomainError,
  keepBytes = false,
): Promise<{ readonly blob: BlobRef; readonly sniffed: T; readonly bytes: Uint8Array | null }> {
  const source = iteratorOf(upload.source);
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  try {
    while (headBytes < SNIFF_HEAD_BYTES) {
      const next = await source.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.byteLength;
    }
  } catch (error) {
    await source.return?.();
    throw error;
  }
  const sniffed = sniff(Buffer.concat(head));
  if (sniffed instanceof DomainError) {
    if (!ended) await source.return?.();
    throw sniffed;
  }
  const chunks = keepBytes ? [...head] : null;
  async function* whole(): AsyncIterable<Uint8Array> {
    try {
      yield* head;
      while (!ended) {
        const next = await source.next();
        if (next.done) ended = true;
        else {
          chunks?.push(next.value);
          yield next.value;
        }
      }
    } finally {
      // The store stopped early (too large, a write error): release the source.
      if (!ended) await source.return?.();
    }
  }
  const blob = await blobs.putStream(whole(), upload.maxBytes);
  if (!chunks) return { blob, sniffed, bytes: null };
  const bytes = Buffer.concat(chunks);
  return { blob, sniffed, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/**
 * Sniffs the format from the first {@link SNIFF_HEAD_BYTES} of an upload, then streams it into the blob store
 * (durable when this resolves) while keeping its bytes. A refused upload stores nothing: a file that is not a
 * supported image is refused before a byte is written, an oversized one by the store, which removes its temp file.
 * @throws {DomainError} `payload_too_large` over `maxBytes`; `unsupported_media_type` when the bytes are not a
 *   supported image (SVG, PDF, a renamed text file…)
 */
export async function storePhoto(blobs: BlobStore, upload: PhotoUpload): Promise<StoredPhoto> {
  const stored = await sniffThenStore(
    blobs,
    upload,
    (head) => {
      const sniffed = sniffFormat(head);
      if (sniffed.kind === 'image') return sniffed.format;
      return new DomainError(
        'unsupported_media_type',
        {
          zh: `文件「${upload.filename}」不是支持的图片格式（识别为：${sniffed.whatZh}）；支持 JPEG、PNG、WebP、HEIC/HEIF、AVIF、TIFF、GIF`,
          en: `"${upload.filename}" is not a supported image (found: ${sniffed.what}); supported: JPEG, PNG, WebP, HEIC/HEIF, AVIF, TIFF, GIF`,
        },
        { filename: upload.filename, sniffed: sniffed.what },
      );
    },
    true,
  );
  return { blob: stored.blob, bytes: stored.bytes!, format: stored.sniffed };
}
