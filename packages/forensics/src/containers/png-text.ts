import { inflateSync } from 'fflate';

/** A PNG text chunk (`tEXt`, `zTXt` or `iTXt`). */
export interface PngTextChunk {
  readonly type: 'tEXt' | 'zTXt' | 'iTXt';
  readonly keyword: string;
  readonly text: string;
  /** iTXt language tag, when given. */
  readonly language?: string;
}

/** Upper bound for one decompressed text chunk, so a zlib bomb in a zTXt/iTXt chunk cannot exhaust memory. */
export const MAX_PNG_TEXT_BYTES = 8 * 1024 * 1024;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function inflateLimited(data: Uint8Array): Uint8Array | undefined {
  try {
    const out = inflateSync(data, { out: undefined });
    return out.length > MAX_PNG_TEXT_BYTES ? undefined : out;
  } catch {
    return undefined;
  }
}

/**
 * Lists the text chunks of a PNG. Lenient: a damaged chunk ends the walk and what was read so far is returned.
 * Chunks larger than {@link MAX_PNG_TEXT_BYTES} are skipped.
 * @param bytes the whole PNG file
 */
export function readPngTextChunks(bytes: Uint8Array): PngTextChunk[] {
  const chunks: PngTextChunk[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!, bytes[offset + 6]!, bytes[offset + 7]!);
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) break;
    if (type === 'IEND') break;
    if ((type === 'tEXt' || type === 'zTXt' || type === 'iTXt') && length <= MAX_PNG_TEXT_BYTES) {
      const chunk = parseTextChunk(type, bytes.subarray(dataStart, dataEnd));
      if (chunk) chunks.push(chunk);
    }
    offset = dataEnd + 4;
  }
  return chunks;
}

function parseTextChunk(type: PngTextChunk['type'], data: Uint8Array): PngTextChunk | undefined {
  const nul = data.indexOf(0);
  if (nul <= 0) return undefined;
  const keyword = latin1.decode(data.subarray(0, nul));
  if (type === 'tEXt') return { type, keyword, text: latin1.decode(data.subarray(nul + 1)) };
  if (type === 'zTXt') {
    const inflated = inflateLimited(data.subarray(nul + 2));
    return inflated ? { type, keyword, text: latin1.decode(inflated) } : undefined;
  }
  // iTXt: keyword \0 compressionFlag compressionMethod languageTag \0 translatedKeyword \0 text
  const compressed = data[nul + 1] === 1;
  const langEnd = data.indexOf(0, nul + 3);
  if (langEnd < 0) return undefined;
  const translatedEnd = data.indexOf(0, langEnd + 1);
  if (translatedEnd < 0) return undefined;
  const language = latin1.decode(data.subarray(nul + 3, langEnd));
  const body = data.subarray(translatedEnd + 1);
  const raw = compressed ? inflateLimited(body) : body;
  if (!raw) return undefined;
  return { type, keyword, text: utf8.decode(raw), ...(language ? { language } : {}) };
}
