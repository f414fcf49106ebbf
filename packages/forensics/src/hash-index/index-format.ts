/**
 * The serialised index, version 2: a 64-byte header, a section table, then typed-array sections, each 8-byte
 * aligned so that a loaded file is used in place without copying. All numbers little-endian.
 *
 * | offset | field                                                                      |
 * | ------ | -------------------------------------------------------------------------- |
 * | 0      | magic `PDQHIDX\0`                                                          |
 * | 8      | u32 format version (2)                                                     |
 * | 12     | u32 header bytes (64 + 8 per section)                                      |
 * | 16     | u32 total bytes                                                            |
 * | 20     | u32 XXH32 of bytes 24..total                                               |
 * | 24     | u32 main-segment hashes; 28 dual chunks; 32 delta hashes; 36 delta limit   |
 * | 40     | u32 flags (bit 0: scans allowed); 44 u32 section count; 48..63 zero        |
 * | 64     | per section: u32 offset, u32 byte length                                   |
 *
 * Sections, in order: ids (u32 × n), slot links (u8 × 3n), removed bitmap (u32 × ⌈n/32⌉); for each of the 8
 * chunks the key-high table's directory (u32 × 65,537), filters (u16 × n) and links (u8 × 3n); the directory and
 * filters of the key-low table of each dual chunk (no links); delta ids (u32 × d) and delta hashes (u32 × 8d). The main segment's hashes
 * are not a section: its tables hold them (the ring, `segment.ts`). Version 1 held them as a section, with slots
 * instead of links in the tables; it is refused, and rebuilt from the database by whoever owns the file.
 */
import { KEY_BITS } from './key-masks.js';
import { CHUNKS } from './search-plan.js';

/** Format version written by this code; other versions are refused. */
export const HASH_INDEX_FORMAT_VERSION = 2;
/** The first 8 bytes of every serialised index: `PDQHIDX` and a NUL. */
export const HASH_INDEX_MAGIC: Uint8Array = new Uint8Array([0x50, 0x44, 0x51, 0x48, 0x49, 0x44, 0x58, 0x00]);
/** Fixed header bytes before the section table. */
export const HEADER_BYTES = 64;
/** Where the checksummed bytes start (everything after the checksum field). */
export const CHECKSUM_FROM = 24;

/** Why a serialised index was refused. */
export type HashIndexFormatErrorCode =
  'not_an_index' | 'unsupported_version' | 'truncated' | 'corrupt' | 'unsupported_host';

/** A serialised index that cannot be loaded, with why. */
export class HashIndexFormatError extends Error {
  readonly code: HashIndexFormatErrorCode;

  constructor(code: HashIndexFormatErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HashIndexFormatError';
    this.code = code;
  }
}

/** Element type of a section. */
export type SectionElement = 'u8' | 'u16' | 'u32';

/** What a section holds and how many elements it must have. */
export interface SectionSpec {
  readonly name: string;
  readonly element: SectionElement;
  readonly length: number;
}

/** Bytes per element. */
export const ELEMENT_BYTES: Readonly<Record<SectionElement, number>> = { u8: 1, u16: 2, u32: 4 };

/** The sections of an index with `count` main-segment hashes, `dualChunks` dual chunks and `deltaCount` delta hashes. */
export function sectionSpecs(count: number, dualChunks: number, deltaCount: number): SectionSpec[] {
  const table = (side: string, j: number): SectionSpec[] => [
    { name: `${side} table ${j} directory`, element: 'u32', length: (1 << KEY_BITS) + 1 },
    { name: `${side} table ${j} filters`, element: 'u16', length: count },
    ...(side === 'key-high' ? [{ name: `${side} table ${j} links`, element: 'u8' as const, length: count * 3 }] : []),
  ];
  return [
    { name: 'ids', element: 'u32', length: count },
    { name: 'slot links', element: 'u8', length: count * 3 },
    { name: 'removed bitmap', element: 'u32', length: Math.ceil(count / 32) },
    ...Array.from({ length: CHUNKS }, (_, j) => table('key-high', j)).flat(),
    ...Array.from({ length: dualChunks }, (_, j) => table('key-low', j)).flat(),
    { name: 'delta ids', element: 'u32', length: deltaCount },
    { name: 'delta hashes', element: 'u32', length: deltaCount * 8 },
  ];
}

/** Whether typed arrays on this host are little-endian (the format's byte order). */
export const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** `n` rounded up to a multiple of 8. */
export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
