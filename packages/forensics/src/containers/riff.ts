/** A RIFF chunk of a WebP file: its four-character id and payload. */
export interface RiffChunk {
  readonly id: string;
  readonly data: Uint8Array;
}

/**
 * Lists the top-level chunks of a RIFF/WebP file (`VP8X`, `EXIF`, `XMP `, `ICCP`, `C2PA`…). Lenient: a chunk whose
 * length runs past the end stops the walk.
 */
export function readRiffChunks(bytes: Uint8Array): RiffChunk[] {
  const chunks: RiffChunk[] = [];
  if (bytes.length < 12) return chunks;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);
    const size = view.getUint32(offset + 4, true);
    const start = offset + 8;
    if (start + size > bytes.length) break;
    chunks.push({ id, data: bytes.subarray(start, start + size) });
    offset = start + size + (size % 2);
  }
  return chunks;
}
