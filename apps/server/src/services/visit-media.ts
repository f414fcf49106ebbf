import { DomainError, type BlobRef, type BlobStore } from '@proofdesk/domain';
import { sniffFormat } from '@proofdesk/forensics';
import { sniffThenStore, type PhotoUpload } from './upload.js';

/** What a visit's media file turned out to be, from its bytes. */
export interface SniffedMedia {
  readonly kind: 'photo' | 'audio';
  readonly mime: string;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return Buffer.from(bytes.subarray(start, start + length)).toString('latin1');
}

/**
 * The audio formats phones record calls and visits in, by magic bytes: M4A/MP4 audio (`ftyp` box), MP3 (ID3 tag
 * or an MPEG audio frame sync), AMR and AMR-WB (`#!AMR`), WAV (`RIFF…WAVE`), Ogg (`OggS`). Null for anything else.
 */
export function sniffAudio(head: Uint8Array): string | null {
  if (head.length >= 12 && ascii(head, 4, 4) === 'ftyp') {
    const brand = ascii(head, 8, 4);
    if (['M4A ', 'M4B ', 'mp41', 'mp42', 'isom', 'iso2', '3gp4', '3gp5', '3gp6', 'dash'].includes(brand))
      return 'audio/mp4';
    return null;
  }
  if (ascii(head, 0, 3) === 'ID3') return 'audio/mpeg';
  if (head.length >= 2 && head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0 && ((head[1] ?? 0) & 0x06) !== 0)
    return 'audio/mpeg';
  if (ascii(head, 0, 9) === '#!AMR-WB\n') return 'audio/amr-wb';
  if (ascii(head, 0, 6) === '#!AMR\n') return 'audio/amr';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE') return 'audio/wav';
  if (ascii(head, 0, 4) === 'OggS') return 'audio/ogg';
  return null;
}

/** A photo (any image the evidence upload takes) or a recording, from the first bytes; null for anything else. */
export function sniffVisitMedia(head: Uint8Array): SniffedMedia | null {
  const image = sniffFormat(head);
  if (image.kind === 'image') return { kind: 'photo', mime: image.mimeType };
  const audio = sniffAudio(head);
  return audio ? { kind: 'audio', mime: audio } : null;
}

/**
 * Sniffs a visit upload from its first bytes, then streams it into the blob store (durable when this resolves), the
 * way evidence photos are stored: a file that is neither a supported image nor a recording is refused before a byte
 * is written, an oversized one by the store.
 * @throws {DomainError} `payload_too_large`; `unsupported_media_type`
 */
export async function storeVisitMedia(
  blobs: BlobStore,
  upload: PhotoUpload,
): Promise<{ blob: BlobRef; media: SniffedMedia }> {
  const stored = await sniffThenStore(
    blobs,
    upload,
    (head) =>
      sniffVisitMedia(head) ??
      new DomainError(
        'unsupported_media_type',
        {
          zh: `文件「${upload.filename}」不是支持的照片或录音格式；支持 JPEG、PNG、WebP、HEIC 等图片与 M4A、MP3、AMR、WAV、OGG 录音`,
          en: `"${upload.filename}" is not a supported photo or recording; supported: JPEG, PNG, WebP, HEIC and other images, M4A, MP3, AMR, WAV, OGG`,
        },
        { filename: upload.filename },
      ),
  );
  return { blob: stored.blob, media: stored.sniffed };
}
