/**
 * Builds hostile and quirky image files in memory, deterministically, from real fixtures: truncated files, a PNG
 * header claiming 60000×60000, ~10 MB of JPEG APP segments, a lying segment length, an SVG, a ZIP, a JPEG+ZIP
 * polyglot, JPEGs with harmless libjpeg warnings, and HEIFs with `irot`/`imir` added. Tests call the functions;
 * nothing large is committed.
 *
 * Run directly to write the set to a folder for manual checks:
 * `npm run build && node apps/server/dist/scripts/hostile-files.js <out-dir>`
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { readBoxes, type HeifTransform, type IsoBox } from '@proofdesk/forensics';
import { concatBytes, jpegSegment, jpegSegments } from '../testing/jpeg-segments.js';
import { fixturePath } from '../testing/paths.js';

const ascii = (text: string) => new TextEncoder().encode(text);
const u32 = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
const u16le = (n: number) => new Uint8Array([n & 0xff, n >>> 8]);
const u32le = (n: number) => new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24]);

/** A zero-byte file. */
export function emptyFile(): Uint8Array {
  return new Uint8Array(0);
}

/** The first `fraction` (0..1) of a file, as an interrupted upload leaves it. */
export function truncated(bytes: Uint8Array, fraction = 0.5): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concatBytes(ascii(type), data);
  return concatBytes(u32(data.length), typeAndData, u32(crc32(typeAndData)));
}

/**
 * A valid PNG signature and IHDR (8-bit RGB, correct CRC) claiming `width`×`height`, one tiny IDAT and IEND:
 * 69 bytes that would need width × height × 3 bytes to decode (10.8 GB at 60000×60000).
 */
export function pngClaimingSize(width = 60_000, height = 60_000): Uint8Array {
  const ihdr = concatBytes(u32(width), u32(height), new Uint8Array([8, 2, 0, 0, 0]));
  const idat = deflateSync(new Uint8Array(64)); // a few zero scanline bytes; nowhere near the claimed size
  return concatBytes(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

/** Deterministic filler: a repeated ASCII pattern. */
function filler(length: number, label: string): Uint8Array {
  const pattern = ascii(`${label}-`);
  return Uint8Array.from({ length }, (_, i) => pattern[i % pattern.length]!);
}

/**
 * The JPEG with `count` full-size APP4 segments (65 533 data bytes each, the most a segment can hold) inserted after
 * SOI: 160 segments add 10.5 MB of metadata before the image. The image itself stays valid.
 */
export function jpegWithHugeAppSegments(jpeg: Uint8Array, count = 160): Uint8Array {
  jpegSegments(jpeg); // throws for a non-JPEG
  const segment = jpegSegment(0xe4, filler(65_533, 'PROOFDESK-APP4-FILLER'));
  return concatBytes(jpeg.subarray(0, 2), ...Array.from({ length: count }, () => segment), jpeg.subarray(2));
}

/**
 * The JPEG with an APP4 segment after SOI whose length field claims 65 535 bytes while it holds 16: a reader that
 * trusts it skips into the middle of the following segments or the image data.
 */
export function jpegWithLyingAppLength(jpeg: Uint8Array): Uint8Array {
  jpegSegments(jpeg);
  const lying = concatBytes(new Uint8Array([0xff, 0xe4, 0xff, 0xff]), filler(16, 'LIE'));
  return concatBytes(jpeg.subarray(0, 2), lying, jpeg.subarray(2));
}

/**
 * Two zero bytes before the DQT marker: libjpeg warns "Corrupt JPEG data: 2 extraneous bytes before marker 0xdb"
 * and decodes normally. Padding like this is seen in files from CCTV snapshots and some camera firmware.
 */
export function jpegWithPaddingBeforeMarker(jpeg: Uint8Array, marker = 0xdb): Uint8Array {
  const segment = jpegSegments(jpeg).find((s) => s.marker === marker);
  if (!segment) throw new Error(`the JPEG has no 0x${marker.toString(16)} segment`);
  return concatBytes(jpeg.subarray(0, segment.start), new Uint8Array(2), jpeg.subarray(segment.start));
}

/**
 * A baseline JPEG whose SOS says spectral selection ends at 62 instead of 63: libjpeg warns "Invalid SOS parameters
 * for sequential JPEG" and ignores them, as it must for files from some Samsung phones.
 */
export function jpegWithOddSosParameters(jpeg: Uint8Array): Uint8Array {
  const sos = jpegSegments(jpeg).find((s) => s.marker === 0xda)!;
  const out = jpeg.slice();
  const components = out[sos.start + 4]!;
  out[sos.start + 5 + 2 * components + 1] = 62; // Se
  return out;
}

/** A small SVG document (a vector image the decoders must refuse, as it can reference other resources). */
export function svgImage(): Uint8Array {
  return ascii(
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">' +
      '<rect width="640" height="480" fill="#c33"/><image href="https://example.invalid/x.png"/></svg>\n',
  );
}

/** A valid ZIP archive (stored, no compression) of the given files. */
export function zipArchive(files: readonly { readonly name: string; readonly data: Uint8Array }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = ascii(name);
    const crc = crc32(data);
    const common = concatBytes(
      u16le(0),
      u16le(0),
      u16le(0),
      u16le(0x21),
      u32le(crc),
      u32le(data.length),
      u32le(data.length),
      u16le(nameBytes.length),
      u16le(0),
    );
    const local = concatBytes(u32le(0x04034b50), u16le(20), common, nameBytes, data);
    // central: version made by, version needed, then the same fields, comment/disk/attributes, local header offset
    centrals.push(
      concatBytes(
        u32le(0x02014b50),
        u16le(20),
        u16le(20),
        common,
        u16le(0),
        u16le(0),
        u16le(0),
        u32le(0),
        u32le(offset),
        nameBytes,
      ),
    );
    locals.push(local);
    offset += local.length;
  }
  const central = concatBytes(...centrals);
  const end = concatBytes(
    u32le(0x06054b50),
    u16le(0),
    u16le(0),
    u16le(files.length),
    u16le(files.length),
    u32le(central.length),
    u32le(offset),
    u16le(0),
  );
  return concatBytes(...locals, central, end);
}

/** A valid JPEG with a ZIP archive appended after its EOI: a JPEG to image readers, an archive to unzip tools. */
export function jpegZipPolyglot(jpeg: Uint8Array): Uint8Array {
  return concatBytes(jpeg, zipArchive([{ name: 'payload.txt', data: ascii('hidden payload\n') }]));
}

const box = (type: string, ...content: Uint8Array[]) => {
  const body = concatBytes(...content);
  return concatBytes(u32(body.length + 8), ascii(type), body);
};
const slice = (bytes: Uint8Array, b: IsoBox) => bytes.subarray(b.start, b.end);
const children = (bytes: Uint8Array, b: IsoBox, skip = 0) => readBoxes(bytes, b.contentStart + skip, b.end);

/**
 * A copy of a HEIF/AVIF file with `irot`/`imir` properties associated with its primary item, in the given order
 * (MIAF orders `irot` before `imir`). Rebuilds `ipco`, `ipma` and the enclosing boxes and shifts `iloc` offsets that
 * point past the `meta` box. Supports the common layout: 32-bit box sizes, `ipma` with 7-bit property indices.
 * @throws {Error} for layouts it does not support
 */
export function withHeifTransforms(heif: Uint8Array, transforms: readonly HeifTransform[]): Uint8Array {
  const top = readBoxes(heif);
  const meta = top.find((b) => b.type === 'meta')!;
  const metaChildren = children(heif, meta, 4);
  const pitm = metaChildren.find((b) => b.type === 'pitm')!;
  const view = new DataView(heif.buffer, heif.byteOffset, heif.byteLength);
  const primary =
    heif[pitm.contentStart] === 0 ? view.getUint16(pitm.contentStart + 4) : view.getUint32(pitm.contentStart + 4);
  const iprp = metaChildren.find((b) => b.type === 'iprp')!;
  const iprpChildren = children(heif, iprp);
  const [ipco, ipma] = ['ipco', 'ipma'].map((t) => iprpChildren.find((b) => b.type === t)!) as [IsoBox, IsoBox];
  const propertyCount = children(heif, ipco).length;
  const added = transforms.map((t) =>
    t.kind === 'rotate'
      ? box('irot', new Uint8Array([t.degrees / 90]))
      : box('imir', new Uint8Array([t.axis === 'vertical' ? 1 : 0])),
  );
  const newIpco = box('ipco', heif.subarray(ipco.contentStart, ipco.end), ...added);

  // ipma: version/flags, entry_count, then per item: id, count, indices.
  const p = ipma.contentStart;
  const version = heif[p]!;
  const flags = heif[p + 3]!;
  if ((flags & 1) !== 0 || version !== 0 || propertyCount + added.length > 127)
    throw new Error('unsupported ipma layout');
  const entries = view.getUint32(p + 4);
  const parts: Uint8Array[] = [heif.subarray(p, p + 8)];
  let o = p + 8;
  for (let i = 0; i < entries; i++) {
    const id = view.getUint16(o);
    const count = heif[o + 2]!;
    const indices = heif.subarray(o + 3, o + 3 + count);
    const extra = id === primary ? added.map((_, k) => 0x80 | (propertyCount + 1 + k)) : [];
    parts.push(new Uint8Array([id >> 8, id & 0xff, count + extra.length]), indices, new Uint8Array(extra));
    o += 3 + count;
  }
  const newIpma = box('ipma', ...parts);
  const newIprp = box(
    'iprp',
    ...iprpChildren.map((b) => (b === ipco ? newIpco : b === ipma ? newIpma : slice(heif, b))),
  );
  const delta = newIprp.length - (iprp.end - iprp.start);
  const newMeta = box(
    'meta',
    heif.subarray(meta.contentStart, meta.contentStart + 4),
    ...metaChildren.map((b) =>
      b === iprp ? newIprp : b.type === 'iloc' ? shiftIloc(slice(heif, b), meta.end, delta) : slice(heif, b),
    ),
  );
  return concatBytes(heif.subarray(0, meta.start), newMeta, heif.subarray(meta.end));
}

/**
 * Adds `delta` to the file offsets in an iloc box (construction method 0) that point at or past `from`: the base
 * offset when an item has one, else its extent offsets (which are then absolute).
 */
function shiftIloc(iloc: Uint8Array, from: number, delta: number): Uint8Array {
  const out = iloc.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const version = out[8]!;
  const offsetSize = out[12]! >> 4;
  const lengthSize = out[12]! & 0xf;
  const baseSize = out[13]! >> 4;
  const indexSize = version === 0 ? 0 : out[13]! & 0xf;
  if (version > 1 || ![0, 4].includes(offsetSize) || ![0, 4].includes(baseSize))
    throw new Error('unsupported iloc layout');
  const shift = (at: number) => {
    if (view.getUint32(at) >= from) view.setUint32(at, view.getUint32(at) + delta);
  };
  const items = view.getUint16(14);
  let o = 16;
  for (let i = 0; i < items; i++) {
    const method = version === 1 ? view.getUint16(o + 2) & 0xf : 0;
    o += version === 1 ? 6 : 4; // item id, [construction method], data reference index
    const base = baseSize === 4 ? view.getUint32(o) : 0;
    if (method === 0 && base !== 0) shift(o);
    o += baseSize;
    const extents = view.getUint16(o);
    o += 2;
    for (let e = 0; e < extents; e++) {
      o += indexSize;
      if (method === 0 && base === 0 && offsetSize === 4) shift(o);
      o += offsetSize + lengthSize;
    }
  }
  return out;
}

/** Writes every hostile variant built from the decode fixtures into `outDir`. */
export function writeHostileFiles(outDir: string): string[] {
  const jpeg = readFileSync(fixturePath('decode', 'landscape_1.jpg'));
  const files: Record<string, Uint8Array> = {
    'empty.jpg': emptyFile(),
    'truncated-half.jpg': truncated(jpeg),
    'png-60000x60000.png': pngClaimingSize(),
    'app-segments-10mb.jpg': jpegWithHugeAppSegments(jpeg),
    'lying-app-length.jpg': jpegWithLyingAppLength(jpeg),
    'vector.svg': svgImage(),
    'archive-renamed.jpg': zipArchive([{ name: 'a.txt', data: ascii('a\n') }]),
    'polyglot-jpeg-zip.jpg': jpegZipPolyglot(jpeg),
  };
  mkdirSync(outDir, { recursive: true });
  return Object.entries(files).map(([name, bytes]) => {
    writeFileSync(join(outDir, name), bytes);
    return name;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node apps/server/dist/scripts/hostile-files.js <out-dir>');
    process.exit(2);
  }
  for (const name of writeHostileFiles(outDir)) console.log(join(outDir, name));
}
