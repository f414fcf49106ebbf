import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { checkPhoto, DEFAULT_LIMITS, SIGNALS, sniffFormat, type PhotoReport, type Region } from '@proofdesk/forensics';
import { withExifSegment } from '../../testing/jpeg-segments.js';
import { exifApp1 } from '../../testing/exif-app1.js';
import { fixturePath, REPO_ROOT } from '../../testing/paths.js';
import { createForensicPorts } from './forensic-ports.js';

/** The thumbnail signal end to end: real files, sharp decoder, exifr thumbnails. */
const ports = createForensicPorts(DEFAULT_LIMITS);
after(() => ports.close());
const signal = SIGNALS.find((s) => s.name === 'thumbnail')!;
const corpus = join(REPO_ROOT, '..', 'shared', 'data', 'images', 'metadata');

async function check(file: string, bytes: Uint8Array): Promise<PhotoReport> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return checkPhoto({ file, bytes, sha256 }, ports, { signals: [signal] });
}
const fixture = (...path: string[]) => check(path.join('/'), new Uint8Array(readFileSync(fixturePath(...path))));
const mismatch = (r: PhotoReport) => r.findings.find((f) => f.code === 'tamper.thumbnail_mismatch');
const thumbFacts = (r: PhotoReport) =>
  r.facts.thumbnail as { compared: boolean; correlation?: number; orientationApplied?: number; reason?: string };
const contains = (region: Region, x: number, y: number) =>
  x >= region.x && x < region.x + region.w && y >= region.y && y < region.y + region.h;

describe('thumbnail signal on the fixtures', () => {
  it('fires on the painted photo and puts a region on the stain (centre 397,278 of 640×480)', async () => {
    const report = await fixture('synthetic', 'thumbnail-mismatch.jpg');
    const finding = mismatch(report);
    assert.equal(finding?.severity, 'warn');
    assert.ok(
      finding.regions?.some((r) => contains(r, 397, 278)),
      JSON.stringify(finding.regions),
    );
  });

  it('fires on the painted Orientation-6 photo with regions in displayed coordinates', async () => {
    const report = await fixture('synthetic', 'thumbnail-mismatch-rotated.jpg');
    assert.deepEqual([report.width, report.height], [1296, 1944]);
    // The stain was painted at (1205, 752) of the stored 1944×1296 pixels; rotated 90° clockwise that is (543, 1205).
    const finding = mismatch(report);
    assert.ok(
      finding?.regions?.some((r) => contains(r, 543, 1205)),
      JSON.stringify(finding?.regions),
    );
    assert.equal(thumbFacts(report).orientationApplied, 6);
  });

  it('fires on a swapped picture without claiming a region', async () => {
    const finding = mismatch(await fixture('synthetic', 'thumbnail-swapped.jpg'));
    assert.equal(finding?.score, 0.55);
    assert.equal(finding.regions, undefined);
  });

  it('stays silent on the re-encoded controls and on every camera fixture', async () => {
    const files = [
      ['synthetic', 'thumbnail-control.jpg'],
      ['synthetic', 'thumbnail-control-rotated.jpg'],
      ...readdirSync(fixturePath('camera'))
        .filter((f) => f.endsWith('.jpg'))
        .map((f) => ['camera', f]),
    ];
    for (const path of files) {
      const report = await fixture(...path);
      assert.equal(mismatch(report), undefined, `${path.join('/')}: ${JSON.stringify(report.facts.thumbnail)}`);
    }
    const control = thumbFacts(await fixture('synthetic', 'thumbnail-control-rotated.jpg'));
    assert.ok(control.compared && control.correlation! > 0.99 && control.orientationApplied === 6);
  });
});

describe(
  'thumbnail orientation on the exif-samples orientation photos',
  { skip: !existsSync(corpus) && 'shared data not present' },
  () => {
    // Each `<kind>_<n>.jpg` stores its pixels so that EXIF orientation n shows them upright. A camera writes the
    // thumbnail from the stored pixels; splice one in with orientation n and the comparison must orient it.
    for (const kind of ['landscape', 'portrait']) {
      for (let n = 1; n <= 8; n++) {
        it(`${kind}_${n}.jpg: a stored-orientation thumbnail matches once oriented with ${n}`, async () => {
          const bytes = readFileSync(join(corpus, 'exif-samples', 'jpg', 'orientation', `${kind}_${n}.jpg`));
          const meta = await sharp(bytes).metadata();
          const scale = 160 / Math.max(meta.width, meta.height);
          const thumbnail = await sharp(bytes)
            .resize(Math.round(meta.width * scale), Math.round(meta.height * scale))
            .jpeg({ quality: 85 })
            .toBuffer();
          const file = withExifSegment(new Uint8Array(bytes), exifApp1({ orientation: n, thumbnail }));
          const report = await check(`${kind}_${n}`, file);
          const facts = thumbFacts(report);
          assert.equal(mismatch(report), undefined);
          assert.ok(facts.correlation! > 0.99, JSON.stringify(facts));
          if (n !== 1) assert.equal(facts.orientationApplied, n, 'matched through the oriented reading');
        });
      }
    }
  },
);

describe(
  'thumbnail signal on the shared camera corpus',
  { skip: !existsSync(corpus) && 'shared data not present' },
  () => {
    /** Real files whose thumbnail really differs, and what the signal must do with them. */
    const KNOWN: Record<string, string> = {
      // A yellow band painted over the bottom of the picture after the thumbnail was made: must fire, on the band.
      'bep-imagemeta/testdata/images/metadata_demo_exif_only.jpg': 'fires',
      // A 205×102 image of another scene carrying an iPhone 4S EXIF block and its 160×120 thumbnail: a software
      // rendition, not compared (main image under twice the thumbnail's size).
      'bep-imagemeta/testdata/images/goexif/has-lens-info.jpg': 'main_thumbnail_sized',
    };
    function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : /\.jpe?g$/i.test(e.name) ? [join(dir, e.name)] : [],
      );
    }

    it('fires on no real camera JPEG with a thumbnail, except the one painted over', async (t) => {
      const fired: string[] = [];
      let compared = 0;
      for (const path of walk(corpus)) {
        const bytes = new Uint8Array(readFileSync(path));
        if (sniffFormat(bytes).kind !== 'image') continue;
        const name = relative(corpus, path);
        const report = await check(name, bytes);
        const facts = thumbFacts(report);
        if (facts?.compared) compared++;
        const finding = mismatch(report);
        if (finding) fired.push(name);
        if (KNOWN[name] === 'fires') {
          // The band covers the bottom rows of the 650×488 picture.
          assert.ok(
            finding?.regions?.some((r) => r.y >= 380 && r.y + r.h >= 480),
            JSON.stringify(finding?.regions),
          );
        } else if (KNOWN[name]) {
          assert.equal(facts?.reason, KNOWN[name], name);
        }
      }
      t.diagnostic(`thumbnails compared: ${compared}`);
      assert.deepEqual(fired, ['bep-imagemeta/testdata/images/metadata_demo_exif_only.jpg']);
      assert.ok(compared >= 40, `only ${compared} thumbnails compared`);
    });
  },
);
