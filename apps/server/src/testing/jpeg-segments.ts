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
