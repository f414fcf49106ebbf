/**
 * Decode figures for ADR 0003: on the bench's twenty phone-like 12 MP JPEGs (4000×3000, q92, EXIF, sRGB ICC profile;
 * see `bench-photos.ts`), the median time of sharp's full decode to raw RGB with and without the ICC → sRGB
 * transform, of shrink-on-load to 256 px with and without it, of `SharpImageDecoder` at 256 px and at full size, and
 * of a header probe; plus HEIC through the worker (a 12 MP iPhone fixture). One libvips thread, one decode at a time;
 * configurations interleaved round by round so machine noise hits them alike. Also checks that skipping the transform
 * really skips it: the decode of a photo equals the decode of its copy with the profile removed.
 *
 * Run: `npm run build && node apps/server/dist/bench/decode.bench.js [rounds=3]`
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { SharpImageDecoder } from '../adapters/media/sharp.image-decoder.js';
import { isIccSegment, withoutSegments } from '../testing/jpeg-segments.js';
import { fixturePath } from '../testing/paths.js';
import { twelveMegapixelPhotos } from './bench-photos.js';

const rounds = Number(process.argv[2] ?? 3);
sharp.concurrency(1);
sharp.cache(false);
const LIMIT = 100_000_000;
const decoder = new SharpImageDecoder();

type Work = (bytes: Uint8Array) => Promise<unknown>;
const configs: Record<string, Work> = {
  'sharp full decode, ICC → sRGB (sharp default)': (b) => sharp(b).raw().toBuffer(),
  'sharp full decode, ICC skipped (ignoreIcc)': (b) => sharp(b, { ignoreIcc: true }).raw().toBuffer(),
  'sharp shrink-on-load to 256 px, ICC → sRGB': (b) =>
    sharp(b).resize(256, 256, { fit: 'inside', withoutEnlargement: true }).raw().toBuffer(),
  'sharp shrink-on-load to 256 px, ICC skipped': (b) =>
    sharp(b, { ignoreIcc: true }).resize(256, 256, { fit: 'inside', withoutEnlargement: true }).raw().toBuffer(),
  'full decode, then resize to 256 px (no shrink-on-load)': async (b) => {
    const { data, info } = await sharp(b, { ignoreIcc: true }).raw().toBuffer({ resolveWithObject: true });
    const { width, height, channels } = info;
    return sharp(data, { raw: { width, height, channels } }).resize(256, 256, { fit: 'inside' }).raw().toBuffer();
  },
  'SharpImageDecoder.decode, maxSide 256': (b) => decoder.decode(b, 'jpeg', { maxSide: 256, maxPixels: LIMIT }),
  'SharpImageDecoder.decode, maxSide 4000 (full size)': (b) =>
    decoder.decode(b, 'jpeg', { maxSide: 4000, maxPixels: LIMIT }),
  'SharpImageDecoder.probe (header only)': (b) => decoder.probe(b, 'jpeg'),
};

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const photos = (await twelveMegapixelPhotos()).map((path) => new Uint8Array(readFileSync(path)));
const first = photos[0]!;
const samples = new Map<string, number[]>(Object.keys(configs).map((name) => [name, []]));
for (const work of Object.values(configs)) await work(first); // warm-up
for (let round = 0; round < rounds; round++) {
  const order = Object.entries(configs);
  const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
  for (const [name, work] of rotated)
    for (const bytes of photos) samples.get(name)!.push(await time(() => work(bytes)));
}

const heic = new Uint8Array(readFileSync(fixturePath('decode', 'iphone-xr-irot270-exif6.heic')));
const heicOptions = { maxSide: 256, maxPixels: LIMIT };
const heicFirst = await time(() => decoder.decode(heic, 'heif', heicOptions));
const heicWarm: number[] = [];
for (let i = 0; i < 5; i++) heicWarm.push(await time(() => decoder.decode(heic, 'heif', heicOptions)));

const stripped = withoutSegments(first, isIccSegment);
const [a, b] = await Promise.all(
  [first, stripped].map((bytes) => decoder.decode(bytes, 'jpeg', { maxSide: 4000, maxPixels: LIMIT })),
);
const identical = a!.data.length === b!.data.length && a!.data.every((v, i) => v === b!.data[i]);
await decoder.close();

const meta = await sharp(first).metadata();
console.log(
  `${photos.length} JPEGs ${meta.width}×${meta.height}, ICC profile: ${meta.icc ? 'yes' : 'no'}; ${rounds} rounds`,
);
console.log(`sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, Node ${process.version}, concurrency 1\n`);
const full = median(samples.get('sharp full decode, ICC → sRGB (sharp default)')!);
for (const [name, values] of samples) {
  const m = median(values);
  console.log(`${name.padEnd(56)} ${m.toFixed(1).padStart(7)} ms   ${(m / full).toFixed(2)}× sharp default`);
}
console.log(`${'HEIC 4032×3024 → 256 px via worker, first call'.padEnd(56)} ${heicFirst.toFixed(1).padStart(7)} ms`);
console.log(
  `${'HEIC 4032×3024 → 256 px via worker, warm (median 5)'.padEnd(56)} ${median(heicWarm).toFixed(1).padStart(7)} ms`,
);
console.log(`\nICC skipped → same pixels as the profile-stripped copy: ${identical}`);
