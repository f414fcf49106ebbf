import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Finding, PhotoInput, PhotoReport } from '@proofdesk/forensics';
import { REPO_ROOT } from '../testing/paths.js';
import { DERIVED_CODE, LOCAL_EDIT_CODE } from './case-result.js';
import { generateCase, planCases, type EvalCase } from './eval-cases.js';
import { runEval } from './eval-run.js';
import { loadSourceBytes } from './eval-sources.js';
import { createEvalSubject, type EvalSubject } from './eval-subject.js';
import { FIXTURE_SOURCES } from './fixture-selection.js';
import { maskBounds } from './raster.js';
import { referenceFiles } from './reference-files.js';

const sourceBytes = loadSourceBytes(REPO_ROOT, FIXTURE_SOURCES);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const SEED = 'run-test';
const WORK_MAX_SIDE = 360;

function finding(code: string, extra: Partial<Finding> = {}): Finding {
  const none = { zh: '', en: '' };
  return { code: code as Finding['code'], severity: 'high', score: 0.9, title: none, detail: none, ...extra };
}

/**
 * A perfect checker that knows every generated case (found by the bytes' SHA-256): it says which reference a
 * forgery or derivative comes from and boxes exactly the damage's bounding box.
 */
async function oracle(count: number): Promise<EvalSubject> {
  const references = await referenceFiles(FIXTURE_SOURCES, sourceBytes);
  const truth = new Map<string, EvalCase>();
  for (const spec of planCases(SEED, count, FIXTURE_SOURCES)) {
    const c = await generateCase(spec, {
      seed: SEED,
      sources: FIXTURE_SOURCES,
      sourceBytes,
      references,
      workMaxSide: WORK_MAX_SIDE,
    });
    truth.set(sha(c.bytes), c);
  }
  const report = (input: PhotoInput, verdict: PhotoReport['verdict'], score: number, findings: Finding[]) => ({
    file: input.file,
    sha256: input.sha256,
    width: truth.get(input.sha256)!.width,
    height: truth.get(input.sha256)!.height,
    format: 'jpeg',
    verdict,
    score,
    findings,
    facts: {},
  });
  return {
    referenceMatching: true,
    prepare: (refs) => Promise.resolve({ prepared: refs.length, failed: [] }),
    check(input) {
      const c = truth.get(input.sha256);
      if (!c) return Promise.reject(new Error(`the oracle never saw ${input.file}`));
      if (c.kind === 'negative') return Promise.resolve(report(input, 'clean', 0, []));
      const derived = finding(DERIVED_CODE, { ref: { file: c.reference!, distance: 4 } });
      if (c.kind === 'derivative') return Promise.resolve(report(input, 'suspicious', 0.5, [derived]));
      const edit = finding(LOCAL_EDIT_CODE, { regions: [maskBounds(c.mask!)!] });
      return Promise.resolve(report(input, 'forged', 0.99, [derived, edit]));
    },
    close: () => Promise.resolve(),
  };
}

describe('evaluation run', () => {
  it('scores a perfect checker at 100 % detection, IoU 1 against the mask’s box, no false positives', async () => {
    const count = 10;
    const run = await runEval({
      seed: SEED,
      count,
      sources: FIXTURE_SOURCES,
      sourceBytes,
      subject: await oracle(count),
      workMaxSide: WORK_MAX_SIDE,
    });
    const s = run.summary;
    assert.deepEqual(s.counts, { forgery: 5, negative: 4, derivative: 1 });
    assert.equal(s.threshold.score, 0);
    assert.equal(s.detection.atThreshold, 1);
    assert.equal(s.detection.forgedVerdict, 1);
    assert.equal(s.detection.derivedRight, 1);
    assert.equal(s.iou.localEditBbox, 1);
    assert.ok(s.iou.localEditPixel > 0 && s.iou.localEditPixel <= 1);
    assert.deepEqual(s.derivatives, { count: 1, derived: 1, derivedRight: 1, localEdit: 0 });
    assert.deepEqual(s.negatives, { suspiciousOrWorse: 0, forged: 0, derived: 0 });
    assert.ok(s.targetsMet.detection && s.targetsMet.iouBbox);
    assert.deepEqual(s.anomalies, { sizeMismatch: 0, errors: 0 });
    assert.equal(run.references.count, 4);
  });

  it('runs the product itself end to end on four fixture cases through the real adapters', async () => {
    const subject = createEvalSubject();
    // Two references and two holdout photos keep the preparation short.
    const few = FIXTURE_SOURCES.filter(
      (s) => ['listing/jacket-green', 'camera/fujifilm-dx10'].includes(s.id) || s.role === 'holdout',
    );
    try {
      const run = await runEval({ seed: SEED, count: 4, sources: few, sourceBytes, subject, workMaxSide: 480 });
      assert.equal(run.references.prepared, 2, run.references.failed.join('; '));
      assert.equal(run.results.length, 4);
      for (const r of run.results) {
        assert.notEqual(r.verdict, 'error', `${r.id}: ${r.codes.join(', ')}`);
        assert.equal(r.sizeMismatch, undefined, `${r.id}: the report's size differs from the photo's`);
        assert.ok(r.checkMs > 0 && r.score >= 0 && r.score <= 1);
        assert.equal(r.iouLocalEdit !== undefined, r.kind === 'forgery');
      }
      if (subject.referenceMatching) {
        // The simplest cases: a forgery and a derivative saved without any transform must be traced to their
        // reference; genuine negatives must not be.
        for (const r of run.results.filter((x) => x.kind !== 'negative' && x.category === 'none')) {
          assert.equal(r.derivedFrom, r.reference, `${r.id} not traced to ${r.reference}`);
        }
        assert.ok(run.results.filter((x) => x.kind === 'negative').every((x) => !x.derived));
      }
    } finally {
      await subject.close();
    }
  });
});
