/**
 * Would shrink-on-load keep PDQ hashes where the reference puts them? Hashes every opaque photo of the shared
 * reference list (`../shared/data/pdq/reference-hashes.tsv`) from the decoder at full size and shrunk on load so the
 * longer side is at most 2048, 1024 and 512 px, and prints the Hamming distances to the reference hasher's hashes
 * and the median decode time of each. This is the measurement behind decoding at full size (ADR 0004).
 *
 * Run: `npm run build && node apps/server/dist/bench/pdq-shrink.bench.js`
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { DEFAULT_LIMITS, hammingDistance, pdqHash, sniffFormat, undoOrientation } from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { REPO_ROOT } from '../testing/paths.js';

const shared = join(REPO_ROOT, '..', 'shared', 'data');
const list = join(shared, 'pdq', 'reference-hashes.tsv');
if (!existsSync(list)) {
  console.error(`needs ${list}`);
  process.exit(2);
}
const rows = readFileSync(list, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string, string]);

const SIDES = [undefined, 2048, 1024, 512] as const;
const distances = new Map<number | undefined, number[]>(SIDES.map((side) => [side, []]));
const decodeMs = new Map<number | undefined, number[]>(SIDES.map((side) => [side, []]));
const ports = createForensicPorts(DEFAULT_LIMITS);
let skipped = 0;
try {
  for (const [hash, , path] of rows) {
    const bytes = new Uint8Array(readFileSync(join(shared, 'images', path)));
    const sniffed = sniffFormat(bytes);
    const meta = await sharp(bytes).metadata();
    if (sniffed.kind !== 'image' || (meta.hasAlpha && !(await sharp(bytes).stats()).isOpaque)) {
      skipped++;
      continue;
    }
    try {
      const header = await ports.decoder.probe(bytes, sniffed.format);
      for (const side of SIDES) {
        const start = performance.now();
        const maxSide = side ?? Math.max(header.width, header.height);
        const pixels = await ports.decoder.decode(bytes, sniffed.format, {
          maxSide,
          maxPixels: DEFAULT_LIMITS.maxPixels,
        });
        decodeMs.get(side)!.push(performance.now() - start);
        distances.get(side)!.push(hammingDistance(pdqHash(undoOrientation(pixels, header.orientation)).hash, hash));
      }
    } catch {
      skipped++;
    }
  }
} finally {
  await ports.close();
}

const at = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
console.log(
  `${rows.length} photos listed, ${distances.get(undefined)!.length} opaque and decodable, ${skipped} skipped`,
);
console.log('decode\tmedian bits\tp90 bits\tmax bits\tbit-exact\tmedian decode ms');
for (const side of SIDES) {
  const d = distances.get(side)!;
  const exact = d.filter((x) => x === 0).length;
  const label = side === undefined ? 'full size' : `≤ ${side} px`;
  console.log(
    `${label}\t${at(d, 0.5)}\t${at(d, 0.9)}\t${Math.max(...d)}\t${exact}/${d.length}\t${at(decodeMs.get(side)!, 0.5).toFixed(1)}`,
  );
}
