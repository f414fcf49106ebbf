/**
 * `npm run eval`: builds the benchmark deterministically from the shared data and measures `checkPhoto` on it.
 * Options: `--seed <text>` (default 1), `--count <n>` cases in all (default 300), `--out <file.json>` (machine-
 * readable results), `--save` (also write every case into `.bench/eval/seed-<seed>`, or `--save-dir <dir>`),
 * `--data <dir>` (default `../shared/data` beside the repository), `--no-references` (the reference-free
 * signals alone, as a baseline).
 * Run: `npm run eval -- --seed 1 --count 300 --out .bench/eval/results.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../testing/paths.js';
import { formatRun } from './eval-print.js';
import { runEval } from './eval-run.js';
import { SOURCE_PHOTOS, loadSourceBytes } from './eval-sources.js';
import { createEvalSubject } from './eval-subject.js';

/** Cases in a default run: a few minutes on two cores. */
export const DEFAULT_COUNT = 300;

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run eval -- [--seed <text>] [--count <n ≥ 3>] [--out <file.json>] [--save | --save-dir <dir>] [--data <dir>] [--no-references]`,
  );
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: String(DEFAULT_COUNT) },
      out: { type: 'string' },
      save: { type: 'boolean', default: false },
      'save-dir': { type: 'string' },
      'no-references': { type: 'boolean', default: false },
      data: { type: 'string', default: join(REPO_ROOT, '..', 'shared', 'data') },
    },
    allowPositionals: false,
  }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const count = Number(args.count);
if (!Number.isInteger(count) || count < 3) usage(`--count must be an integer ≥ 3, not ${args.count}`);
const seed = args.seed;

let sourceBytes;
try {
  sourceBytes = loadSourceBytes(resolve(args.data));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const saveDir = args['save-dir'] ?? (args.save ? join(REPO_ROOT, '.bench', 'eval', `seed-${seed}`) : undefined);
const subject = createEvalSubject({ withoutReferences: args['no-references'] });
try {
  const run = await runEval({
    seed,
    count,
    sources: SOURCE_PHOTOS,
    sourceBytes,
    subject,
    ...(saveDir ? { saveDir } : {}),
    onProgress: (done, total) => {
      if (done % 25 === 0 || done === total) process.stderr.write(`  ${done}/${total} cases\n`);
    },
  });
  console.log(formatRun(run, { seed, count, referenceMatching: subject.referenceMatching }));
  if (args.out) {
    const out = resolve(args.out);
    mkdirSync(dirname(out), { recursive: true });
    const doc = {
      generatedAt: new Date().toISOString(),
      command: `npm run eval -- ${process.argv.slice(2).join(' ')}`.trim(),
      seed,
      count,
      referenceMatching: subject.referenceMatching,
      references: run.references,
      totalMs: Math.round(run.totalMs),
      summary: run.summary,
      results: run.results,
    };
    writeFileSync(out, `${JSON.stringify(doc, null, 1)}\n`);
    console.log(`\nResults written to ${out}`);
  }
  if (saveDir) console.log(`Cases written to ${saveDir}`);
} finally {
  await subject.close();
}
