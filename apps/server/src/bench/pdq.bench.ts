/**
 * PDQ cost on this machine: decoding a photo at full size (what `hashPhoto` needs to agree with the reference) vs
 * hashing the decoded pixels, plus shrink-on-load to 512 px (faster, rejected: it moves hashes, ADR 0004), and the
 * issue's yardstick: PDQ hashes per second (hashPhoto, decode included) against sharp's decode to a 64×64 grey image.
 * Medians over repeated runs, one photo at a time, after a warm-up.
 *
 * Run: `npm run build && node apps/server/dist/bench/pdq.bench.js [photo...]`
 * (default photos: the PDQ fixtures' 1600×1004 bridge photo, the 12 MP ThreatExchange photo when ../shared/data is
 * present, and three of the bench's phone-like 12 MP JPEGs with an sRGB ICC profile).
 */
import { existsSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { join } from 'node:path';
import { DEFAULT_LIMITS, hashPhoto, pdqHash, sniffFormat, undoOrientation } from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { REPO_ROOT, fixturePath } from '../testing/paths.js';
import { twelveMegapixelPhotos } from './bench-photos.js';

const RUNS = 15;
const WARM_UP = 3;

async function median(work: () => unknown): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const defaults = [
  fixturePath('pdq', 'bridge-mods', 'aaa-orig.jpg'),
  join(
    REPO_ROOT,
    '..',
    'shared',
    'data',
    'images',
    'hashing',
    'threatexchange-pdq',
    'pdq',
    'data',
    'reg-test-input',
    'exif-rotn',
    'exif-rotn-1.jpg',
  ),
].filter((path) => existsSync(path));
const photos = process.argv.length > 2 ? process.argv.slice(2) : [...defaults, ...(await twelveMegapixelPhotos(3))];

const ports = createForensicPorts(DEFAULT_LIMITS);
try {
  console.log(
    'photo\tsize\tdecode full (ms)\tPDQ on pixels (ms)\thashPhoto (ms)\tdecode to 512 px (ms)\tsharp to 64×64 grey (ms)\thashes/s\thashPhoto / 64×64',
  );
  for (const path of photos) {
    const bytes = new Uint8Array(readFileSync(path));
    const sniffed = sniffFormat(bytes);
    if (sniffed.kind !== 'image') throw new Error(`${path}: not an image (${sniffed.what})`);
    const header = await ports.decoder.probe(bytes, sniffed.format);
    const full = { maxSide: Math.max(header.width, header.height), maxPixels: DEFAULT_LIMITS.maxPixels };
    const decoded = await ports.decoder.decode(bytes, sniffed.format, full);
    const decodeMs = await median(() => ports.decoder.decode(bytes, sniffed.format, full));
    const hashMs = await median(() => pdqHash(undoOrientation(decoded, header.orientation)));
    const totalMs = await median(() => hashPhoto(bytes, ports));
    const shrinkMs = await median(() => ports.decoder.decode(bytes, sniffed.format, { ...full, maxSide: 512 }));
    const grey64Ms = await median(() => sharp(bytes).resize(64, 64, { fit: 'fill' }).greyscale().raw().toBuffer());
    const size = `${header.width}×${header.height}`;
    const rate = 1000 / totalMs;
    const ratio = `${(totalMs / grey64Ms).toFixed(2)}×`;
    const row = [path.split('/').pop(), size, decodeMs, hashMs, totalMs, shrinkMs, grey64Ms, rate, ratio].map((v) =>
      typeof v === 'number' ? v.toFixed(1) : v,
    );
    console.log(row.join('\t'));
  }
} finally {
  await ports.close();
}
