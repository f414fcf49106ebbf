import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { DEFAULT_LIMITS, checkPhoto, type Finding, type PhotoReport, type Region } from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { fixtureBytes, paintStain, resaved, splice, withOrientation, type Forgery } from '../testing/forgeries.js';
import { fixturePath } from '../testing/paths.js';

/**
 * The three supporting tamper signals through the whole pipeline with the real adapters, on forgeries built
 * deterministically from real photos: each must localise what was changed (IoU of its best region with the changed
 * box) and stay silent on the untouched photos and their re-saved copies. None may make a photo suspicious alone.
 */
const ports = createForensicPorts(DEFAULT_LIMITS);
after(() => ports.close());

const TAMPER = ['tamper.double_jpeg', 'tamper.ela', 'tamper.noise'];

async function check(bytes: Uint8Array, file = 'forgery.jpg'): Promise<PhotoReport> {
  return checkPhoto({ file, bytes, sha256: '' }, ports);
}

function iou(a: Region, b: Region): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (ix * iy) / (a.w * a.h + b.w * b.h - ix * iy);
}

/** The finding with `code` and the IoU of its best region with `truth` (0 when absent). */
function localised(report: PhotoReport, code: string, truth: Region): { finding?: Finding; iou: number } {
  const finding = report.findings.find((f) => f.code === code);
  return { ...(finding ? { finding } : {}), iou: Math.max(0, ...(finding?.regions ?? []).map((r) => iou(r, truth))) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const HOSTS = [
  'camera/canon-powershot-sd300.jpg',
  'camera/canon-digital-ixus.jpg',
  'camera/fujifilm-dx10.jpg',
  'camera/jolla-phone.jpg',
  'camera/oppo-r7-plus.jpg',
  'listing/jacket-green.jpg',
];
const DONOR = fixtureBytes('camera/canon-eos-1000d-rotated.jpg');

/** Builds one forgery per host and asserts `code` localises every one with IoU ≥ `minIou`. */
async function expectLocalised(
  t: { diagnostic(message: string): void },
  code: string,
  hosts: readonly string[],
  make: (host: Buffer) => Promise<Forgery>,
  minIou = 0.5,
): Promise<void> {
  const ious: number[] = [];
  for (const host of hosts) {
    const forgery = await make(fixtureBytes(host));
    const report = await check(forgery.bytes);
    const { finding, iou: overlap } = localised(report, code, forgery.region);
    ious.push(overlap);
    assert.ok(finding, `${host}: no ${code} (${report.findings.map((f) => f.code).join(', ')})`);
    assert.ok(overlap >= minIou, `${host}: IoU ${overlap.toFixed(2)} with ${JSON.stringify(forgery.region)}`);
    assert.equal(finding.severity, 'warn');
    assert.ok(finding.score <= 0.3, `${host}: a supporting signal scored ${finding.score}`);
    assert.match(String(finding.facts?.heatmapPng), /^data:image\/png;base64,/);
  }
  t.diagnostic(`${code}: IoU ${ious.map((x) => x.toFixed(2)).join(' ')} (median ${median(ious).toFixed(2)})`);
}

describe('tamper.double_jpeg', () => {
  it('localises a photo pasted into a re-saved copy (q75, then q90 after the paste)', async (t) => {
    await expectLocalised(t, 'tamper.double_jpeg', HOSTS, async (host) => splice(await resaved(host, 75), DONOR));
  });

  it('localises a smooth stain painted onto a re-saved copy', async (t) => {
    await expectLocalised(t, 'tamper.double_jpeg', HOSTS, async (host) => paintStain(await resaved(host, 75)));
  });

  it('localises a region copied from a q50 JPEG into a camera photo saved at q92', async (t) => {
    const hosts = ['camera/nikon-coolpix-p6000-gps.jpg', 'camera/fujifilm-dx10.jpg', 'camera/jolla-phone.jpg'];
    await expectLocalised(t, 'tamper.double_jpeg', hosts, (host) =>
      splice(host, DONOR, { donorQuality: 50, output: 92 }),
    );
  });

  it('reports regions in displayed pixels for a photo with EXIF orientation 6', async () => {
    const forgery = await paintStain(await resaved(fixtureBytes('camera/fujifilm-dx10.jpg'), 75));
    const stored = await sharp(forgery.bytes).metadata();
    const report = await check(withOrientation(forgery.bytes, 6));
    assert.deepEqual([report.width, report.height], [stored.height, stored.width]);
    // Stored box (x, y, w, h) in a W×H photo shows rotated 90° clockwise at (H − y − h, x), h × w.
    const { x, y, w, h } = forgery.region;
    const truth = { x: stored.height - y - h, y: x, w: h, h: w };
    const { iou: overlap } = localised(report, 'tamper.double_jpeg', truth);
    assert.ok(overlap >= 0.5, `IoU ${overlap.toFixed(2)}`);
  });

  it('finds the crack and stain painted into the thumbnail-mismatch fixture, where the thumbnail signal does', async () => {
    const report = await check(readFileSync(fixturePath('synthetic', 'thumbnail-mismatch.jpg')));
    const dq = report.findings.find((f) => f.code === 'tamper.double_jpeg');
    const thumb = report.findings.find((f) => f.code === 'tamper.thumbnail_mismatch');
    assert.ok(dq?.regions && thumb?.regions);
    assert.ok(
      dq.regions.some((a) => thumb.regions!.some((b) => iou(a, b) > 0.2)),
      `${JSON.stringify(dq.regions)} vs ${JSON.stringify(thumb.regions)}`,
    );
    assert.match(dq.detail.en, /That alone is normal/);
  });
});

describe('tamper.ela', () => {
  it('localises a stain painted onto a re-saved JPEG and exported as PNG (as AI tools do)', async (t) => {
    const hosts = [
      'camera/nikon-coolpix-p6000-gps.jpg',
      'camera/canon-digital-ixus.jpg',
      'camera/fujifilm-dx10.jpg',
      'decode/landscape_1.jpg',
    ];
    await expectLocalised(t, 'tamper.ela', hosts, async (host) =>
      paintStain(await resaved(host, 80), { output: 'png' }),
    );
  });
});

describe('tamper.noise', () => {
  it('localises a patch from a much noisier source', async (t) => {
    const hosts = ['camera/fujifilm-dx10.jpg', 'camera/canon-powershot-sd300.jpg'];
    await expectLocalised(t, 'tamper.noise', hosts, (host) =>
      splice(host, DONOR, { donorNoise: 30, output: 92, at: [0.2, 0.25, 0.22, 0.22] }),
    );
  });
});

describe('untouched photos', () => {
  const files = ['camera', 'decode', 'listing']
    .flatMap((dir) => readdirSync(fixturePath(dir)).map((f) => `${dir}/${f}`))
    .concat(
      readdirSync(fixturePath('synthetic'))
        .filter((f) => /^(msg-|thumbnail-control)/.test(f))
        .map((f) => `synthetic/${f}`),
    )
    .filter((f) => /\.(jpe?g|png|webp|heic|avif|tiff?|gif)$/i.test(f));

  it('raise no tamper finding: camera, decode and listing fixtures, messaging-app copies, thumbnail controls', async () => {
    const flagged: string[] = [];
    for (const file of files) {
      const report = await check(fixtureBytes(file), file);
      const hits = report.findings.filter((f) => TAMPER.includes(f.code));
      if (hits.length > 0) flagged.push(`${file}: ${hits.map((f) => f.code).join(', ')}`);
    }
    assert.deepEqual(flagged, []);
    assert.ok(files.length >= 30, String(files.length));
  });

  it('nor do their copies re-saved twice (q75, then q90) or resized and re-saved', async () => {
    const flagged: string[] = [];
    for (const host of [...HOSTS, 'camera/nikon-coolpix-p6000-gps.jpg', 'decode/landscape_1.jpg']) {
      const bytes = fixtureBytes(host);
      const copies = {
        twice: await resaved(await resaved(bytes, 75), 90),
        resized: await sharp(bytes).rotate().resize({ width: 700 }).jpeg({ quality: 85 }).toBuffer(),
        png: await sharp(await resaved(bytes, 80))
          .png()
          .toBuffer(),
      };
      for (const [name, copy] of Object.entries(copies)) {
        const report = await check(copy);
        const hits = report.findings.filter((f) => TAMPER.includes(f.code));
        if (hits.length > 0) flagged.push(`${host} ${name}: ${hits.map((f) => f.code).join(', ')}`);
      }
    }
    assert.deepEqual(flagged, []);
  });
});

describe('JPEG facts', () => {
  it('states the estimated quality, whether the tables are standard, and what the tamper analyses measured', async () => {
    const report = await check(fixtureBytes('synthetic/msg-resized-1280-q75.jpg'));
    const jpeg = report.facts.jpeg as { quality: number; standardTables: boolean; process: string };
    assert.deepEqual([jpeg.quality, jpeg.standardTables, jpeg.process], [75, true, 'baseline']);
    const tamper = report.facts.tamper as { working: string; doubleJpeg: { combFrequencies: number } };
    assert.equal(tamper.working, 'coefficients');
    assert.equal(typeof tamper.doubleJpeg.combFrequencies, 'number');
    const camera = await check(fixtureBytes('camera/canon-digital-ixus.jpg'));
    assert.equal((camera.facts.jpeg as { standardTables: boolean }).standardTables, false);
  });

  it('keeps heat maps small greyscale PNGs', async () => {
    const forgery = await paintStain(await resaved(fixtureBytes('camera/jolla-phone.jpg'), 75));
    const finding = (await check(forgery.bytes)).findings.find((f) => f.code === 'tamper.double_jpeg');
    const uri = String(finding?.facts?.heatmapPng);
    const meta = await sharp(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64')).metadata();
    assert.equal(meta.format, 'png');
    assert.equal(meta.channels, 1);
    assert.ok(Math.max(meta.width, meta.height) <= 128);
  });
});
