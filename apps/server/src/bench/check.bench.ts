/**
 * `npm run bench`: `checkPhoto` without references vs sharp's plain full decode of the same twenty 12 MP JPEGs,
 * measured in one run, interleaved file by file so machine noise hits both alike. Target: ratio ≤ 1.5×.
 * Run: `npm run bench` (or `node apps/server/dist/bench/check.bench.js [rounds]`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { DEFAULT_LIMITS, checkPhoto } from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { twelveMegapixelPhotos } from './bench-photos.js';

const rounds = Number(process.argv[2] ?? 3);
const files = await twelveMegapixelPhotos(20);
const inputs = files.map((file) => ({ file, bytes: readFileSync(file) }));
const ports = createForensicPorts(DEFAULT_LIMITS);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const decodeMs: number[] = [];
const checkMs: number[] = [];
let decodeTotal = 0;
let checkTotal = 0;
let verdicts = '';
// Warm-up: load codecs, compile the wasm, start the workers.
await sharp(inputs[0]!.bytes).raw().toBuffer();
await checkPhoto({ ...inputs[0]!, sha256: '' }, ports);
for (let r = 0; r < rounds; r++) {
  for (const { file, bytes } of inputs) {
    let t = performance.now();
    await sharp(bytes).raw().toBuffer();
    const d = performance.now() - t;
    t = performance.now();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const report = await checkPhoto({ file, bytes, sha256 }, ports);
    const c = performance.now() - t;
    decodeMs.push(d);
    checkMs.push(c);
    decodeTotal += d;
    checkTotal += c;
    if (r === 0) verdicts += report.verdict[0];
  }
}
await ports.close();
const size = inputs.reduce((n, i) => n + i.bytes.length, 0) / inputs.length / 1e6;
console.log(`twenty 12 MP JPEGs (4000×3000, ~${size.toFixed(1)} MB each), ${rounds} rounds, interleaved`);
console.log(
  `sharp plain full decode (raw RGB): median ${median(decodeMs).toFixed(1)} ms, total ${decodeTotal.toFixed(0)} ms`,
);
console.log(
  `proofdesk check (no references):   median ${median(checkMs).toFixed(1)} ms, total ${checkTotal.toFixed(0)} ms`,
);
console.log(`ratio check / full decode: ${(checkTotal / decodeTotal).toFixed(2)}× (target ≤ 1.5×)`);
console.log(`verdicts (c=clean): ${verdicts}`);
