/**
 * Writes the demo workspace's photos to `apps/server/demo/photos/` with a manifest: smart-lock listing renders,
 * packing photos, listing photos with AI-style painted damage (the attack the product exists for), and copies of
 * real photos from the fixtures (camera photos for genuine claims, an AIGC-labelled photo, a phone screenshot, an
 * Adobe Firefly C2PA image). Deterministic; run with `npm run demo:photos` after changing it and commit the output.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exiftool } from 'exiftool-vendored';
import sharp from 'sharp';
import { decodeRgb, encodeJpeg } from '../../eval/sharp-raster.js';
import { paintDamage, type DamageType } from '../../eval/paint-damage.js';
import { createRng } from '../../eval/prng.js';
import { REPO_ROOT } from '../../testing/paths.js';
import { DEMO_LOCKS, listingSvg, packingSvg } from './lock-render.js';

const repoPath = (...segments: string[]): string => join(REPO_ROOT, ...segments);

export const DEMO_PHOTO_DIR = repoPath('apps', 'server', 'demo', 'photos');

interface ManifestEntry {
  readonly file: string;
  readonly role: 'listing' | 'packing' | 'evidence';
  readonly demonstrates: string;
  readonly source: string;
  readonly licence: string;
}

const RENDER = 'SVG render by apps/server/src/scripts/demo/lock-render.ts, rasterised with sharp';

/**
 * The demo orders are delivered on 2026-11-16 (see the seed); the real camera photos are years older, so their
 * capture dates are moved to the two days after delivery (local time +08:00, GPS time in UTC where the photo has
 * GPS), as a buyer's genuine photo of the parcel would be.
 */
async function redate(path: string, n: number): Promise<void> {
  const day = 17 + (n % 3);
  const local = `2026:11:${day} ${String(10 + (n % 8)).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')}:10`;
  const tags = await exiftool.read(path);
  const utcHour = String(10 + (n % 8) - 8).padStart(2, '0');
  await exiftool.write(
    path,
    {
      AllDates: local,
      OffsetTimeOriginal: '+08:00',
      OffsetTime: '+08:00',
      ...(tags.GPSDateStamp
        ? { GPSDateStamp: `2026:11:${day}`, GPSTimeStamp: `${utcHour}:${String((n * 7) % 60).padStart(2, '0')}:10` }
        : {}),
    },
    { writeArgs: ['-overwrite_original'] },
  );
}

async function main(): Promise<void> {
  mkdirSync(DEMO_PHOTO_DIR, { recursive: true });
  const manifest: ManifestEntry[] = [];
  const listing = new Map<string, Uint8Array>();
  for (const model of DEMO_LOCKS) {
    const file = `listing-${model.sku.toLowerCase()}.jpg`;
    const bytes = await sharp(Buffer.from(listingSvg(model)))
      .jpeg({ quality: 90 })
      .toBuffer();
    writeFileSync(join(DEMO_PHOTO_DIR, file), bytes);
    listing.set(model.sku, bytes);
    manifest.push({
      file,
      role: 'listing',
      demonstrates: `Listing photo of ${model.sku}`,
      source: RENDER,
      licence: 'project',
    });
    const packing = `packing-${model.sku.toLowerCase()}.jpg`;
    const packingBytes = await sharp(Buffer.from(packingSvg(model, `TB${model.sku.replace('-', '')}2026`)))
      .jpeg({ quality: 88 })
      .toBuffer();
    writeFileSync(join(DEMO_PHOTO_DIR, packing), packingBytes);
    manifest.push({
      file: packing,
      role: 'packing',
      demonstrates: `Packing photo of a ${model.sku} parcel`,
      source: RENDER,
      licence: 'project',
    });
  }
  const forgeries: readonly [string, DamageType, string][] = [
    ['AT-S1', 'shattered_glass', 'Listing photo with a painted shattered keypad glass, re-saved by a phone app'],
    ['AT-S1', 'crack', 'Listing photo with a painted crack on the body'],
    ['AT-F2', 'dent', 'Listing photo with a painted dent'],
    ['AT-K1', 'stain', 'Listing photo with a painted stain'],
  ];
  for (const [i, [sku, type, what]] of forgeries.entries()) {
    const rng = createRng(`demo-forgery-${i}`);
    const image = await decodeRgb(listing.get(sku)!, 1000);
    const painted = paintDamage(image, type, rng);
    const file = `evidence-forged-${i + 1}-${type}.jpg`;
    writeFileSync(join(DEMO_PHOTO_DIR, file), await encodeJpeg(painted.image, 82));
    manifest.push({
      file,
      role: 'evidence',
      demonstrates: `${what}; damage box ${JSON.stringify(painted.facts.box)}`,
      source: `listing-${sku.toLowerCase()}.jpg painted by apps/server/src/eval/paint-damage.ts (${type})`,
      licence: 'project',
    });
  }
  const copies: readonly [string, string, string, string][] = [
    ['fixtures/camera/canon-powershot-sd300.jpg', 'evidence-camera-1.jpg', 'A genuine camera photo', 'camera'],
    ['fixtures/camera/oppo-r7-plus.jpg', 'evidence-camera-2.jpg', 'A genuine phone photo', 'camera'],
    ['fixtures/camera/fujifilm-dx10.jpg', 'evidence-camera-3.jpg', 'A genuine camera photo', 'camera'],
    ['fixtures/camera/nikon-coolpix-p6000-gps.jpg', 'evidence-camera-4.jpg', 'A genuine photo with GPS', 'camera'],
    ['examples/photos/03-aigc-labelled.jpg', 'evidence-aigc-labelled.jpg', 'Carries a GB 45438 AIGC label', 'examples'],
    [
      'examples/photos/05-phone-screenshot.png',
      'evidence-screenshot.png',
      'A phone screenshot, not a photo',
      'examples',
    ],
    ['examples/photos/04-firefly-c2pa.jpg', 'evidence-firefly-c2pa.jpg', 'C2PA says Adobe Firefly made it', 'examples'],
  ];
  for (const [from, file, what, area] of copies) {
    copyFileSync(repoPath(...from.split('/')), join(DEMO_PHOTO_DIR, file));
    if (area === 'camera') await redate(join(DEMO_PHOTO_DIR, file), manifest.length);
    manifest.push({
      file,
      role: 'evidence',
      demonstrates:
        area === 'camera' ? `${what}, capture dates moved to after the demo orders' delivery (exiftool)` : what,
      source: `${from} (see ${area === 'camera' ? 'fixtures/camera/manifest.json' : 'examples/SOURCES.md'})`,
      licence: area === 'camera' ? 'see fixtures/camera/manifest.json' : 'see examples/SOURCES.md',
    });
  }
  await exiftool.end();
  writeFileSync(join(DEMO_PHOTO_DIR, 'manifest.json'), `${JSON.stringify({ files: manifest }, null, 2)}\n`);
  process.stdout.write(`wrote ${manifest.length} demo photos to ${DEMO_PHOTO_DIR}\n`);
}

await main();
