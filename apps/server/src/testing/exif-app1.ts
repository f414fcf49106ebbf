/**
 * Builds a minimal EXIF APP1 segment for tests: IFD0 with an Orientation tag and IFD1 holding a JPEG thumbnail —
 * what a camera writes, reduced to the two things the thumbnail comparison depends on. Little-endian TIFF.
 */

/** Options of {@link exifApp1}. */
export interface ExifApp1Options {
  /** EXIF orientation 1..8 written to IFD0. */
  readonly orientation: number;
  /** The IFD1 thumbnail (a complete JPEG, at most ~65 000 bytes so the segment fits). */
  readonly thumbnail: Uint8Array;
}

/**
 * A complete APP1 segment (FF E1, length, "Exif\0\0", TIFF) with IFD0 Orientation and an IFD1 JPEG thumbnail.
 * @throws {RangeError} when the orientation is not 1..8 or the thumbnail does not fit in one segment
 */
export function exifApp1({ orientation, thumbnail }: ExifApp1Options): Uint8Array {
  if (!Number.isInteger(orientation) || orientation < 1 || orientation > 8) {
    throw new RangeError(`Expected an orientation from 1 to 8 but received ${orientation}`);
  }
  const ifd0 = 8;
  const ifd1 = ifd0 + 2 + 12 + 4;
  const data = ifd1 + 2 + 3 * 12 + 4;
  const tiffLength = data + thumbnail.length;
  const segmentLength = 2 + 6 + tiffLength;
  if (segmentLength > 0xffff) throw new RangeError(`A ${thumbnail.length}-byte thumbnail does not fit in APP1`);
  const out = new Uint8Array(2 + segmentLength);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xffe1);
  view.setUint16(2, segmentLength);
  out.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4); // "Exif\0\0"
  const tiff = new DataView(out.buffer, 10);
  const entry = (at: number, tag: number, type: number, value: number) => {
    tiff.setUint16(at, tag, true);
    tiff.setUint16(at + 2, type, true);
    tiff.setUint32(at + 4, 1, true);
    if (type === 3) tiff.setUint16(at + 8, value, true);
    else tiff.setUint32(at + 8, value, true);
  };
  tiff.setUint16(0, 0x4949); // "II"
  tiff.setUint16(2, 42, true);
  tiff.setUint32(4, ifd0, true);
  tiff.setUint16(ifd0, 1, true);
  entry(ifd0 + 2, 0x0112, 3, orientation); // Orientation, SHORT
  tiff.setUint32(ifd0 + 14, ifd1, true);
  tiff.setUint16(ifd1, 3, true);
  entry(ifd1 + 2, 0x0103, 3, 6); // Compression = JPEG (old-style), SHORT
  entry(ifd1 + 14, 0x0201, 4, data); // JPEGInterchangeFormat, LONG
  entry(ifd1 + 26, 0x0202, 4, thumbnail.length); // JPEGInterchangeFormatLength, LONG
  tiff.setUint32(ifd1 + 38, 0, true);
  out.set(thumbnail, 10 + data);
  return out;
}
