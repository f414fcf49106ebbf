/**
 * `npm run bench`: automatic dispatch over a national network of 5,000 outlets and 20,000 technicians placed on
 * real division codes (the NBS 2023 table of `@proofdesk/domain`'s areas), against a naive baseline in the same run.
 *
 * Network: each outlet sits in a random county (or a prefecture-level city's township where it has no counties)
 * and covers its county; 30 % also cover their whole prefecture, 20 % exclude one of their county's townships,
 * 20 % add a neighbouring county, 10 % cover only one to three townships. Technicians: a random home outlet, one
 * or two of three product lines, three to six fault categories, a rating 3.5–5.0, 5 % inactive, a few days off.
 * Requests: a random township anywhere in China (so some find nobody), product line, fault, slot and one of 20
 * dates in March 2026 (a holiday-free month with weekends); loads: 0–2 bookings for 8,000 technicians per date/slot.
 *
 * Measured: index build time; decision time p50/p99/mean over the requests (target p99 ≤ 5 ms), as wall clock,
 * as process CPU time (not counting time other processes held the cores) and as the best of three re-runs of each
 * request (both tell a slow decision from a preempted one on a shared machine); the baseline
 * (every technician checked one by one: its outlet's rules, skills by array search, calendar, capacity, then the
 * same ranking) on the same requests, whose top candidate must agree with `decideDispatch`.
 *
 * Run: `npm run build && node apps/server/dist/bench/dispatch.bench.js [--requests 5000] [--baseline 300] [--seed 6]`
 */
import { loadavg } from 'node:os';
import {
  areaTreeDistance,
  createBusinessCalendar,
  createDispatchIndex,
  decideDispatch,
  divisionChildren,
  FAULT_CATEGORIES,
  getDivision,
  outletCovers,
  SLOTS,
  type CoverageRule,
  type Division,
  type DispatchOutlet,
  type DispatchRequest,
  type DispatchTechnician,
} from '@proofdesk/domain';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const OUTLETS = 5_000;
const TECHNICIANS = 20_000;
const REQUESTS = option('requests', 5_000);
const BASELINE_REQUESTS = Math.min(REQUESTS, option('baseline', 300));
const PRODUCT_LINES = ['smart_lock', 'smart_lock_pro', 'video_doorbell'];

/** mulberry32: a small seeded generator so every run places the same network. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = seeded(option('seed', 6));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const sample = <T>(xs: readonly T[], n: number): T[] => [...xs].sort(() => random() - 0.5).slice(0, n);

// Real codes: every county and township, walked down from the provinces.
const started = performance.now();
const counties: Division[] = [];
const townships: Division[] = [];
const townshipsOf = new Map<string, Division[]>();
const countiesOf = new Map<string, Division[]>();
function walk(division: Division): void {
  for (const child of divisionChildren(division.code)) {
    if (child.level === 'county') {
      counties.push(child);
      const siblings = countiesOf.get(division.code) ?? [];
      countiesOf.set(division.code, [...siblings, child]);
    }
    if (child.level === 'township') {
      townships.push(child);
      townshipsOf.set(division.code, [...(townshipsOf.get(division.code) ?? []), child]);
    }
    walk(child);
  }
}
for (let p = 10; p < 100; p++) {
  const province = getDivision(`${p}0000`);
  if (province) walk(province);
}
const tableMs = performance.now() - started;
// Places an outlet can sit: counties, and prefecture-level cities without counties (东莞, 中山, 儋州, 嘉峪关).
const seats = [
  ...counties,
  ...[...townshipsOf.keys()].filter((code) => code.endsWith('00')).map((code) => getDivision(code)!),
];

const outlets: DispatchOutlet[] = [];
const coverage: CoverageRule[] = [];
for (let i = 0; i < OUTLETS; i++) {
  const id = `outlet-${String(i).padStart(5, '0')}`;
  const seat = pick(seats);
  outlets.push({ id, name: `${seat.name}网点`, areaCode: seat.code });
  const towns = townshipsOf.get(seat.code) ?? [];
  if (random() < 0.1 && towns.length > 0) {
    for (const town of sample(towns, 1 + Math.floor(random() * 3)))
      coverage.push({ outletId: id, code: town.code, mode: 'include' });
    continue;
  }
  coverage.push({ outletId: id, code: seat.code, mode: 'include' });
  const prefecture = seat.parent ?? seat.code;
  if (random() < 0.3) coverage.push({ outletId: id, code: prefecture, mode: 'include' });
  if (random() < 0.2 && towns.length > 1) coverage.push({ outletId: id, code: pick(towns).code, mode: 'exclude' });
  const neighbours = countiesOf.get(prefecture) ?? [];
  if (random() < 0.2 && neighbours.length > 1)
    coverage.push({ outletId: id, code: pick(neighbours).code, mode: 'include' });
}

const DATES = Array.from({ length: 20 }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`);
const technicians: DispatchTechnician[] = Array.from({ length: TECHNICIANS }, (_, i) => ({
  id: `tech-${String(i).padStart(6, '0')}`,
  homeOutletId: pick(outlets).id,
  productLines: sample(PRODUCT_LINES, 1 + Math.floor(random() * 2)),
  faultCategories: sample(FAULT_CATEGORIES, 3 + Math.floor(random() * 4)),
  rating: Math.round((3.5 + random() * 1.5) * 10) / 10,
  active: random() >= 0.05,
  daysOff: random() < 0.3 ? sample(DATES, 2) : [],
  extraWorkingDays: random() < 0.1 ? DATES.filter((d) => [0, 6].includes(new Date(d).getUTCDay())).slice(0, 2) : [],
}));

// Loads are per date and slot (the server counts bookings for the request's date/slot): one sparse map each.
const loadsBySlot = new Map<string, Map<string, number>>();
for (const date of DATES)
  for (const slot of SLOTS) {
    const loads = new Map<string, number>();
    for (let k = 0; k < 8_000; k++) loads.set(pick(technicians).id, Math.floor(random() * 3));
    loadsBySlot.set(`${date}/${slot}`, loads);
  }
const requests = Array.from({ length: REQUESTS }, () => {
  const request: DispatchRequest = {
    areaCode: pick(townships).code,
    productLine: pick(PRODUCT_LINES),
    faultCategory: pick(FAULT_CATEGORIES),
    date: pick(DATES),
    slot: pick(SLOTS),
  };
  return { request, loads: loadsBySlot.get(`${request.date}/${request.slot}`)! };
});

const calendar = createBusinessCalendar();
const buildStart = performance.now();
const index = createDispatchIndex({ version: 1, outlets, coverage, technicians });
const buildMs = performance.now() - buildStart;

/** The baseline: check all 20,000 technicians one by one, then rank as dispatch does. */
const rulesByOutlet = new Map<string, CoverageRule[]>();
for (const rule of coverage) rulesByOutlet.set(rule.outletId, [...(rulesByOutlet.get(rule.outletId) ?? []), rule]);
const outletById = new Map(outlets.map((o) => [o.id, o]));
function naive(request: DispatchRequest, loads: ReadonlyMap<string, number>): string | null {
  const passed: { id: string; load: number; distance: number; rating: number }[] = [];
  for (const t of technicians) {
    if (!outletCovers(request.areaCode, rulesByOutlet.get(t.homeOutletId) ?? []).covered) continue;
    if (t.active === false || !t.productLines.includes(request.productLine)) continue;
    if (!t.faultCategories.includes(request.faultCategory)) continue;
    const working = t.extraWorkingDays?.includes(request.date)
      ? true
      : !t.daysOff?.includes(request.date) && calendar.isWorkingDay(request.date);
    const load = loads.get(t.id) ?? 0;
    if (!working || load >= 2) continue;
    const distance = areaTreeDistance(outletById.get(t.homeOutletId)!.areaCode, request.areaCode);
    passed.push({ id: t.id, load, distance, rating: t.rating ?? 0 });
  }
  passed.sort((a, b) => a.load - b.load || a.distance - b.distance || b.rating - a.rating || (a.id < b.id ? -1 : 1));
  return passed[0]?.id ?? null;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number): string => (x < 10 ? x.toFixed(3) : x.toFixed(1));

// Warm up the JIT on a slice, then time every request.
for (const { request, loads } of requests.slice(0, 200)) decideDispatch(index, request, loads, calendar);
const times: number[] = [];
const cpuTimes: number[] = [];
const chosen: (string | null)[] = [];
let eligible = 0;
let nobody = 0;
for (const { request, loads } of requests) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const decision = decideDispatch(index, request, loads, calendar);
  times.push(performance.now() - t0);
  const cpu = process.cpuUsage(c0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  chosen.push(decision.chosen?.technicianId ?? null);
  eligible += decision.eligible;
  if (!decision.chosen) nobody++;
}
// The same requests again, best of three each: what a decision costs when this process is not preempted.
const bestTimes = requests.map(({ request, loads }) => {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    decideDispatch(index, request, loads, calendar);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
});
const baselineTimes: number[] = [];
let disagreements = 0;
for (let i = 0; i < BASELINE_REQUESTS; i++) {
  const { request, loads } = requests[i]!;
  const t0 = performance.now();
  const top = naive(request, loads);
  baselineTimes.push(performance.now() - t0);
  if (top !== chosen[i]) disagreements++;
}
for (const xs of [times, cpuTimes, bestTimes, baselineTimes]) xs.sort((a, b) => a - b);
const p50 = percentile(times, 0.5);
const p99 = percentile(times, 0.99);
const baseP50 = percentile(baselineTimes, 0.5);
const baseP99 = percentile(baselineTimes, 0.99);

console.log(
  `dispatch bench: node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  `network: ${OUTLETS} outlets, ${TECHNICIANS} technicians, ${coverage.length} coverage rules on real codes ` +
    `(${counties.length} counties, ${townships.length} townships; table walked in ${fmt(tableMs)} ms)`,
);
console.log(`index build: ${fmt(buildMs)} ms`);
console.log(
  `decideDispatch over ${REQUESTS} requests, wall clock: p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms, mean ` +
    `${fmt(mean(times))} ms, max ${fmt(times[times.length - 1]!)} ms (target p99 ≤ 5 ms: ${p99 <= 5 ? 'met' : 'MISSED'})`,
);
console.log(
  `  process CPU time per decision: p50 ${fmt(percentile(cpuTimes, 0.5))} ms, p99 ${fmt(percentile(cpuTimes, 0.99))} ms; ` +
    `best of 3 wall clock: p50 ${fmt(percentile(bestTimes, 0.5))} ms, p99 ${fmt(percentile(bestTimes, 0.99))} ms; ` +
    `mean eligible ${(eligible / REQUESTS).toFixed(1)}, nobody eligible ${((100 * nobody) / REQUESTS).toFixed(1)} %`,
);
console.log(
  `baseline (scan all technicians) over ${BASELINE_REQUESTS} requests: p50 ${fmt(baseP50)} ms, p99 ${fmt(baseP99)} ms; ` +
    `index is ${(baseP50 / p50).toFixed(0)}× faster at p50, ${(baseP99 / p99).toFixed(0)}× at p99; ` +
    `top candidate disagreements: ${disagreements}`,
);
if (disagreements > 0) process.exitCode = 1;
