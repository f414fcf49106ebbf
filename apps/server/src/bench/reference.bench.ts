/**
 * `npm run bench`, reference matching: `checkPhoto` of a 12 MP photo against 1,000 prepared reference photos, vs
 * the same check without references and vs sharp's plain full decode of the same photo, interleaved photo by photo
 * in one run so machine noise hits all three alike. Target: check with references ≤ 2× the full decode.
 *
 * The reference set: the bench photos' own "listing" versions (1200 px, so each checked photo derives from one),
 * plus resized and cropped copies of the shared product photos up to 1,000. Prepared once and cached in
 * `.bench/reference-set-<version>.bin` (structured clone); preparing is timed on the first 40 when the cache is built.
 * Run: `npm run bench` (or `node apps/server/dist/bench/reference.bench.js [rounds] [photos]`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import sharp from 'sharp';
import {
  DEFAULT_LIMITS,
  PREPARED_REFERENCE_VERSION,
  checkPhoto,
  prepareReference,
  type PreparedReference,
} from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { REPO_ROOT, fixturePath } from '../testing/paths.js';
import { twelveMegapixelPhotos } from './bench-photos.js';

const rounds = Number(process.argv[2] ?? 3);
const photoCount = Number(process.argv[3] ?? 5);
const SET_SIZE = 1000;
const CACHE = join(REPO_ROOT, '.bench', `reference-set-${PREPARED_REFERENCE_VERSION}.bin`);
const PRODUCTS = join(REPO_ROOT, '..', 'shared', 'data', 'images', 'products');
// The default ports: the tamper analyses on a worker thread beside the rest of the check (ADR 0020) …
const ports = createForensicPorts(DEFAULT_LIMITS);
// … and the same check on one thread, as before that, for comparison in the same run.
const oneThread = createForensicPorts(DEFAULT_LIMITS, { signalWorkers: 0 });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function productPhotos(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.(jpe?g|png)$/i.test(e.name) ? [join(dir, e.name)] : [],
    );
  const shared = existsSync(PRODUCTS) ? walk(PRODUCTS) : [];
  const fixtures = readdirSync(fixturePath('listing'))
    .filter((f) => f.endsWith('.jpg'))
    .map((f) => fixturePath('listing', f));
  return [...shared, ...fixtures].sort();
}

/** The i-th derivative of a product photo: one of seven sizes and crops. */
async function productVariant(bytes: Buffer, i: number): Promise<Buffer> {
  const image = sharp(bytes).rotate().flatten({ background: '#ffffff' });
  const meta = await sharp(bytes).metadata();
  const w = meta.width;
  const h = meta.height;
  const kind = i % 7;
  const left = kind === 5 ? Math.floor(w * 0.15) : 0;
  const top = kind === 6 ? Math.floor(h * 0.15) : 0;
  const cropped =
    kind >= 4 ? image.extract({ left, top, width: Math.floor(w * 0.85), height: Math.floor(h * 0.85) }) : image;
  return cropped.resize([640, 800, 1000, 1200, 900, 720, 1080][kind]).jpeg({ quality: 88 }).toBuffer();
}

async function buildSet(listingPhotos: readonly Buffer[]): Promise<{ set: PreparedReference[]; prepareMs: number[] }> {
  const set: PreparedReference[] = [];
  const prepareMs: number[] = [];
  const add = async (file: string, bytes: Buffer) => {
    const started = performance.now();
    const prepared = await prepareReference({ file, bytes, sha256: sha256(bytes) }, ports);
    if (prepareMs.length < 40) prepareMs.push(performance.now() - started);
    if (prepared.ok) set.push(prepared);
  };
  for (const [i, bytes] of listingPhotos.entries()) await add(`listing-${i + 1}.jpg`, bytes);
  const products = productPhotos();
  for (let i = 0; set.length < SET_SIZE && i < products.length * 7; i++) {
    const file = products[i % products.length]!;
    await add(`${file}#${Math.floor(i / products.length)}`, await productVariant(readFileSync(file), i));
  }
  return { set, prepareMs };
}

const files = await twelveMegapixelPhotos(20);
const photos = files.slice(0, photoCount).map((file) => ({ file, bytes: readFileSync(file) }));
let references: PreparedReference[];
let prepareMs: number[] = [];
if (existsSync(CACHE)) {
  references = deserialize(readFileSync(CACHE)) as PreparedReference[];
} else {
  const listings = await Promise.all(
    files.map((f) => sharp(readFileSync(f)).resize(1200).jpeg({ quality: 90 }).toBuffer()),
  );
  ({ set: references, prepareMs } = await buildSet(listings));
  writeFileSync(CACHE, serialize(references));
}
const setBytes = serialize(references).length;

const decodeMs: number[] = [];
const plainMs: number[] = [];
const withRefsMs: number[] = [];
const oneThreadMs: number[] = [];
// CPU time of the whole process (sharp's threads included): steadier than wall time on a shared machine.
const cpu = { decode: 0, plain: 0, withRefs: 0 };
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const referenceSignalMs: number[] = [];
let verdicts = '';
// Warm-up: codecs, wasm, workers, JIT.
await ports.warm();
await sharp(photos[0]!.bytes).raw().toBuffer();
await checkPhoto({ ...photos[0]!, sha256: '' }, ports, { references });
await checkPhoto({ ...photos[0]!, sha256: '' }, oneThread, { references });
for (let r = 0; r < rounds; r++) {
  for (const { file, bytes } of photos) {
    let t = performance.now();
    let used = process.cpuUsage();
    await sharp(bytes).raw().toBuffer();
    decodeMs.push(performance.now() - t);
    cpu.decode += cpuMs(used);
    t = performance.now();
    used = process.cpuUsage();
    await checkPhoto({ file, bytes, sha256: sha256(bytes) }, ports);
    plainMs.push(performance.now() - t);
    cpu.plain += cpuMs(used);
    t = performance.now();
    used = process.cpuUsage();
    const report = await checkPhoto({ file, bytes, sha256: sha256(bytes) }, ports, { references });
    withRefsMs.push(performance.now() - t);
    cpu.withRefs += cpuMs(used);
    referenceSignalMs.push(report.facts.timingsMs?.['reference'] ?? NaN);
    t = performance.now();
    await checkPhoto({ file, bytes, sha256: sha256(bytes) }, oneThread, { references });
    oneThreadMs.push(performance.now() - t);
    if (r === 0) verdicts += report.findings.some((f) => f.code === 'reference.derived_from_listing') ? 'd' : '-';
  }
}
await Promise.all([ports.close(), oneThread.close()]);
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  `${photos.length} 12 MP JPEGs (4000×3000) × ${rounds} rounds, interleaved; ${references.length} prepared references (${(setBytes / 1e6).toFixed(0)} MB serialised, ${(setBytes / references.length / 1024).toFixed(0)} KiB each)`,
);
if (prepareMs.length > 0)
  console.log(`prepareReference: median ${median(prepareMs).toFixed(1)} ms (first ${prepareMs.length})`);
console.log(`sharp plain full decode (raw RGB):       median ${median(decodeMs).toFixed(1)} ms`);
console.log(`proofdesk check, no references:          median ${median(plainMs).toFixed(1)} ms`);
console.log(`proofdesk check, 1,000 references:       median ${median(withRefsMs).toFixed(1)} ms`);
console.log(`  of which the reference signal:         median ${median(referenceSignalMs).toFixed(1)} ms`);
console.log(
  `  the same on one thread (no signal worker): median ${median(oneThreadMs).toFixed(1)} ms (${(total(oneThreadMs) / total(decodeMs)).toFixed(2)}× the full decode)`,
);
console.log(
  `ratio check with references / full decode: ${(total(withRefsMs) / total(decodeMs)).toFixed(2)}× (target ≤ 2×); reference signal alone / full decode: ${(total(referenceSignalMs) / total(decodeMs)).toFixed(2)}×`,
);
// Each check against the decode just before it: a burst of noise on the host moves one pair, not the median.
const paired = withRefsMs.map((ms, i) => ms / decodeMs[i]!);
console.log(
  `  per photo, check / the decode just before it: median ${median(paired).toFixed(2)}×, range ${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)}×`,
);
console.log(
  `CPU time (process, all threads) / full decode: check with references ${(cpu.withRefs / cpu.decode).toFixed(2)}×, without ${(cpu.plain / cpu.decode).toFixed(2)}×; load average ${os.loadavg()[0]!.toFixed(1)}`,
);
console.log(`derived from its listing photo (d = yes): ${verdicts}`);
