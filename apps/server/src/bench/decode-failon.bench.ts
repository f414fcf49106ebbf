/**
 * The evidence behind `failOn: 'error'` (ADR 0003): which files sharp refuses at each `failOn` level. Rows are
 * variants of real fixtures (cut files, harmless libjpeg quirks, a PNG with a bad CRC) and, when the shared data set
 * sits beside the repository, every JPEG/PNG/WebP/GIF/TIFF/AVIF in `../shared/data/images` (how many each level
 * refuses). Each file is decoded alone (sharp's warnings are global, so they are not attributed here).
 *
 * Run: `npm run build && node apps/server/dist/bench/decode-failon.bench.js`
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { jpegWithOddSosParameters, jpegWithPaddingBeforeMarker, truncated } from '../scripts/hostile-files.js';
import { fixturePath, REPO_ROOT } from '../testing/paths.js';

const LEVELS = ['none', 'truncated', 'error', 'warning'] as const;
type Level = (typeof LEVELS)[number];

async function refusedAt(bytes: Uint8Array): Promise<Set<Level>> {
  const refused = new Set<Level>();
  for (const failOn of LEVELS) {
    try {
      await sharp(bytes, { failOn }).resize(256, 256, { fit: 'inside', withoutEnlargement: true }).raw().toBuffer();
    } catch {
      refused.add(failOn);
    }
  }
  return refused;
}

const fixture = (name: string) => new Uint8Array(readFileSync(fixturePath('decode', name)));
const jpeg = fixture('landscape_1.jpg');
const png = fixture('photoshop-8x12-rgba32.png');
const badCrc = png.slice();
badCrc[badCrc.length - 20]! ^= 0xff; // inside the IDAT chunk's data: its CRC no longer matches
const rows: [string, Uint8Array][] = [
  ['JPEG cut in half', truncated(jpeg)],
  ['JPEG missing only its EOI marker', jpeg.subarray(0, jpeg.length - 2)],
  ['JPEG with padding before DQT (libjpeg warning)', jpegWithPaddingBeforeMarker(fixture('samsung-digimax-i50.jpg'))],
  ['JPEG with Samsung-style SOS parameters (warning)', jpegWithOddSosParameters(fixture('samsung-digimax-i50.jpg'))],
  ['PNG cut in half', truncated(png)],
  ['PNG with a bad IDAT CRC', badCrc],
  ['WebP cut in half', truncated(fixture('sunrise_lossy.webp'))],
];
console.log(`${'file'.padEnd(52)} ${LEVELS.map((l) => l.padEnd(10)).join('')}`);
for (const [name, bytes] of rows) {
  const refused = await refusedAt(bytes);
  console.log(`${name.padEnd(52)} ${LEVELS.map((l) => (refused.has(l) ? 'refused' : 'decoded').padEnd(10)).join('')}`);
}

const shared = join(REPO_ROOT, '..', 'shared', 'data', 'images');
if (existsSync(shared)) {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.(jpe?g|png|webp|gif|tiff?|avif)$/i.test(name) ? [path] : [];
    });
  const files = walk(shared);
  const counts = new Map<Level, number>(LEVELS.map((l) => [l, 0]));
  const onlyStricter: string[] = [];
  for (const path of files) {
    const refused = await refusedAt(new Uint8Array(readFileSync(path)));
    for (const level of refused) counts.set(level, counts.get(level)! + 1);
    if (refused.has('warning') && !refused.has('error')) onlyStricter.push(path.slice(shared.length + 1));
  }
  const summary = LEVELS.map((l) => `${l} ${counts.get(l)}`).join(', ');
  console.log(`\n../shared/data/images: ${files.length} files; refused at ${summary}`);
  console.log(`refused by 'warning' but decoded by 'error': ${onlyStricter.length ? onlyStricter.join(', ') : 'none'}`);
}
