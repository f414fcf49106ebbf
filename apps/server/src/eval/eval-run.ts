/**
 * One benchmark run: build the reference files, let the subject prepare them, then generate, check and score
 * every planned case one at a time (only one case's pixels are in memory at once).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { scoreCase, type CaseResult } from './case-result.js';
import { writeCase, writeManifest } from './case-files.js';
import { generateCase, planCases, type CaseSpec } from './eval-cases.js';
import type { SourcePhoto } from './eval-sources.js';
import type { EvalSubject } from './eval-subject.js';
import { summarise, type EvalSummary } from './eval-summary.js';
import { referenceFiles } from './reference-files.js';

/** Options of {@link runEval}. */
export interface RunOptions {
  readonly seed: string;
  /** Cases in all (40 % negatives, 10 % unedited derivatives, the rest forgeries). */
  readonly count: number;
  readonly sources: readonly SourcePhoto[];
  readonly sourceBytes: ReadonlyMap<string, Uint8Array>;
  readonly subject: EvalSubject;
  /** Also write every case (photo, mask, manifest) into this folder. */
  readonly saveDir?: string;
  /** Called after each case. */
  readonly onProgress?: (done: number, total: number, result: CaseResult) => void;
  /** Longest side forgeries are painted at (default 1600). */
  readonly workMaxSide?: number;
  /** A clock in milliseconds (default `performance.now`). */
  readonly now?: () => number;
}

/** Everything a run produced. */
export interface RunOutput {
  readonly results: readonly CaseResult[];
  readonly summary: EvalSummary;
  readonly references: { readonly count: number; readonly prepared: number; readonly failed: readonly string[] };
  readonly totalMs: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Runs the benchmark.
 * @throws {Error} when the selection lacks a pool the plan needs, or a case cannot be generated
 */
export async function runEval(options: RunOptions): Promise<RunOutput> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { seed, sources, sourceBytes, subject } = options;
  const references = await referenceFiles(sources, sourceBytes);
  const prepareStart = now();
  const prepared = await subject.prepare([...references.values()]);
  const prepareMs = now() - prepareStart;
  const specs: CaseSpec[] = planCases(seed, options.count, sources);
  const results: CaseResult[] = [];
  const manifest: Record<string, unknown>[] = [];
  for (const spec of specs) {
    const t0 = now();
    const c = await generateCase(spec, {
      seed,
      sources,
      sourceBytes,
      references,
      ...(options.workMaxSide ? { workMaxSide: options.workMaxSide } : {}),
    });
    const t1 = now();
    const report = await subject.check({ file: c.file, bytes: c.bytes, sha256: sha256(c.bytes) });
    const t2 = now();
    const result = scoreCase(c, report, { checkMs: t2 - t1, generateMs: t1 - t0 });
    results.push(result);
    if (options.saveDir) manifest.push({ ...(await writeCase(options.saveDir, c)), sha256: sha256(c.bytes) });
    options.onProgress?.(results.length, specs.length, result);
  }
  if (options.saveDir) writeManifest(join(options.saveDir), { seed, count: options.count }, manifest);
  return {
    results,
    summary: summarise(results, references.size > 0 ? prepareMs / references.size : 0),
    references: { count: references.size, prepared: prepared.prepared, failed: prepared.failed },
    totalMs: now() - started,
  };
}
