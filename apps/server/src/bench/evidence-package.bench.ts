/**
 * Evidence package generation: how long a claim's PDF and ZIP take and how big they are, for a claim with N buyer
 * photos (the demo's stained-lock forgery plus N−1 camera photos, all analysed), the merchant's packing photo, the
 * decision and its audit trail — real services, real SQLite or PostgreSQL, real blob store, sharp, pdfkit and yazl.
 *
 * Run: `npm run build && node apps/server/dist/bench/evidence-package.bench.js [--dialect sqlite|postgres] [--n 8]
 * [--runs 3]`. Prints the median of `--runs` for each format.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import type { Dialect } from '../adapters/db/database.js';
import { createTestApp } from '../http/test-app.js';
import { seedForgedClaim } from '../services/evidence-package/package-fixture.js';
import type { EvidencePackage } from '../services/evidence-package.service.js';
import { REPO_ROOT } from '../testing/paths.js';

const { values } = parseArgs({
  options: {
    dialect: { type: 'string', default: 'sqlite' },
    n: { type: 'string', default: '8' },
    runs: { type: 'string', default: '3' },
  },
});
const dialect = values.dialect as Dialect;
const n = Math.max(1, Number(values.n));
const runs = Math.max(1, Number(values.runs));

/** N−1 distinct camera photos: the demo's four, re-encoded at different qualities once they run out. */
async function cameraPhotos(count: number): Promise<Uint8Array[]> {
  const sources = [1, 2, 3, 4].map((i) =>
    readFileSync(join(REPO_ROOT, `apps/server/demo/photos/evidence-camera-${i}.jpg`)),
  );
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    out.push(
      i < sources.length
        ? source
        : await sharp(source)
            .jpeg({ quality: 90 - i })
            .toBuffer(),
    );
  }
  return out;
}

async function bytesOf(pkg: EvidencePackage): Promise<Buffer> {
  if (Buffer.isBuffer(pkg.body)) return pkg.body;
  const chunks: Buffer[] = [];
  for await (const chunk of pkg.body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const h = await createTestApp(dialect);
const dir = mkdtempSync(join(tmpdir(), 'proofdesk-package-bench-'));
try {
  const seeded = await seedForgedClaim(h.services, h.actors, () => h.runJobs(), {
    extraEvidence: await cameraPhotos(n - 1),
  });
  for (const format of ['pdf', 'zip'] as const) {
    const times: number[] = [];
    let size = 0;
    for (let r = 0; r < runs; r++) {
      const started = performance.now();
      const bytes = await bytesOf(
        await h.services.evidencePackages.export(h.actors.reviewer, seeded.claimId, format, 'zh'),
      );
      times.push(performance.now() - started);
      size = bytes.length;
      writeFileSync(join(dir, `package.${format}`), bytes);
    }
    const pages =
      format === 'pdf'
        ? ` ${/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'package.pdf')], { encoding: 'utf8' }))?.[1]} pages,`
        : '';
    console.log(
      `${dialect}: evidence package ${format.toUpperCase()} for a claim with ${n} photo(s) + 1 counter-evidence:` +
        `${pages} ${(size / 1024).toFixed(0)} KB, ${median(times).toFixed(0)} ms (median of ${runs}; ` +
        `min ${Math.min(...times).toFixed(0)} ms)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await h.dispose();
}
