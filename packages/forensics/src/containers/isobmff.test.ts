import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath } from '../testing/paths.js';
import { IsoBmffError, orientationOf, readBoxes, readHeifHeader, type HeifTransform } from './isobmff.js';

const enc = (s: string) => new TextEncoder().encode(s);
const u8 = (...n: number[]) => new Uint8Array(n);
const u16 = (n: number) => u8(n >> 8, n & 0xff);
const u32 = (n: number) => u8(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const cat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((o, p) => (out.set(p, o), o + p.length), 0);
  return out;
};
const box = (type: string, ...content: Uint8Array[]) => {
  const body = cat(...content);
  return cat(u32(body.length + 8), enc(type), body);
};
const full = (type: string, version: number, ...content: Uint8Array[]) => box(type, u8(version, 0, 0, 0), ...content);

/** Pieces of a minimal HEIF: one hvc1 item (id 1) with ispe and the given extra properties, data in mdat. */
interface Parts {
  properties?: Uint8Array[];
  ispe?: boolean;
  handler?: string;
  ipma?: Uint8Array;
  iinf?: Uint8Array;
  extentLength?: number;
  extra?: Uint8Array[];
}
function heif(p: Parts = {}): Uint8Array {
  const properties = [...(p.ispe === false ? [] : [full('ispe', 0, u32(640), u32(480))]), ...(p.properties ?? [])];
  const indices = properties.map((_, i) => 0x80 | (i + 1));
  const ipma = p.ipma ?? full('ipma', 0, u32(1), u16(1), u8(indices.length, ...indices));
  const iinf = p.iinf ?? full('iinf', 0, u16(1), full('infe', 2, u16(1), u16(0), enc('hvc1'), u8(0)));
  const payload = enc('coded-image-data');
  const meta = (offset: number) =>
    full(
      'meta',
      0,
      full('hdlr', 0, u32(0), enc(p.handler ?? 'pict'), u32(0), u32(0), u32(0), u8(0)),
      full('pitm', 0, u16(1)),
      iinf,
      box('iprp', box('ipco', ...properties), ipma),
      // iloc v0: offset_size 4, length_size 4, base_offset_size 0; one item, one extent
      full(
        'iloc',
        0,
        u8(0x44, 0x00),
        u16(1),
        u16(1),
        u16(0),
        u16(1),
        u32(offset),
        u32(p.extentLength ?? payload.length),
      ),
      ...(p.extra ?? []),
    );
  const ftyp = box('ftyp', enc('heic'), u32(0), enc('mif1'), enc('heic'));
  const probe = meta(0);
  return cat(ftyp, meta(ftyp.length + probe.length + 8), box('mdat', payload));
}
const irot = (quarterTurns: number) => box('irot', u8(quarterTurns));
const imir = (mode: number) => box('imir', u8(mode));

function problemOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof IsoBmffError, `expected an IsoBmffError, got ${String(error)}`);
    return error.problem;
  }
  return 'none';
}

void describe('readBoxes', () => {
  void it('lists boxes with their ranges, incl. size 0 (to the end), 64-bit sizes and uuid headers', () => {
    const large = cat(u32(1), enc('free'), u32(0), u32(20), u32(7));
    const uuid = cat(u32(28), enc('uuid'), new Uint8Array(16), u32(9));
    const last = cat(u32(0), enc('mdat'), u8(1, 2, 3));
    const file = cat(box('ftyp', enc('heic')), large, uuid, last);
    assert.deepEqual(
      readBoxes(file).map((b) => [b.type, b.start, b.contentStart, b.end]),
      [
        ['ftyp', 0, 8, 12],
        ['free', 12, 28, 32],
        ['uuid', 32, 56, 60],
        ['mdat', 60, 68, 71],
      ],
    );
  });

  const malformed: [string, Uint8Array, string][] = [
    ['a size smaller than the header', cat(u32(6), enc('pitm'), u8(0, 0)), 'corrupt'],
    ['a 64-bit size smaller than its 16-byte header', cat(u32(1), enc('free'), u32(0), u32(12)), 'corrupt'],
    ['a top-level box running past the end of the file', cat(u32(100), enc('mdat'), u8(1, 2)), 'truncated'],
    ['a 64-bit size past 2^53', cat(u32(1), enc('mdat'), u32(0xffffffff), u32(0xffffffff)), 'truncated'],
    ['a file ending inside a box header', cat(box('ftyp', enc('heic')), u8(0, 0, 0)), 'truncated'],
    ['a box type that is not text', cat(u32(12), u8(0xb0, 0x61, 0xc9, 0xf0), u32(0)), 'corrupt'],
  ];
  for (const [what, bytes, problem] of malformed) {
    void it(`reports ${what} as ${problem}`, () =>
      assert.equal(
        problemOf(() => readBoxes(bytes)),
        problem,
      ));
  }

  void it('reports a box overrunning its parent as corrupt, and the same box overrunning the file as truncated', () => {
    const child = cat(u32(100), enc('ipco'));
    const file = cat(box('iprp', child), box('free'));
    assert.equal(
      problemOf(() => readBoxes(file, 8, 8 + child.length)),
      'corrupt',
    );
    assert.equal(
      problemOf(() => readBoxes(child)),
      'truncated',
    );
  });
});

void describe('orientationOf', () => {
  const cases: [HeifTransform[], number][] = [
    [[], 1],
    [[{ kind: 'mirror', axis: 'vertical' }], 2],
    [[{ kind: 'rotate', degrees: 180 }], 3],
    [[{ kind: 'mirror', axis: 'horizontal' }], 4],
    [
      [
        { kind: 'rotate', degrees: 270 },
        { kind: 'mirror', axis: 'vertical' },
      ],
      5,
    ],
    [[{ kind: 'rotate', degrees: 270 }], 6],
    [
      [
        { kind: 'rotate', degrees: 270 },
        { kind: 'mirror', axis: 'horizontal' },
      ],
      7,
    ],
    [[{ kind: 'rotate', degrees: 90 }], 8],
    // order matters: mirroring first, then turning, is the other diagonal
    [
      [
        { kind: 'mirror', axis: 'vertical' },
        { kind: 'rotate', degrees: 270 },
      ],
      7,
    ],
    [
      [
        { kind: 'rotate', degrees: 90 },
        { kind: 'rotate', degrees: 90 },
        { kind: 'rotate', degrees: 180 },
      ],
      1,
    ],
  ];
  for (const [transforms, orientation] of cases) {
    void it(`${JSON.stringify(transforms)} → ${orientation}`, () =>
      assert.equal(orientationOf(transforms), orientation));
  }
});

void describe('readHeifHeader on built files', () => {
  void it('reads brands, primary item, size, transforms and the top-level items', () => {
    const header = readHeifHeader(heif({ properties: [irot(3), imir(1)] }));
    assert.equal(header.majorBrand, 'heic');
    assert.deepEqual(header.compatibleBrands, ['mif1', 'heic']);
    assert.equal(header.primaryItemId, 1);
    assert.equal(header.itemType, 'hvc1');
    assert.deepEqual([header.width, header.height], [640, 480]);
    assert.deepEqual(header.transforms, [
      { kind: 'rotate', degrees: 270 },
      { kind: 'mirror', axis: 'vertical' },
    ]);
    assert.equal(header.orientation, 5);
    assert.deepEqual(header.topLevelItemIds, [1]);
  });

  void it('crops the size by clap', () => {
    const clap = box('clap', u32(600), u32(1), u32(400), u32(1), u32(0), u32(1), u32(0), u32(1));
    const header = readHeifHeader(heif({ properties: [clap] }));
    assert.deepEqual([header.width, header.height], [600, 400]);
  });

  const broken: [string, Parts, string][] = [
    ['a primary item without ispe', { ispe: false }, 'corrupt'],
    ['a non-picture handler', { handler: 'vide' }, 'unsupported'],
    [
      'ipma pointing at a property that does not exist',
      { ipma: full('ipma', 0, u32(1), u16(1), u8(1, 0x85)) },
      'corrupt',
    ],
    ['ipma claiming 4 billion entries', { ipma: full('ipma', 0, u32(0xffffffff), u16(1), u8(0)) }, 'corrupt'],
    [
      'iinf declaring more items than it holds',
      { iinf: full('iinf', 0, u16(9), full('infe', 2, u16(1), u16(0), enc('hvc1'))) },
      'corrupt',
    ],
    ['an infe too short for its fields', { iinf: full('iinf', 0, u16(1), full('infe', 2, u16(1))) }, 'corrupt'],
    ['item data past the end of the file', { extentLength: 1_000_000 }, 'truncated'],
    ['two pitm boxes', { extra: [full('pitm', 0, u16(1))] }, 'corrupt'],
  ];
  for (const [what, parts, problem] of broken) {
    void it(`reports ${what} as ${problem}`, () =>
      assert.equal(
        problemOf(() => readHeifHeader(heif(parts))),
        problem,
      ));
  }

  void it('refuses a file without ftyp, and one without meta (a video or sequence)', () => {
    assert.equal(
      problemOf(() => readHeifHeader(box('mdat', u8(1)))),
      'corrupt',
    );
    assert.equal(
      problemOf(() => readHeifHeader(box('ftyp', enc('msf1'), u32(0)))),
      'unsupported',
    );
  });
});

void describe('readHeifHeader on real files', () => {
  const read = (name: string) => readHeifHeader(new Uint8Array(readFileSync(fixturePath('decode', name))));

  void it('cheers_1440x960.heic: 1440×960, upright', () => {
    const h = read('cheers_1440x960.heic');
    assert.deepEqual([h.itemType, h.width, h.height, h.orientation], ['hvc1', 1440, 960, 1]);
  });

  void it('an iPhone XR portrait photo: a 4032×3024 grid turned by irot 270° (= EXIF orientation 6)', () => {
    const h = read('iphone-xr-irot270-exif6.heic');
    assert.deepEqual([h.itemType, h.width, h.height, h.orientation], ['grid', 4032, 3024, 6]);
    assert.equal(h.topLevelItemIds.length, 1);
  });

  const crashers: [string, string, RegExp][] = [
    ['IllegalArgumentException.HeifReader.processBoxes.heif', 'corrupt', /invalid box type/],
    ['NegativeArraySizeException.HeifReader.processBoxes.heif', 'corrupt', /'pitm'.*less than its header/],
    ['NegativeArraySizeException.ItemInfoBox.init.heif', 'corrupt', /'infe'.*in its parent/],
  ];
  for (const [name, problem, message] of crashers) {
    void it(`${name} (crashed metadata-extractor) → ${problem}`, () => {
      assert.throws(
        () => read(name),
        (e: unknown) => e instanceof IsoBmffError && e.problem === problem && message.test(e.message),
      );
    });
  }

  void it('NullPointerException.HeifPictureHandler.processBox.heif has an intact container (its damage is in the coded data)', () => {
    assert.equal(read('NullPointerException.HeifPictureHandler.processBox.heif').width, 1440);
  });
});
