/**
 * What the tamper signals cost: on the twenty 12 MP JPEGs of `check.bench`, interleaved file by file in one run,
 * sharp's plain full decode, `checkPhoto` with every signal, and `checkPhoto` without the three tamper signals;
 * then the median of each tamper stage (coefficient decode, working image, double-JPEG fit, ELA round trip, …).
 * Run: `npm run bench` (or `node apps/server/dist/bench/tamper.bench.js [rounds]`).
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { DEFAULT_LIMITS, SIGNALS, checkPhoto, type PhotoReport } from '@proofdesk/forensics';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { twelveMegapixelPhotos } from './bench-photos.js';

const rounds = Number(process.argv[2] ?? 3);
const inputs = (await twelveMegapixelPhotos(20)).map((file) => ({ file, bytes: readFileSync(file), sha256: '' }));
const ports = createForensicPorts(DEFAULT_LIMITS);
const TAMPER = new Set(['tamper-double-jpeg', 'tamper-ela', 'tamper-noise']);
const withoutTamper = SIGNALS.filter((s) => !TAMPER.has(s.name));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const decodeMs: number[] = [];
const checkMs: number[] = [];
const baseMs: number[] = [];
// CPU time of the whole process (sharp's threads included): steadier than wall time on a shared machine.
let decodeCpu = 0;
let checkCpu = 0;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const stages: Record<string, number[]> = {};
let findings = 0;
await sharp(inputs[0]!.bytes).raw().toBuffer();
await checkPhoto(inputs[0]!, ports);
for (let r = 0; r < rounds; r++) {
  for (const input of inputs) {
    let t = performance.now();
    let cpu = process.cpuUsage();
    await sharp(input.bytes).raw().toBuffer();
    decodeMs.push(performance.now() - t);
    decodeCpu += cpuMs(cpu);
    t = performance.now();
    await checkPhoto(input, ports, { signals: withoutTamper });
    baseMs.push(performance.now() - t);
    t = performance.now();
    cpu = process.cpuUsage();
    const report: PhotoReport = await checkPhoto(input, ports);
    checkMs.push(performance.now() - t);
    checkCpu += cpuMs(cpu);
    const timings = (report.facts.tamper as { timingsMs?: Record<string, number> } | undefined)?.timingsMs ?? {};
    for (const [stage, ms] of Object.entries(timings)) (stages[stage] ??= []).push(ms);
    if (r === 0)
      findings += report.findings.filter(
        (f) => f.code.startsWith('tamper.') && f.code !== 'tamper.thumbnail_mismatch',
      ).length;
  }
}
await ports.close();
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(`twenty 12 MP JPEGs, ${rounds} rounds, interleaved: tamper signals`);
console.log(`sharp plain full decode:          median ${median(decodeMs).toFixed(1)} ms`);
console.log(`check without the tamper signals: median ${median(baseMs).toFixed(1)} ms`);
console.log(`check with every signal:          median ${median(checkMs).toFixed(1)} ms`);
console.log(`added by the tamper signals:      median ${(median(checkMs) - median(baseMs)).toFixed(1)} ms per photo`);
console.log(
  `ratio check / full decode: ${(total(checkMs) / total(decodeMs)).toFixed(2)}× wall (target ≤ 1.5×), ${(checkCpu / decodeCpu).toFixed(2)}× CPU`,
);
console.log(
  `tamper stages (median ms): ${Object.entries(stages)
    .map(([stage, ms]) => `${stage} ${median(ms).toFixed(1)}`)
    .join(', ')}`,
);
console.log(`tamper findings on these untouched photos: ${findings}`);
