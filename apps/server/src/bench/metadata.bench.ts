/**
 * Metadata readers compared on the same real photos in one run: exifr (through our adapter) vs exiftool-vendored
 * (one long-lived Perl process, the reference for what a tag should say). Prints per-file medians, the ratio, and
 * agreement on the tags the signals use. Run: `npm run build && node apps/server/dist/bench/metadata.bench.js [dir]`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exiftool } from 'exiftool-vendored';
import { sniffFormat } from '@proofdesk/forensics';
import { ExifrMetadataReader } from '../adapters/media/exifr.metadata-reader.js';
import { REPO_ROOT } from '../testing/paths.js';

const dir =
  process.argv[2] ?? join(REPO_ROOT, '..', 'shared', 'data', 'images', 'metadata', 'metadata-extractor-images', 'jpg');
const files = readdirSync(dir)
  .map((f) => join(dir, f))
  .filter((f) => statSync(f).isFile() && sniffFormat(readFileSync(f)).kind === 'image');
const rounds = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const reader = new ExifrMetadataReader();
const exifrMs: number[] = [];
const exiftoolMs: number[] = [];
let agree = 0;
let compared = 0;
const disagreements: string[] = [];
for (const file of files) {
  const bytes = readFileSync(file);
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind !== 'image') continue;
  const ours = await reader.read(bytes, sniffed.format);
  const ref = (await exiftool.read(file)) as unknown as Record<string, unknown>;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    await reader.read(bytes, sniffed.format);
    exifrMs.push(performance.now() - t);
    t = performance.now();
    await exiftool.read(file);
    exiftoolMs.push(performance.now() - t);
  }
  for (const tag of ['Make', 'Model', 'Software', 'DateTimeOriginal', 'OffsetTimeOriginal', 'GPSDateStamp']) {
    const a = ours.exif[tag];
    const raw = ref[tag];
    const b = raw && typeof raw === 'object' && 'rawValue' in raw ? raw.rawValue : raw;
    if (a === undefined && b === undefined) continue;
    compared++;
    if (String(a).trim() === String(b).trim()) agree++;
    else disagreements.push(`${file.split('/').pop()} ${tag}: exifr=${String(a)} exiftool=${String(b)}`);
  }
}
await exiftool.end();
const a = median(exifrMs);
const b = median(exiftoolMs);
console.log(`files: ${files.length} (${dir})`);
console.log(`exifr (adapter) median per file: ${a.toFixed(3)} ms`);
console.log(`exiftool-vendored median per file: ${b.toFixed(3)} ms`);
console.log(`ratio exiftool/exifr: ${(b / a).toFixed(1)}×`);
console.log(
  `tag agreement (Make, Model, Software, DateTimeOriginal, OffsetTimeOriginal, GPSDateStamp): ${agree}/${compared}`,
);
for (const d of disagreements.slice(0, 20)) console.log(`  differs: ${d}`);
