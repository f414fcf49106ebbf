/** Image formats the core accepts. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'heif' | 'avif';

/** What a byte sniff found: a supported image format, or a named thing we refuse. */
export type SniffResult =
  | { readonly kind: 'image'; readonly format: ImageFormat; readonly mimeType: string }
  | { readonly kind: 'unsupported'; readonly what: string; readonly whatZh: string };

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  heif: 'image/heif',
  avif: 'image/avif',
};

const ZH: Record<string, string> = {
  'empty file (0 bytes)': '空文件（0 字节）',
  'ZIP archive': 'ZIP 压缩包',
  'PDF document': 'PDF 文档',
  'BMP bitmap': 'BMP 位图',
  'JPEG XL image': 'JPEG XL 图片',
  'gzip archive': 'gzip 压缩包',
  'SVG vector image': 'SVG 矢量图',
  'HTML document': 'HTML 网页',
  'unrecognised content': '无法识别的内容',
};

function unsupported(what: string): SniffResult {
  const iso = /^ISO media file \(brand (.*)\), not a still image$/.exec(what);
  return {
    kind: 'unsupported',
    what,
    whatZh: ZH[what] ?? (iso ? `ISO 媒体文件（品牌 ${iso[1]}），不是静态图片` : what),
  };
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < Math.min(bytes.length, start + length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

/**
 * The first 512 characters as text, for spotting markup: UTF-16 when a UTF-16 byte-order mark says so, otherwise
 * byte by byte with a UTF-8 byte-order mark dropped (reading bytes as Latin-1 turns that mark into "ï»¿", not U+FEFF).
 */
function textHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 1026);
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return ascii(head, startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0, 512);
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'heif']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

function sniffIsoBmff(bytes: Uint8Array): SniffResult | undefined {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return undefined;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : 32);
  const brands = [ascii(bytes, 8, 4)];
  for (let o = 16; o + 4 <= end; o += 4) brands.push(ascii(bytes, o, 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return { kind: 'image', format: 'avif', mimeType: MIME.avif };
  if (brands.some((b) => HEIF_BRANDS.has(b))) return { kind: 'image', format: 'heif', mimeType: MIME.heif };
  return unsupported(`ISO media file (brand ${brands[0]!.trim() || '?'}), not a still image`);
}

/**
 * Identifies a file's format from its first bytes, never from its name.
 * @param bytes the file's bytes (the first 64 suffice)
 * @example sniffFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // { kind: 'image', format: 'jpeg', … }
 */
export function sniffFormat(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return unsupported('empty file (0 bytes)');
  const image = (format: ImageFormat): SniffResult => ({ kind: 'image', format, mimeType: MIME[format] });
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return image('jpeg');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('png');
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return image('webp');
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return image('gif');
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return image('tiff');
  const iso = sniffIsoBmff(bytes);
  if (iso) return iso;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return unsupported('ZIP archive');
  if (ascii(bytes, 0, 5) === '%PDF-') return unsupported('PDF document');
  if (ascii(bytes, 0, 2) === 'BM') return unsupported('BMP bitmap');
  if (startsWith(bytes, [0xff, 0x0a]) || startsWith(bytes, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20]))
    return unsupported('JPEG XL image');
  if (startsWith(bytes, [0x1f, 0x8b])) return unsupported('gzip archive');
  const head = textHead(bytes).trimStart().toLowerCase();
  // HTML first: a page may carry inline <svg> icons and is still a page.
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return unsupported('HTML document');
  if (head.includes('<svg')) return unsupported('SVG vector image');
  return unsupported('unrecognised content');
}

/** The MIME type of a supported format. */
export function mimeTypeOf(format: ImageFormat): string {
  return MIME[format];
}
