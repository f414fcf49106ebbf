/**
 * `npm run bench`: the PDQ hash index against brute force on the same hashes, in one run, at radius 31.
 * Brute force is `bruteForceSearch`: a plain JavaScript linear scan over the hashes as handed to the build (8 Uint32
 * words per hash, contiguous), SWAR popcount, stopping after 4 words when already over the radius.
 * Data: uniformly random hashes, and clustered ones (near-duplicates, power-law cluster sizes up to 2,000).
 * Queries: half a stored hash with 0..16 bits flipped (always a match), half random (almost never).
 *
 * Run: `npm run build && node apps/server/dist/bench/hash-index.bench.js [sizes] [--dual 8]
 * [--queries 2000] [--brute 100]`, e.g. `… hash-index.bench.js 1e7 --dual 0,4,8`. Defaults: 1e6,1e7, the default
 * layout. A 10⁷ run needs about 3 GB of memory and a few minutes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bruteForceSearch,
  clusteredHashWords,
  createRandom,
  deserialiseHashIndex,
  flipRandomBits,
  HashIndex,
  randomHashWords,
  serialiseHashIndex,
  type HashMatch,
} from '@proofdesk/forensics';
import { createFsHashIndexStore } from '../adapters/index/fs.hash-index-store.js';

const RADIUS = 31;
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1]! : fallback;
};
const positional = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1]!.startsWith('--')));
const sizes = (positional ?? '1e6,1e7').split(',').map(Number);
const layouts = option('dual', String(HashIndex.empty().settings.dualChunks)).split(',').map(Number);
const queryCount = Number(option('queries', '2000'));
const bruteCount = Number(option('brute', '100'));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Resident-set growth of building this index, measured in a fresh process (see `hash-index-rss.ts`). */
function rssDelta(size: number, data: string, dualChunks: number): number {
  const child = new URL('./hash-index-rss.js', import.meta.url).pathname;
  const args = ['--expose-gc', child, String(size), data, String(dualChunks)];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`RSS probe failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { rssDeltaBytes: number }).rssDeltaBytes;
}
const ms = (x: number) => (x < 10 ? x.toFixed(3) : x.toFixed(1));

function timed<T>(work: () => T): [number, T] {
  const start = performance.now();
  const result = work();
  return [performance.now() - start, result];
}

function makeQueries(words: Uint32Array, count: number, seed: number): Uint32Array[] {
  const random = createRandom(seed);
  const n = words.length / 8;
  return Array.from({ length: count }, (_, q) => {
    const query = new Uint32Array(8);
    if (q % 2 === 1) return query.map(() => random());
    const s = random() % n;
    query.set(words.subarray(s * 8, s * 8 + 8));
    flipRandomBits(query, 0, random() % 17, random);
    return query;
  });
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const loadAtStart = load();
const rows: string[] = [];
const same = (a: HashMatch[], b: HashMatch[]) => a.length === b.length && a.every((m, i) => m.id === b[i]!.id);
const directory = await mkdtemp(join(tmpdir(), 'proofdesk-hash-index-bench-'));

for (const size of sizes) {
  for (const data of ['random', 'clustered'] as const) {
    let words: Uint32Array | undefined = data === 'random' ? randomHashWords(size, 1) : clusteredHashWords(size, 2);
    const ids = Uint32Array.from({ length: size }, (_, i) => i * 2 + 1);
    const queries = makeQueries(words, queryCount, 3);
    const bruteQueries = queries.slice(0, Math.min(bruteCount, queryCount));
    // Brute force first (its result is the reference), warmed up on a few queries.
    for (const q of bruteQueries.slice(0, 5)) bruteForceSearch(ids, words, q, RADIUS);
    const brute = bruteQueries.map((q) => timed(() => bruteForceSearch(ids, words!, q, RADIUS)));
    const bruteMs = brute.map(([t]) => t).sort((a, b) => a - b);
    for (const dualChunks of layouts) {
      const [buildMs, built] = timed(() => HashIndex.build(ids, words!, { dualChunks }));
      let index: HashIndex | undefined = built;
      const memory = index.memory();
      for (const q of queries.slice(0, 200)) index.search(q, RADIUS);
      const times: number[] = [];
      let found = 0;
      for (const q of queries) {
        const [t, matches] = timed(() => index!.search(q, RADIUS));
        times.push(t);
        found += matches.length;
      }
      times.sort((a, b) => a - b);
      const exact = brute.filter(([, expected], i) => same(index!.search(bruteQueries[i]!, RADIUS), expected)).length;
      if (exact !== brute.length) process.exitCode = 1;
      const [serialiseMs, bytes] = timed(() => serialiseHashIndex(index!));
      const [deserialiseMs] = timed(() => deserialiseHashIndex(bytes));
      const store = createFsHashIndexStore(join(directory, 'hash-index.bin'));
      index = undefined;
      let start = performance.now();
      await store.save(deserialiseHashIndex(bytes));
      const saveMs = performance.now() - start;
      start = performance.now();
      const loaded = await store.load();
      const loadMs = performance.now() - start;
      const [afterLoadMs] = timed(() => loaded!.search(queries[0]!, RADIUS));
      rows.push(
        [
          size.toExponential(0),
          data,
          `${8 + dualChunks}`,
          (memory.totalBytes / size).toFixed(1),
          (rssDelta(size, data, dualChunks) / size).toFixed(1),
          (buildMs / 1000).toFixed(1),
          ms(percentile(times, 0.5)),
          ms(percentile(times, 0.99)),
          ms(percentile(bruteMs, 0.5)),
          ms(percentile(bruteMs, 0.99)),
          `${Math.round(percentile(bruteMs, 0.5) / percentile(times, 0.5))}×`,
          `${Math.round(mean(bruteMs) / mean(times))}×`,
          (found / queries.length).toFixed(1),
          `${exact}/${brute.length}`,
          `${(bytes.length / 1e6).toFixed(0)} MB`,
          ms(serialiseMs),
          ms(deserialiseMs),
          ms(saveMs),
          ms(loadMs),
          ms(afterLoadMs),
        ].join(' | '),
      );
      console.log(`| ${rows.at(-1)!} |`);
    }
    words = undefined;
  }
}

const header = [
  'hashes',
  'data',
  'tables',
  'bytes/hash (arrays)',
  'RSS Δ bytes/hash',
  'build s',
  'index p50 ms',
  'index p99 ms',
  'brute p50 ms',
  'brute p99 ms',
  'speed-up p50',
  'speed-up mean',
  'matches/query',
  'exact',
  'file',
  'serialise ms',
  'deserialise ms',
  'save ms',
  'file load ms',
  '1st query ms',
];
/** Adds up to the delta limit, queries with a full delta, rebuilds, removes: what incremental use costs. */
function incremental(size: number): string[] {
  const extra = HashIndex.empty().settings.deltaLimit - 1;
  const words = randomHashWords(size + extra, 4);
  const ids = Uint32Array.from({ length: size }, (_, i) => i);
  const index = HashIndex.build(ids, words.subarray(0, size * 8));
  const queries = makeQueries(words, queryCount, 5);
  const p = (qs: Uint32Array[]) => {
    for (const q of qs.slice(0, 100)) index.search(q, RADIUS);
    const times = qs.map((q) => timed(() => index.search(q, RADIUS))[0]).sort((a, b) => a - b);
    return `p50 ${ms(percentile(times, 0.5))} ms, p99 ${ms(percentile(times, 0.99))} ms`;
  };
  const lines = [`tables only: ${p(queries)}`];
  const [addMs] = timed(() => {
    for (let i = 0; i < extra; i++) index.add(size + i, words.subarray((size + i) * 8, (size + i + 1) * 8));
  });
  lines.push(
    `${extra} adds, no rebuild: ${((addMs / extra) * 1000).toFixed(1)} µs each; with them in the delta: ${p(queries)}`,
  );
  const [compactMs] = timed(() => index.compact());
  lines.push(`rebuild of ${index.size} hashes (compact): ${(compactMs / 1000).toFixed(1)} s; after it: ${p(queries)}`);
  const [removeMs] = timed(() => {
    for (let i = 0; i < 10_000; i++) index.remove(i * 7);
  });
  lines.push(`10000 removals: ${((removeMs / 10_000) * 1000).toFixed(1)} µs each; after them: ${p(queries)}`);
  return lines;
}

const largest = Math.max(...sizes);
const incrementalLines = incremental(largest);
console.log(
  `\nradius ${RADIUS}, ${queryCount} queries (brute force on the first ${bruteCount}), Node ${process.version}`,
);
console.log(`load average at start ${loadAtStart}, at end ${load()} (2 cores: above 1, timings are shared)`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row} |`);
console.log(`\nincremental, ${largest.toExponential(0)} random hashes, default layout:`);
for (const line of incrementalLines) console.log(`  ${line}`);
await rm(directory, { recursive: true, force: true });
