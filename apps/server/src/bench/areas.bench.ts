/**
 * The place-name resolver's cost on this machine (issue 6: ≥ 10,000 names/s):
 * - the division table: bytes on disk, and in a fresh process the time to import it, to parse it and build the name
 *   index on first use, and the heap it then holds (medians of 3 child processes);
 * - names/s of `resolveArea` over the real sample list (fixtures/areas, 139 names) repeated, over generated variants
 *   of every county and a share of townships (short forms, skipped levels, spaces, full-width characters, renamed
 *   suffixes), and over every full official name — with the variants' accuracy against the division each came from;
 * - in the same run, a baseline without the index: a linear scan of all divisions per name (suffix match on names and
 *   full names), on a slice of the sample.
 *
 * Run: `npm run build && node apps/server/dist/bench/areas.bench.js [--rounds <n>] [--misses]` (--misses lists the
 * variants that did not resolve to their division)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { divisionAncestors, divisionChildren, getDivision, resolveArea, type Division } from '@proofdesk/domain';
import { REPO_ROOT, fixturePath } from '../testing/paths.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' }, misses: { type: 'boolean' } } });
const ROUNDS = Number(values.rounds);

const DOMAIN_DIST = join(REPO_ROOT, 'packages', 'domain', 'dist');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Import, first-use and heap figures from a fresh node process (the module cache of this one is warm). */
type Cold = { importMs: number; firstUseMs: number; firstUseCpuMs: number; heapMb: number };
function coldStart(): Cold {
  const script = `
    const t0 = performance.now();
    const domain = await import(${JSON.stringify(join(DOMAIN_DIST, 'index.js'))});
    const t1 = performance.now();
    globalThis.gc(); const before = process.memoryUsage().heapUsed;
    const t2 = performance.now(); const c2 = process.cpuUsage();
    domain.resolveArea('凉山甘洛县');
    const t3 = performance.now(); const c3 = process.cpuUsage(c2);
    globalThis.gc(); const after = process.memoryUsage().heapUsed;
    console.log(JSON.stringify({ importMs: t1 - t0, firstUseMs: t3 - t2, firstUseCpuMs: (c3.user + c3.system) / 1000, heapMb: (after - before) / 1048576 }));`;
  const runs = [0, 1, 2].map(
    () =>
      JSON.parse(
        execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }),
      ) as Cold,
  );
  return {
    importMs: median(runs.map((r) => r.importMs)),
    firstUseMs: median(runs.map((r) => r.firstUseMs)),
    firstUseCpuMs: median(runs.map((r) => r.firstUseCpuMs)),
    heapMb: median(runs.map((r) => r.heapMb)),
  };
}

/** A deterministic pseudo-random sequence (LCG), so the variants are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SHORT = /(?:(?:[\u4e00-\u9fff]{1,4}族)*(?:自治区|自治州|自治县|自治旗)|省|市|地区|新区|盟|县|区|旗|镇|乡|街道)$/u;
const short = (name: string) => {
  const stem = name.replace(SHORT, '');
  return stem.length >= 2 ? stem : name;
};

/** Variants of a division's name as people write them, each with the code it must resolve to. */
function variants(all: readonly Division[]): { input: string; code: string }[] {
  const next = random(6);
  const out: { input: string; code: string }[] = [];
  const names = (code: string) => getDivision(code)!;
  for (const division of all) {
    if (division.level === 'province' || division.level === 'prefecture') continue;
    if (division.level === 'township' && next() > 0.25) continue;
    const [parent, ...rest] = divisionAncestors(division.code).map(names);
    const top = rest.at(-1);
    const pick = next();
    let input: string;
    if (pick < 0.3 && parent) input = `${short(parent.name)}${division.name}`;
    else if (pick < 0.5 && parent) input = `${parent.name}${short(division.name)}`;
    else if (pick < 0.65 && top && parent) input = `${short(top.name)} ${parent.name} ${division.name}`;
    else if (pick < 0.8 && parent) input = `${parent.name}\u3000${division.name}`.replace(/市/gu, '市 ');
    else if (pick < 0.9) input = `${division.fullName}（全境）`;
    // 区 ↔ 市 renames happen to counties (海门市 → 海门区); nobody writes a township's 开发区 as 开发市.
    else if (division.level === 'county') input = division.fullName.replace(/区$/u, '市');
    else input = division.fullName;
    out.push({ input, code: division.code });
  }
  return out;
}

/** The baseline: no index, every division tested per name (suffix match on the name, the short name, the full name). */
function linearScan(all: readonly Division[], input: string): Division[] {
  const text = input.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
  return all.filter((d) => text === d.fullName || text.endsWith(d.name) || text.endsWith(short(d.name)));
}

/** Names per second over `inputs`: median of `runs` by the wall clock and by this process's CPU time. */
function rate(inputs: readonly string[], resolve: (input: string) => unknown, runs = 5): { wall: number; cpu: number } {
  for (const input of inputs.slice(0, 200)) resolve(input);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    for (const input of inputs) resolve(input);
    const used = process.cpuUsage(startCpu);
    wall.push((inputs.length / (performance.now() - start)) * 1000);
    cpu.push(inputs.length / ((used.user + used.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}
const show = (r: { wall: number; cpu: number }) => `${r.wall.toFixed(0)}\t${r.cpu.toFixed(0)}`;

const dataTs = statSync(join(REPO_ROOT, 'packages', 'domain', 'src', 'areas', 'divisions.data.ts')).size;
const dataJs = statSync(join(DOMAIN_DIST, 'areas', 'divisions.data.js')).size;
const cold = coldStart();
console.log(
  'division table\tsource bytes\tdist bytes\timport (ms)\tfirst use: parse + index (ms, wall / CPU)\theap held (MB)',
);
console.log(
  [
    'NBS 2023',
    dataTs,
    dataJs,
    cold.importMs.toFixed(1),
    `${cold.firstUseMs.toFixed(1)} / ${cold.firstUseCpuMs.toFixed(1)}`,
    cold.heapMb.toFixed(1),
  ].join('\t'),
);

const sample = readFileSync(fixturePath('areas', 'sample-service-areas.txt'), 'utf8')
  .split('\n')
  .filter((line) => line !== '');
/** Every division, provinces first then breadth-first through divisionChildren. */
const everything: Division[] = [];
for (let p = 11; p <= 82; p++) {
  const province = getDivision(`${p}0000`);
  if (province) everything.push(province);
}
for (let i = 0; i < everything.length; i++) everything.push(...divisionChildren(everything[i]!.code));

const repeated = Array.from({ length: ROUNDS }, () => sample).flat();
const generated = variants(everything);
const fullNames = everything.map((d) => d.fullName);

let correct = 0;
let ambiguous = 0;
for (const { input, code } of generated) {
  const result = resolveArea(input);
  if (result.status === 'resolved' && result.division.code === code) correct++;
  else if (result.status === 'ambiguous') ambiguous++;
  if (values.misses && !(result.status === 'resolved' && result.division.code === code)) {
    const got = result.status === 'resolved' ? result.division.fullName : result.status;
    console.log(`miss\t${input}\t${getDivision(code)!.fullName}\t${got}`);
  }
}

const baselineInputs = sample.slice(0, 40);
const baseline = rate(baselineInputs, (input) => linearScan(everything, input), 3);

console.log('\nworkload\tnames\tnames/s (wall clock)\tnames/s (CPU time)\tnote');
console.log(`sample list ×${ROUNDS}\t${repeated.length}\t${show(rate(repeated, resolveArea))}\tindexed resolver`);
console.log(
  `generated variants\t${generated.length}\t${show(
    rate(
      generated.map((g) => g.input),
      resolveArea,
    ),
  )}\t` + `${((100 * correct) / generated.length).toFixed(2)} % to the division they came from, ${ambiguous} ambiguous`,
);
console.log(`full official names\t${fullNames.length}\t${show(rate(fullNames, resolveArea, 3))}\tindexed resolver`);
console.log(`baseline: linear scan\t${baselineInputs.length}\t${show(baseline)}\tno index, same run`);
console.log(
  `(load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores)`,
);
