/**
 * A small, defensive ISO base media file format (ISO/IEC 14496-12) reader for HEIF/HEIC/AVIF headers
 * (ISO/IEC 23008-12): enough to learn the primary image's size and its rotation/mirroring without decoding pixels.
 * Every length field is bounds-checked against its parent box and the file; nothing is allocated in proportion to a
 * length read from the file. Pure: bytes in, facts out.
 */

/** Why a file could not be read: it ends before a box it declares (`truncated`) or a structure is invalid. */
export type IsoBmffProblem = 'truncated' | 'corrupt' | 'unsupported';

/** Thrown by the readers in this module; `problem` says what kind of damage was found. */
export class IsoBmffError extends Error {
  override readonly name = 'IsoBmffError';
  constructor(
    readonly problem: IsoBmffProblem,
    message: string,
  ) {
    super(message);
  }
}

/** One box: its four-character type and where it sits in the file (byte offsets, `end` exclusive). */
export interface IsoBox {
  readonly type: string;
  readonly start: number;
  /** First byte after the box header (size, type, optional 64-bit size and `uuid` user type). */
  readonly contentStart: number;
  readonly end: number;
}

/** A HEIF transformative property of the primary item, in the order it applies. */
export type HeifTransform =
  | { readonly kind: 'rotate'; /** anti-clockwise, degrees */ readonly degrees: 0 | 90 | 180 | 270 }
  | {
      readonly kind: 'mirror';
      /** `vertical`: about the vertical axis (left↔right); `horizontal`: top↔bottom */ readonly axis:
        'vertical' | 'horizontal';
    };

/** Header facts of a HEIF/AVIF file's primary image. */
export interface HeifHeader {
  readonly majorBrand: string;
  readonly compatibleBrands: readonly string[];
  readonly primaryItemId: number;
  /** Item type of the primary image: `hvc1` (HEVC), `av01` (AV1), `grid`, `jpeg`… */
  readonly itemType: string;
  /** Size as coded (`ispe`, cropped by `clap` when present), before rotation and mirroring, in pixels. */
  readonly width: number;
  readonly height: number;
  readonly transforms: readonly HeifTransform[];
  /** The EXIF orientation (1..8) equivalent to {@link transforms}: what a viewer must do to show the image upright. */
  readonly orientation: number;
  /** Image items a decoder lists as top-level (not hidden, not thumbnails, auxiliary images or grid tiles), ascending. */
  readonly topLevelItemIds: readonly number[];
}

const ascii = (bytes: Uint8Array, at: number, n: number): string =>
  String.fromCharCode(...bytes.subarray(at, Math.min(bytes.length, at + n)));

/** Box types are four printable ASCII characters (QuickTime adds ©); anything else means the walk left the boxes. */
const isBoxType = (bytes: Uint8Array, at: number): boolean =>
  [0, 1, 2, 3].every((i) => {
    const c = bytes[at + i]!;
    return (c >= 0x20 && c <= 0x7e) || c === 0xa9;
  });

/** Bounds-checked big-endian reads within [pos, end) of one box's content. */
class Cursor {
  pos: number;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly box: IsoBox,
    start = box.contentStart,
  ) {
    this.pos = start;
  }
  private need(n: number): number {
    if (this.pos + n > this.box.end) {
      throw new IsoBmffError(
        'corrupt',
        `box '${this.box.type}' at offset ${this.box.start} is too short for its fields`,
      );
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }
  u8(): number {
    return this.bytes[this.need(1)]!;
  }
  u16(): number {
    const at = this.need(2);
    return (this.bytes[at]! << 8) | this.bytes[at + 1]!;
  }
  u32(): number {
    const at = this.need(4);
    return (
      ((this.bytes[at]! << 24) | (this.bytes[at + 1]! << 16) | (this.bytes[at + 2]! << 8) | this.bytes[at + 3]!) >>> 0
    );
  }
  /** An unsigned integer of 0, 4 or 8 bytes (iloc fields); 8-byte values above 2^53 are refused. */
  uint(size: number): number {
    if (size === 0) return 0;
    if (size === 4) return this.u32();
    if (size === 8) {
      const high = this.u32();
      const low = this.u32();
      if (high >= 0x200000) throw new IsoBmffError('corrupt', `a 64-bit field in box '${this.box.type}' is too large`);
      return high * 0x1_0000_0000 + low;
    }
    throw new IsoBmffError('corrupt', `box '${this.box.type}' uses an invalid field size of ${size} bytes`);
  }
  fourcc(): string {
    return ascii(this.bytes, this.need(4), 4);
  }
  /** Version and flags of a FullBox. */
  fullBox(): { version: number; flags: number } {
    const word = this.u32();
    return { version: word >>> 24, flags: word & 0xffffff };
  }
  get remaining(): number {
    return this.box.end - this.pos;
  }
}

/**
 * Lists the boxes in [start, end). A box running past `end` is `truncated` when `end` is the end of the file and
 * `corrupt` when it overruns its parent; a size smaller than the header is `corrupt`.
 * @param bytes the whole file
 * @param start offset of the first box (default 0)
 * @param end offset just past the last box (default the file's length)
 * @throws {IsoBmffError}
 */
export function readBoxes(bytes: Uint8Array, start = 0, end = bytes.length): IsoBox[] {
  const boxes: IsoBox[] = [];
  const atFileEnd = end === bytes.length;
  let offset = start;
  while (offset < end) {
    if (end - offset < 8) {
      if (atFileEnd) throw new IsoBmffError('truncated', `the file ends inside a box header at offset ${offset}`);
      throw new IsoBmffError('corrupt', `${end - offset} stray bytes at offset ${offset}`);
    }
    const size32 =
      ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
    if (!isBoxType(bytes, offset + 4)) {
      const hex = Array.from(bytes.subarray(offset + 4, offset + 8), (c) => c.toString(16).padStart(2, '0')).join(' ');
      throw new IsoBmffError('corrupt', `invalid box type (bytes ${hex}) at offset ${offset}`);
    }
    const type = ascii(bytes, offset + 4, 4);
    let headerSize = 8;
    let size = size32;
    if (size32 === 1) {
      if (end - offset < 16)
        throw new IsoBmffError('truncated', `box '${type}' at offset ${offset} lacks its 64-bit size`);
      const high =
        ((bytes[offset + 8]! << 24) | (bytes[offset + 9]! << 16) | (bytes[offset + 10]! << 8) | bytes[offset + 11]!) >>>
        0;
      const low =
        ((bytes[offset + 12]! << 24) |
          (bytes[offset + 13]! << 16) |
          (bytes[offset + 14]! << 8) |
          bytes[offset + 15]!) >>>
        0;
      size = high >= 0x200000 ? Number.MAX_SAFE_INTEGER : high * 0x1_0000_0000 + low;
      headerSize = 16;
    } else if (size32 === 0) {
      size = end - offset; // "extends to the end of the enclosing container"
    }
    if (type === 'uuid') headerSize += 16;
    if (size < headerSize) {
      throw new IsoBmffError(
        'corrupt',
        `box '${type}' at offset ${offset} declares ${size} bytes, less than its header`,
      );
    }
    if (size > end - offset) {
      const where = `box '${type}' at offset ${offset} declares ${size} bytes but only ${end - offset} remain`;
      throw new IsoBmffError(
        atFileEnd ? 'truncated' : 'corrupt',
        atFileEnd ? `${where} in the file` : `${where} in its parent`,
      );
    }
    boxes.push({ type, start: offset, contentStart: offset + headerSize, end: offset + size });
    offset += size;
  }
  return boxes;
}

function childBoxes(bytes: Uint8Array, box: IsoBox, skip = 0): IsoBox[] {
  return readBoxes(bytes, box.contentStart + skip, box.end);
}

function only(boxes: readonly IsoBox[], type: string, parent: string): IsoBox | undefined {
  const found = boxes.filter((b) => b.type === type);
  if (found.length > 1) throw new IsoBmffError('corrupt', `'${parent}' holds ${found.length} '${type}' boxes`);
  return found[0];
}

function required(boxes: readonly IsoBox[], type: string, parent: string): IsoBox {
  const box = only(boxes, type, parent);
  if (!box) throw new IsoBmffError('corrupt', `'${parent}' has no '${type}' box`);
  return box;
}

interface ItemInfo {
  readonly type: string;
  readonly hidden: boolean;
}

function readItemInfos(bytes: Uint8Array, iinf: IsoBox): Map<number, ItemInfo> {
  const cursor = new Cursor(bytes, iinf);
  const { version } = cursor.fullBox();
  const declared = version === 0 ? cursor.u16() : cursor.u32();
  const items = new Map<number, ItemInfo>();
  const entries = readBoxes(bytes, cursor.pos, iinf.end).filter((b) => b.type === 'infe');
  if (entries.length !== declared) {
    throw new IsoBmffError('corrupt', `'iinf' declares ${declared} items but holds ${entries.length}`);
  }
  for (const infe of entries) {
    const c = new Cursor(bytes, infe);
    const { version: v, flags } = c.fullBox();
    if (v < 2) continue; // pre-HEIF item info without an item type
    const id = v === 2 ? c.u16() : c.u32();
    c.u16(); // item_protection_index
    items.set(id, { type: c.fourcc(), hidden: (flags & 1) === 1 });
  }
  return items;
}

interface ItemReference {
  readonly type: string;
  readonly from: number;
  readonly to: readonly number[];
}

function readReferences(bytes: Uint8Array, iref: IsoBox | undefined): ItemReference[] {
  if (!iref) return [];
  const { version } = new Cursor(bytes, iref).fullBox();
  return childBoxes(bytes, iref, 4).map((box) => {
    const c = new Cursor(bytes, box);
    const id = () => (version === 0 ? c.u16() : c.u32());
    const from = id();
    const count = c.u16();
    if (count * (version === 0 ? 2 : 4) > c.remaining) {
      throw new IsoBmffError('corrupt', `'${box.type}' reference declares ${count} targets, more than it holds`);
    }
    return { type: box.type, from, to: Array.from({ length: count }, id) };
  });
}

/** The property boxes associated with each item, in association order. */
function readAssociations(bytes: Uint8Array, iprp: IsoBox): Map<number, IsoBox[]> {
  const children = childBoxes(bytes, iprp);
  const properties = childBoxes(bytes, required(children, 'ipco', 'iprp'));
  const result = new Map<number, IsoBox[]>();
  for (const ipma of children.filter((b) => b.type === 'ipma')) {
    const c = new Cursor(bytes, ipma);
    const { version, flags } = c.fullBox();
    const entries = c.u32();
    if (entries * 3 > c.remaining)
      throw new IsoBmffError('corrupt', `'ipma' declares ${entries} entries, more than it holds`);
    for (let i = 0; i < entries; i++) {
      const item = version < 1 ? c.u16() : c.u32();
      const count = c.u8();
      const list = result.get(item) ?? [];
      for (let j = 0; j < count; j++) {
        const index = (flags & 1) === 1 ? c.u16() & 0x7fff : c.u8() & 0x7f;
        if (index === 0) continue; // "no property"
        const property = properties[index - 1];
        if (!property) throw new IsoBmffError('corrupt', `'ipma' refers to property ${index} of ${properties.length}`);
        list.push(property);
      }
      result.set(item, list);
    }
  }
  return result;
}

/** Checks that every item extent stored in the file (iloc construction method 0) lies within the file. */
function checkItemExtents(bytes: Uint8Array, iloc: IsoBox | undefined): void {
  if (!iloc) return;
  const c = new Cursor(bytes, iloc);
  const { version } = c.fullBox();
  if (version > 2) throw new IsoBmffError('unsupported', `'iloc' version ${version} is not supported`);
  const sizes = c.u16();
  const offsetSize = sizes >>> 12;
  const lengthSize = (sizes >>> 8) & 0xf;
  const baseOffsetSize = (sizes >>> 4) & 0xf;
  const indexSize = version === 0 ? 0 : sizes & 0xf;
  const items = version < 2 ? c.u16() : c.u32();
  for (let i = 0; i < items; i++) {
    const id = version < 2 ? c.u16() : c.u32();
    const method = version === 0 ? 0 : c.u16() & 0xf;
    c.u16(); // data_reference_index
    const base = c.uint(baseOffsetSize);
    const extents = c.u16();
    for (let e = 0; e < extents; e++) {
      c.uint(indexSize);
      const offset = c.uint(offsetSize);
      const length = c.uint(lengthSize);
      if (method === 0 && base + offset + length > bytes.length) {
        throw new IsoBmffError(
          'truncated',
          `item ${id} is stored at bytes ${base + offset}..${base + offset + length} but the file has ${bytes.length}`,
        );
      }
    }
  }
}

/** Composes transforms as 2×2 integer matrices on (x, y) with y pointing down. */
type Matrix = readonly [number, number, number, number];
const multiply = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
];
const ROTATE_CCW_90: Matrix = [0, 1, -1, 0];
/** The transform each EXIF orientation asks a viewer to apply, index = orientation - 1. */
const EXIF_MATRICES: readonly Matrix[] = [
  [1, 0, 0, 1], // 1 identity
  [-1, 0, 0, 1], // 2 mirror left↔right
  [-1, 0, 0, -1], // 3 rotate 180°
  [1, 0, 0, -1], // 4 mirror top↔bottom
  [0, 1, 1, 0], // 5 transpose
  [0, -1, 1, 0], // 6 rotate 90° clockwise
  [0, -1, -1, 0], // 7 transverse
  [0, 1, -1, 0], // 8 rotate 90° anti-clockwise
];

/**
 * The EXIF orientation (1..8) equivalent to a sequence of HEIF transforms applied in order.
 * @example orientationOf([{ kind: 'rotate', degrees: 270 }]) // 6: rotate 90° clockwise
 */
export function orientationOf(transforms: readonly HeifTransform[]): number {
  let m: Matrix = [1, 0, 0, 1];
  for (const t of transforms) {
    let step: Matrix = [1, 0, 0, 1];
    if (t.kind === 'rotate') for (let q = 0; q < t.degrees / 90; q++) step = multiply(ROTATE_CCW_90, step);
    else step = t.axis === 'vertical' ? [-1, 0, 0, 1] : [1, 0, 0, -1];
    m = multiply(step, m);
  }
  const index = EXIF_MATRICES.findIndex((e) => e.every((v, i) => v === m[i]));
  return index + 1;
}

function readTransformsAndSize(bytes: Uint8Array, properties: readonly IsoBox[], id: number) {
  let width = 0;
  let height = 0;
  const transforms: HeifTransform[] = [];
  for (const box of properties) {
    const c = new Cursor(bytes, box);
    if (box.type === 'ispe') {
      c.fullBox();
      width = c.u32();
      height = c.u32();
    } else if (box.type === 'clap') {
      const [wn, wd, hn, hd] = [c.u32(), c.u32(), c.u32(), c.u32()];
      if (wd === 0 || hd === 0) throw new IsoBmffError('corrupt', `'clap' of item ${id} divides by zero`);
      const w = Math.round(wn / wd);
      const h = Math.round(hn / hd);
      if (w >= 1 && h >= 1 && w <= width && h <= height) [width, height] = [w, h];
    } else if (box.type === 'irot') {
      transforms.push({ kind: 'rotate', degrees: ((c.u8() & 3) * 90) as 0 | 90 | 180 | 270 });
    } else if (box.type === 'imir') {
      // ISO/IEC 23008-12:2022 `mode` (the 2017 edition's ambiguous `axis`): 0 flips top↔bottom, 1 left↔right, as
      // libheif and libavif read it and libvips writes it.
      transforms.push({ kind: 'mirror', axis: (c.u8() & 1) === 0 ? 'horizontal' : 'vertical' });
    }
  }
  return { width, height, transforms };
}

/**
 * Reads the header of a HEIF/HEIC/AVIF file: brands, primary item, its coded size and transforms.
 * @param bytes the whole file
 * @throws {IsoBmffError} `truncated` when the file ends before a box or item it declares, `corrupt` for invalid
 *   structure, `unsupported` when it holds no still image
 */
export function readHeifHeader(bytes: Uint8Array): HeifHeader {
  const top = readBoxes(bytes);
  const ftyp = top[0]?.type === 'ftyp' ? top[0] : undefined;
  if (!ftyp) throw new IsoBmffError('corrupt', `the file does not start with an 'ftyp' box`);
  const f = new Cursor(bytes, ftyp);
  const majorBrand = f.fourcc();
  f.u32(); // minor_version
  const compatibleBrands: string[] = [];
  while (f.remaining >= 4) compatibleBrands.push(f.fourcc());

  const meta = only(top, 'meta', 'file');
  if (!meta)
    throw new IsoBmffError('unsupported', `the file has no 'meta' box, so no still image (a video or sequence)`);
  const children = childBoxes(bytes, meta, 4);
  const hdlrBox = required(children, 'hdlr', 'meta');
  const handler = new Cursor(bytes, hdlrBox, hdlrBox.contentStart + 8).fourcc(); // after version/flags, pre_defined
  if (handler !== 'pict') throw new IsoBmffError('unsupported', `the 'meta' handler is '${handler}', not 'pict'`);
  const pitm = new Cursor(bytes, required(children, 'pitm', 'meta'));
  const primaryItemId = pitm.fullBox().version === 0 ? pitm.u16() : pitm.u32();

  const items = readItemInfos(bytes, required(children, 'iinf', 'meta'));
  const primary = items.get(primaryItemId);
  if (!primary) throw new IsoBmffError('corrupt', `the primary item ${primaryItemId} is not listed in 'iinf'`);
  const associations = readAssociations(bytes, required(children, 'iprp', 'meta'));
  const { width, height, transforms } = readTransformsAndSize(
    bytes,
    associations.get(primaryItemId) ?? [],
    primaryItemId,
  );
  if (width < 1 || height < 1) {
    throw new IsoBmffError('corrupt', `the primary item ${primaryItemId} has no image size ('ispe')`);
  }
  checkItemExtents(bytes, only(children, 'iloc', 'meta'));

  const notTopLevel = new Set<number>();
  for (const ref of readReferences(bytes, only(children, 'iref', 'meta'))) {
    if (ref.type === 'thmb' || ref.type === 'auxl') notTopLevel.add(ref.from);
    if (ref.type === 'dimg') ref.to.forEach((id) => notTopLevel.add(id));
  }
  const IMAGE_TYPES = new Set(['hvc1', 'av01', 'grid', 'iden', 'iovl', 'jpeg', 'unci', 'avc1', 'j2k1', 'vvc1']);
  const topLevelItemIds = [...items]
    .filter(([id, info]) => IMAGE_TYPES.has(info.type) && !info.hidden && !notTopLevel.has(id))
    .map(([id]) => id)
    .sort((a, b) => a - b);

  return {
    majorBrand,
    compatibleBrands,
    primaryItemId,
    itemType: primary.type,
    width,
    height,
    transforms,
    orientation: orientationOf(transforms),
    topLevelItemIds,
  };
}
