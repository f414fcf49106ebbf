import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeFinding } from './finding.js';
import { text } from './text.js';
import { combineFindings } from './verdict.js';

const detail = text('说明', 'detail');

describe('combineFindings', () => {
  it('no findings → clean, score 0', () => assert.deepEqual(combineFindings([]), { score: 0, verdict: 'clean' }));
  it('weight-0 findings never move the score', () => {
    const f = makeFinding('metadata.capture_time_unknown', { severity: 'info', strength: 1, detail });
    assert.deepEqual(combineFindings([f]), { score: 0, verdict: 'clean' });
  });
  it('a weak signal alone stays clean', () => {
    const f = makeFinding('metadata.editing_software', { severity: 'info', strength: 1, detail });
    assert.equal(combineFindings([f]).verdict, 'clean');
  });
  it('independent evidence accumulates into suspicious', () => {
    const a = makeFinding('metadata.editing_software', { severity: 'info', strength: 1, detail });
    const b = makeFinding('capture.screenshot', { severity: 'warn', strength: 0.5, detail });
    const c = makeFinding('tamper.thumbnail_mismatch', { severity: 'warn', strength: 0.5, detail });
    const result = combineFindings([a, b, c]);
    assert.equal(result.verdict, 'suspicious');
    assert.ok(result.score < 1);
  });
  it('a decisive finding at full strength → forged', () => {
    const f = makeFinding('provenance.aigc_label', { severity: 'high', strength: 1, detail });
    assert.equal(combineFindings([f]).verdict, 'forged');
  });
  it('a decisive code at low strength is only suspicious', () => {
    const f = makeFinding('provenance.aigc_label', { severity: 'warn', strength: 0.6, detail });
    assert.equal(combineFindings([f]).verdict, 'suspicious');
  });
  it('a non-decisive finding never makes forged, however strong', () => {
    const f = makeFinding('metadata.captured_before_delivery', { severity: 'high', strength: 1, detail });
    assert.equal(combineFindings([f]).verdict, 'suspicious');
  });
  it('rejects a strength outside 0..1', () => {
    assert.throws(() => makeFinding('capture.screenshot', { severity: 'warn', strength: 1.5, detail }), RangeError);
  });
});
