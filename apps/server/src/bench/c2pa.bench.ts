/**
 * Cost of reading and validating C2PA manifests with c2pa-wasm, per file, on real files: through the adapter (worker
 * thread, the production path), directly on the main thread (to show the worker's overhead), and the byte scan that
 * decides whether to read at all. Run: `npm run build && node apps/server/dist/bench/c2pa.bench.js [dir]`
 * (default `fixtures/c2pa`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { initSync, WasmReader } from '@contentauth/c2pa-wasm';
import { hasC2paMarker, sniffFormat } from '@proofdesk/forensics';
import { C2paWasmReader } from '../adapters/media/c2pa-wasm.c2pa-reader.js';
import { REPO_ROOT } from '../testing/paths.js';

const dir = process.argv[2] ?? join(REPO_ROOT, 'fixtures', 'c2pa');
const rounds = 7;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const files = readdirSync(dir)
  .map((f) => join(dir, f))
  .filter((f) => statSync(f).isFile())
  .flatMap((path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const sniffed = sniffFormat(bytes);
    return sniffed.kind === 'image' ? [{ path, bytes, mimeType: sniffed.mimeType }] : [];
  });

async function time<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

const reader = new C2paWasmReader();
const [coldMs] = await time(() => reader.read(files[0]!.bytes, files[0]!.mimeType));
let t = performance.now();
initSync({ module: readFileSync(createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });
const inlineInitMs = performance.now() - t;
const settings = JSON.stringify({ verify: { ocsp_fetch: false, remote_manifest_fetch: false } });

const rows: string[] = [];
const adapterMedians: number[] = [];
const inlineMedians: number[] = [];
const scanMedians: number[] = [];
for (const { path, bytes, mimeType } of files) {
  const scan: number[] = [];
  const adapter: number[] = [];
  const inline: number[] = [];
  let state = 'no manifest';
  for (let r = 0; r < rounds; r++) {
    const [scanMs, marked] = await time(() => hasC2paMarker(bytes));
    scan.push(scanMs);
    if (!marked) continue;
    const [ms, summary] = await time(() => reader.read(bytes, mimeType));
    adapter.push(ms);
    state = summary?.validationState ?? 'no manifest';
    t = performance.now();
    try {
      const direct = await WasmReader.fromBytes(mimeType, bytes, settings);
      direct.json();
      direct.free();
    } catch {
      // no manifest after all: the cost still counts
    }
    inline.push(performance.now() - t);
  }
  scanMedians.push(median(scan));
  const name = path.slice(path.lastIndexOf('/') + 1);
  const kb = (bytes.length / 1024).toFixed(0);
  if (adapter.length === 0) {
    rows.push(`${name}\t${kb} KB\tno marker\tscan ${median(scan).toFixed(2)} ms`);
    continue;
  }
  adapterMedians.push(median(adapter));
  inlineMedians.push(median(inline));
  rows.push(
    `${name}\t${kb} KB\t${state}\tadapter ${median(adapter).toFixed(1)} ms\tinline ${median(inline).toFixed(1)} ms\tscan ${median(scan).toFixed(2)} ms`,
  );
}
await reader.close();

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
console.log(`files: ${files.length} (${dir}), ${rounds} rounds each, medians`);
for (const row of rows) console.log(`  ${row}`);
console.log(`cold start (worker spawn + wasm compile + init + first read): ${coldMs.toFixed(1)} ms`);
console.log(`main-thread initSync of the 9 MB wasm: ${inlineInitMs.toFixed(1)} ms`);
console.log(
  `read + validate, per file with a manifest (${adapterMedians.length}): adapter median ${median(adapterMedians).toFixed(1)} ms, ` +
    `max ${Math.max(...adapterMedians).toFixed(1)} ms, mean ${(sum(adapterMedians) / adapterMedians.length).toFixed(1)} ms; ` +
    `inline median ${median(inlineMedians).toFixed(1)} ms`,
);
console.log(
  `marker scan per file: median ${median(scanMedians).toFixed(3)} ms, max ${Math.max(...scanMedians).toFixed(3)} ms`,
);
