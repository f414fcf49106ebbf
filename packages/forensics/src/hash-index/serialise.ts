/** Writing an index as one `Uint8Array` in the format of `index-format.ts`. */
import { xxhash32 } from './xxhash32.js';
import type { HashIndex } from './hash-index.js';
import {
  align8,
  CHECKSUM_FROM,
  ELEMENT_BYTES,
  HASH_INDEX_FORMAT_VERSION,
  HASH_INDEX_MAGIC,
  HashIndexFormatError,
  HEADER_BYTES,
  LITTLE_ENDIAN_HOST,
  sectionSpecs,
} from './index-format.js';
import { CHUNKS } from './search-plan.js';

/**
 * The index as bytes: header, section table, the typed arrays as they are in memory, and a checksum. Loading
 * them back (`deserialiseHashIndex`) needs no rebuild.
 * @returns about the index's memory size (`index.memory().totalBytes` less scratch)
 * @throws {HashIndexFormatError} `unsupported_host` on a big-endian host; {RangeError} beyond 4 GiB
 */
export function serialiseHashIndex(index: HashIndex): Uint8Array {
  if (!LITTLE_ENDIAN_HOST) throw new HashIndexFormatError('unsupported_host', 'Big-endian hosts are not supported');
  const { settings, segment, removed, deltaIds, deltaWords } = index.state();
  const arrays: ArrayBufferView[] = [segment.ids, segment.slotLinks, removed];
  for (let j = 0; j < CHUNKS; j++) {
    const { directory, filters, links } = segment.highTables[j]!;
    arrays.push(directory, filters, links);
  }
  for (let j = 0; j < settings.dualChunks; j++) {
    const { directory, filters } = segment.lowTables[j]!;
    arrays.push(directory, filters);
  }
  arrays.push(deltaIds, deltaWords);
  const specs = sectionSpecs(segment.count, settings.dualChunks, deltaIds.length);
  const headerBytes = HEADER_BYTES + 8 * specs.length;
  const offsets: number[] = [];
  let total = align8(headerBytes);
  specs.forEach((spec, i) => {
    if (arrays[i]!.byteLength !== spec.length * ELEMENT_BYTES[spec.element]) {
      throw new Error(`Internal: section ${spec.name} holds ${arrays[i]!.byteLength} bytes`);
    }
    offsets.push(total);
    total += align8(arrays[i]!.byteLength);
  });
  if (total > 0xffffffff) throw new RangeError(`A serialised index is limited to 4 GiB; this one needs ${total} bytes`);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set(HASH_INDEX_MAGIC, 0);
  const header = [
    HASH_INDEX_FORMAT_VERSION,
    headerBytes,
    total,
    0,
    segment.count,
    settings.dualChunks,
    deltaIds.length,
    settings.deltaLimit,
    settings.allowScan ? 1 : 0,
    specs.length,
  ];
  header.forEach((value, i) => view.setUint32(8 + 4 * i, value, true));
  specs.forEach((_, i) => {
    const array = arrays[i]!;
    view.setUint32(HEADER_BYTES + 8 * i, offsets[i]!, true);
    view.setUint32(HEADER_BYTES + 8 * i + 4, array.byteLength, true);
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offsets[i]);
  });
  view.setUint32(20, xxhash32(bytes.subarray(CHECKSUM_FROM)), true);
  return bytes;
}
