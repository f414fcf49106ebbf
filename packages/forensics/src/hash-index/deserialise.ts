/**
 * Loading a serialised index: every length, offset and the checksum are checked before any array is used, and
 * the sections become typed-array views on the given bytes (no copy when they are 8-byte aligned).
 */
import { chunkTable, maxLink, type ChunkTable } from './chunk-table.js';
import { HashIndex } from './hash-index.js';
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
  type SectionElement,
} from './index-format.js';
import { KEY_BITS } from './key-masks.js';
import { CHUNKS } from './search-plan.js';
import type { Segment } from './segment.js';
import { xxhash32 } from './xxhash32.js';

function corrupt(message: string): HashIndexFormatError {
  return new HashIndexFormatError('corrupt', `Corrupt hash index: ${message}`);
}

function viewOf(bytes: Uint8Array, element: SectionElement, offset: number, length: number): ArrayBufferView {
  const at = bytes.byteOffset + offset;
  if (element === 'u8') return new Uint8Array(bytes.buffer, at, length);
  if (element === 'u16') return new Uint16Array(bytes.buffer, at, length);
  return new Uint32Array(bytes.buffer, at, length);
}

/** Links must stay inside the tables they point into (all hold `count` entries), or a walk would read past them. */
function checkLinks(links: Uint8Array, count: number, name: string): void {
  const max = maxLink(links);
  if (max >= count) throw corrupt(`${name} point to entry ${max} of ${count}`);
}

/** Checks that a directory starts at 0, never decreases and ends at the entry count. */
function checkDirectory(directory: Uint32Array, count: number, name: string): void {
  if (directory[0] !== 0 || directory[1 << KEY_BITS] !== count) throw corrupt(`${name} does not span ${count} entries`);
  for (let k = 0; k < 1 << KEY_BITS; k++) {
    if (directory[k]! > directory[k + 1]!) throw corrupt(`${name} decreases at key ${k}`);
  }
}

/**
 * The index held in `bytes` (written by `serialiseHashIndex`). The index keeps views on `bytes`' buffer: do not
 * change it afterwards.
 * @throws {HashIndexFormatError} with code `not_an_index` (wrong magic), `unsupported_version`, `truncated`
 *   (fewer bytes than the header declares), `corrupt` (checksum, lengths, offsets or ordering wrong) or
 *   `unsupported_host` (big-endian)
 */
export function deserialiseHashIndex(bytes: Uint8Array): HashIndex {
  if (!LITTLE_ENDIAN_HOST) throw new HashIndexFormatError('unsupported_host', 'Big-endian hosts are not supported');
  const magicLength = Math.min(bytes.length, HASH_INDEX_MAGIC.length);
  if (magicLength === 0 || HASH_INDEX_MAGIC.some((b, i) => i < magicLength && bytes[i] !== b)) {
    throw new HashIndexFormatError('not_an_index', 'Not a hash index: the file does not start with PDQHIDX');
  }
  if (bytes.length < HEADER_BYTES) {
    throw new HashIndexFormatError('truncated', `Truncated hash index: ${bytes.length} bytes, not even the header`);
  }
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const u32 = (at: number) => view.getUint32(at, true);
  const version = u32(8);
  if (version !== HASH_INDEX_FORMAT_VERSION) {
    throw new HashIndexFormatError(
      'unsupported_version',
      `Hash index format version ${version} is not supported (this code reads version ${HASH_INDEX_FORMAT_VERSION})`,
    );
  }
  const total = u32(16);
  if (bytes.length < total) {
    throw new HashIndexFormatError('truncated', `Truncated hash index: ${bytes.length} of ${total} bytes`);
  }
  if (bytes.length > total) throw corrupt(`${bytes.length - total} bytes after the declared end (${total})`);
  const checksum = xxhash32(bytes.subarray(CHECKSUM_FROM));
  if (checksum !== u32(20)) {
    throw corrupt(`checksum ${checksum.toString(16)} does not match the stored ${u32(20).toString(16)}`);
  }
  const [count, dualChunks, deltaCount, deltaLimit, flags, sectionCount] = [24, 28, 32, 36, 40, 44].map(u32) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (dualChunks > CHUNKS) throw corrupt(`${dualChunks} dual chunks`);
  const specs = sectionSpecs(count, dualChunks, deltaCount);
  if (sectionCount !== specs.length || u32(12) !== HEADER_BYTES + 8 * specs.length) {
    throw corrupt(`${sectionCount} sections where ${specs.length} are expected`);
  }
  const arrays = specs.map((spec, i) => {
    const offset = u32(HEADER_BYTES + 8 * i);
    const byteLength = u32(HEADER_BYTES + 8 * i + 4);
    if (byteLength !== spec.length * ELEMENT_BYTES[spec.element]) {
      throw corrupt(`section ${spec.name} has ${byteLength} bytes, not ${spec.length * ELEMENT_BYTES[spec.element]}`);
    }
    if (offset % 8 !== 0 || offset < align8(u32(12)) || offset + byteLength > total) {
      throw corrupt(`section ${spec.name} lies outside the file (offset ${offset})`);
    }
    return viewOf(bytes, spec.element, offset, spec.length);
  });
  let next = 0;
  const take = <T extends ArrayBufferView>() => arrays[next++] as T;
  const ids = take<Uint32Array>();
  for (let s = 1; s < count; s++) if (ids[s - 1]! >= ids[s]!) throw corrupt(`ids not ascending at slot ${s}`);
  const slotLinks = take<Uint8Array>();
  checkLinks(slotLinks, count, 'slot links');
  const removed = take<Uint32Array>().slice();
  const readTable = (name: string, linked: boolean): ChunkTable => {
    const directory = take<Uint32Array>();
    const filters = take<Uint16Array>();
    const links = linked ? take<Uint8Array>() : undefined;
    checkDirectory(directory, count, `${name} directory`);
    if (links !== undefined) checkLinks(links, count, `${name} links`);
    return chunkTable(directory, filters, links);
  };
  const highTables = Array.from({ length: CHUNKS }, (_, j) => readTable(`key-high table ${j}`, true));
  const lowTables = Array.from({ length: CHUNKS }, (_, j) =>
    j < dualChunks ? readTable(`key-low table ${j}`, false) : undefined,
  );
  const segment: Segment = { count, ids, slotLinks, dualMask: (1 << dualChunks) - 1, highTables, lowTables };
  const deltaIds = take<Uint32Array>();
  const deltaWords = take<Uint32Array>();
  try {
    return HashIndex.fromState({
      settings: { dualChunks, deltaLimit, allowScan: (flags & 1) === 1 },
      segment,
      removed,
      deltaIds,
      deltaWords,
    });
  } catch (cause) {
    throw corrupt(cause instanceof Error ? cause.message : String(cause));
  }
}
