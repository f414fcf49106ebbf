/**
 * Walks and edits the marker segments of a JPEG header, for building test variants (hostile files, stripped ICC
 * profiles). For tests and scripts only: it trusts its input to be a well-formed JPEG.
 */

/** One marker segment before the image data: its marker byte (0xE1 = APP1…) and byte range incl. the marker. */
export interface JpegSegment {
  readonly marker: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Lists the segments from just after SOI up to and including the first SOS header.
 * @throws {Error} when the bytes are not a JPEG or a segment runs past the end
 */
export function jpegSegments(jpeg: Uint8Array): JpegSegment[] {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)');
  const segments: JpegSegment[] = [];
  let o = 2;
  while (o + 4 <= jpeg.length) {
    if (jpeg[o] !== 0xff) throw new Error(`expected a marker at offset ${o}`);
    const marker = jpeg[o + 1]!;
    const end = o + 2 + ((jpeg[o + 2]! << 8) | jpeg[o + 3]!);
    if (end > jpeg.length) throw new Error(`segment 0x${marker.toString(16)} at ${o} runs past the end`);
    segments.push({ marker, start: o, end });
    if (marker === 0xda) return segments;
    o = end;
  }
  throw new Error('no SOS marker');
}

/** Joins byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** One APPn/marker segment: marker, big-endian length (data + 2), data. @throws {RangeError} over 65 533 data bytes */
export function jpegSegment(marker: number, data: Uint8Array): Uint8Array {
  if (data.length > 65_533) throw new RangeError(`a JPEG segment holds at most 65533 bytes, not ${data.length}`);
  const length = data.length + 2;
  return concatBytes(new Uint8Array([0xff, marker, length >> 8, length & 0xff]), data);
}

/** The JPEG without the header segments `drop` selects (e.g. the APP2 `ICC_PROFILE` chunks). */
export function withoutSegments(
  jpeg: Uint8Array,
  drop: (segment: JpegSegment, bytes: Uint8Array) => boolean,
): Uint8Array {
  const parts: Uint8Array[] = [jpeg.subarray(0, 2)];
  let kept = 2;
  for (const segment of jpegSegments(jpeg)) {
    if (drop(segment, jpeg.subarray(segment.start + 4, segment.end))) {
      parts.push(jpeg.subarray(kept, segment.start));
      kept = segment.end;
    }
  }
  parts.push(jpeg.subarray(kept));
  return concatBytes(...parts);
}

/** Whether a segment is an APP2 chunk of an ICC profile. */
export function isIccSegment(segment: JpegSegment, data: Uint8Array): boolean {
  return segment.marker === 0xe2 && new TextDecoder('latin1').decode(data.subarray(0, 12)) === 'ICC_PROFILE\0';
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

function isExif(jpeg: Uint8Array, segment: JpegSegment): boolean {
  return segment.marker === 0xe1 && EXIF_HEADER.every((b, i) => jpeg[segment.start + 4 + i] === b);
}

/** The whole EXIF APP1 segment (marker included), or undefined when the JPEG has none. */
export function exifSegment(jpeg: Uint8Array): Uint8Array | undefined {
  const segment = jpegSegments(jpeg).find((s) => isExif(jpeg, s));
  return segment ? jpeg.slice(segment.start, segment.end) : undefined;
}

/**
 * Returns the JPEG with its EXIF APP1 segments removed and `app1` inserted where EXIF belongs: after SOI, or after a
 * leading JFIF APP0.
 * @param app1 a complete APP1 segment (FF E1, length, "Exif\0\0", TIFF data)
 */
export function withExifSegment(jpeg: Uint8Array, app1: Uint8Array): Uint8Array {
  if (app1[0] !== 0xff || app1[1] !== 0xe1) throw new TypeError('Expected an APP1 segment (FF E1)');
  const segments = jpegSegments(jpeg);
  const drop = segments.filter((s) => isExif(jpeg, s));
  const first = segments[0];
  const insertAt = first && first.marker === 0xe0 ? first.end : 2;
  const parts: Uint8Array[] = [];
  let cursor = 0;
  const cut = (until: number) => {
    if (until > cursor) parts.push(jpeg.subarray(cursor, until));
  };
  const events = [...drop.map((s) => ({ at: s.start, skipTo: s.end })), { at: insertAt, skipTo: insertAt }].sort(
    (a, b) => a.at - b.at || a.skipTo - b.skipTo,
  );
  for (const event of events) {
    cut(event.at);
    if (event.skipTo === event.at) parts.push(app1);
    cursor = Math.max(cursor, event.skipTo);
  }
  parts.push(jpeg.subarray(cursor));
  return concatBytes(...parts);
}
