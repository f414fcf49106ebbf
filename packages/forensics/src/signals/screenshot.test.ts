import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PngTextChunk } from '../containers/png-text.js';
import type { DecodedImage, RawMetadata } from '../ports.js';
import type { ImageFormat } from '../sniff.js';
import { findStatusBar, flatShare } from './screen-pixels.js';
import { matchScreenSize } from './screen-sizes.js';
import { screenshotSignal } from './screenshot.js';
import type { SignalContext, SignalResult } from './signal.js';

type Paint = (x: number, y: number) => [number, number, number] | undefined;

/** A w×h RGB image filled with `background`, with `paint` drawn over it. */
function image(w: number, h: number, background: [number, number, number], paint?: Paint): DecodedImage {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) data.set(paint?.(x, y) ?? background, (y * w + x) * 3);
  }
  return { width: w, height: h, channels: 3, data };
}

const inBox = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) =>
  x >= x0 && x < x1 && y >= y0 && y < y1;

/** A 118×256 preview of a phone screenshot: a status bar (clock left, icons right) over a page with a photo. */
const phonePreview = (bar: [number, number, number], ink: [number, number, number]) =>
  image(118, 256, [244, 244, 244], (x, y) => {
    if (y < 12) {
      const glyph =
        y >= 6 && y <= 9 && (inBox(x, y, 11, 6, 22, 10) ? x % 3 !== 2 : inBox(x, y, 88, 6, 110, 10) && x % 4 !== 3);
      return glyph ? ink : bar;
    }
    if (inBox(x, y, 0, 30, 118, 150)) return [(x * 7) % 200, (y * 5) % 180, 90]; // the listing photo
    return undefined;
  });

/** A listing photo on white: a dark product whose top edge is in the top rows (bag handles, a hood). */
const listingPreview = (topOfProduct: number) =>
  image(206, 256, [255, 255, 255], (x, y) => {
    const handle = y >= topOfProduct && y < 120 && (Math.abs(x - 70) < 3 || Math.abs(x - 136) < 3);
    const body = inBox(x, y, 40, 120, 166, 240);
    return handle || body ? [20, 20, 22] : undefined;
  });

const noise = (w: number, h: number) =>
  image(w, h, [0, 0, 0], (x, y) => {
    const v = (x * 73 + y * 151 + ((x * y) % 17) * 29) % 256;
    return [v, (v * 3) % 256, (v * 7) % 256];
  });

function context(options: {
  width: number;
  height: number;
  format?: ImageFormat;
  preview: DecodedImage;
  exif?: Record<string, unknown>;
  xmp?: string[];
  pngText?: PngTextChunk[];
}): SignalContext {
  const meta: RawMetadata = { exif: options.exif ?? {}, xmp: options.xmp ?? [], iptc: {}, errors: [] };
  return {
    width: options.width,
    height: options.height,
    format: options.format ?? 'png',
    preview: options.preview,
    meta,
    pngText: options.pngText ?? [],
  } as unknown as SignalContext;
}

const run = (ctx: SignalContext) => screenshotSignal.run(ctx) as SignalResult;
const xmp = (body: string, ns: string) =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" ${ns}>${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;

describe('findStatusBar', () => {
  it('finds a white bar with dark glyphs and a coloured bar with white glyphs', () => {
    const white = findStatusBar(phonePreview([255, 255, 255], [17, 17, 17]));
    assert.deepEqual(white?.glyphRows, [6, 9]);
    assert.equal(white?.groups.length, 2);
    assert.ok(findStatusBar(phonePreview([255, 80, 0], [255, 255, 255])));
  });
  it('rejects listing photos on white, noise, a blank top and glyphs that run on downwards', () => {
    assert.equal(findStatusBar(listingPreview(8)), undefined, 'handles reaching into the top rows run on downwards');
    assert.equal(findStatusBar(listingPreview(60)), undefined, 'nothing in the top rows');
    assert.equal(findStatusBar(noise(118, 256)), undefined);
    assert.equal(findStatusBar(image(118, 256, [255, 255, 255])), undefined);
    const solidBlock = image(118, 256, [255, 255, 255], (x, y) =>
      inBox(x, y, 10, 5, 108, 10) ? [0, 0, 0] : undefined,
    );
    assert.equal(findStatusBar(solidBlock), undefined, 'one wide shape is not glyph groups');
  });
});

describe('matchScreenSize and flatShare', () => {
  it('matches screen sizes in both orientations, preferring the stated one', () => {
    assert.equal(matchScreenSize(1170, 2532)?.device, 'iPhone 12/13/14');
    assert.equal(matchScreenSize(2532, 1170)?.device, 'iPhone 12/13/14');
    assert.equal(matchScreenSize(1920, 1080)?.kind, 'desktop');
    assert.equal(matchScreenSize(1080, 1340), undefined);
    assert.equal(matchScreenSize(4000, 3000), undefined);
  });
  it('is 1 for a flat fill and near 0 for noise', () => {
    assert.equal(flatShare(image(50, 50, [255, 255, 255])), 1);
    assert.ok(flatShare(noise(50, 50)) < 0.05);
  });
});

describe('screenshotSignal', () => {
  const photoPreview = noise(118, 256);
  const cases: {
    name: string;
    ctx: SignalContext;
    expect?: { severity: 'warn' | 'info'; score: number; mentions: string };
  }[] = [
    {
      name: 'macOS UserComment "Screenshot" (EXIF)',
      ctx: context({ width: 640, height: 400, preview: noise(256, 160), exif: { UserComment: 'Screenshot' } }),
      expect: { severity: 'warn', score: 0.45, mentions: 'UserComment' },
    },
    {
      name: 'macOS UserComment "Screenshot" (XMP only)',
      ctx: context({
        width: 640,
        height: 400,
        preview: noise(256, 160),
        xmp: [xmp('<exif:UserComment>Screenshot</exif:UserComment>', 'xmlns:exif="http://ns.adobe.com/exif/1.0/"')],
      }),
      expect: { severity: 'warn', score: 0.45, mentions: 'XMP UserComment' },
    },
    {
      name: 'IPTC DigitalSourceType screenCapture',
      ctx: context({
        width: 540,
        height: 670,
        preview: photoPreview,
        xmp: [
          xmp(
            '<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/screenCapture</Iptc4xmpExt:DigitalSourceType>',
            'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
          ),
        ],
      }),
      expect: { severity: 'warn', score: 0.45, mentions: 'screenCapture' },
    },
    {
      name: 'a screenshot tool in a PNG Software chunk',
      ctx: context({
        width: 700,
        height: 500,
        preview: photoPreview,
        pngText: [{ type: 'tEXt', keyword: 'Software', text: 'gnome-screenshot' }],
      }),
      expect: { severity: 'warn', score: 0.45, mentions: 'gnome-screenshot' },
    },
    {
      name: 'phone screen size, no camera data, status bar',
      ctx: context({ width: 1170, height: 2532, preview: phonePreview([255, 255, 255], [17, 17, 17]) }),
      expect: { severity: 'warn', score: 0.405, mentions: 'iPhone 12/13/14' },
    },
    {
      name: 'a forwarded screenshot: status bar and phone shape, no longer a screen size, JPEG',
      ctx: context({ width: 499, height: 1080, format: 'jpeg', preview: phonePreview([255, 255, 255], [17, 17, 17]) }),
      expect: { severity: 'info', score: 0.27, mentions: 'phone screen' },
    },
    {
      name: 'desktop screen size, PNG, flat UI, no bar',
      ctx: context({ width: 1920, height: 1080, preview: image(256, 144, [245, 245, 245]) }),
      expect: { severity: 'info', score: 0.18, mentions: 'flat' },
    },
    {
      name: 'screen-sized photo converted to WebP (not flat): silent',
      ctx: context({ width: 1280, height: 720, format: 'webp', preview: noise(256, 144) }),
    },
    {
      name: 'status bar look-alike but camera data present: silent',
      ctx: context({
        width: 1170,
        height: 2532,
        preview: phonePreview([255, 255, 255], [17, 17, 17]),
        exif: { Make: 'Apple', Model: 'iPhone 13', ExposureTime: 0.01 },
      }),
    },
    {
      name: 'listing photo on white with handles at the top: silent',
      ctx: context({ width: 1080, height: 1340, format: 'jpeg', preview: listingPreview(8) }),
    },
    {
      name: 'stripped camera photo: silent',
      ctx: context({ width: 960, height: 1280, format: 'jpeg', preview: photoPreview }),
    },
    {
      name: 'a camera UserComment that merely mentions screens: silent',
      ctx: context({
        width: 640,
        height: 480,
        format: 'jpeg',
        preview: photoPreview,
        exif: { UserComment: 'screen door' },
      }),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { findings } = run(c.ctx);
      if (!c.expect) {
        assert.deepEqual(findings, []);
        return;
      }
      assert.equal(findings.length, 1);
      const finding = findings[0]!;
      assert.equal(finding.code, 'capture.screenshot');
      assert.equal(finding.severity, c.expect.severity);
      assert.equal(finding.score, c.expect.score);
      assert.ok(finding.detail.en.includes(c.expect.mentions), finding.detail.en);
      assert.ok(finding.detail.zh.length > 10);
      assert.ok(finding.facts && 'cameraTags' in finding.facts);
    });
  }
});
