import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHUNKS, planSearch } from './search-plan.js';

describe('planSearch', () => {
  it('always satisfies the pigeonhole bound Σ (t_j + 1) ≥ r + 1 with −1 ≤ t_j ≤ 32', () => {
    for (const count of [0, 1000, 100_000, 10_000_000]) {
      for (const dualMask of [0, 0x0f, 0xff]) {
        for (let radius = 0; radius <= 256; radius++) {
          const plan = planSearch(radius, count, dualMask, false);
          assert.equal(plan.kind, 'probe');
          if (plan.kind !== 'probe') continue;
          const covered = plan.chunkRadii.reduce((sum, t) => sum + t + 1, 0);
          assert.ok(covered >= radius + 1, `r=${radius} count=${count} dual=${dualMask}: ${String(plan.chunkRadii)}`);
          assert.ok(plan.chunkRadii.every((t) => t >= -1 && t <= 32));
          assert.equal(plan.chunkRadii.length, CHUNKS);
        }
      }
    }
  });

  it('probes at PDQ radius 31 over 10⁷ hashes: radius 3 per chunk with single tables', () => {
    const plan = planSearch(31, 10_000_000, 0);
    assert.equal(plan.kind, 'probe');
    if (plan.kind === 'probe') assert.deepEqual([...plan.chunkRadii], [3, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('gives dual chunks the larger radii, and probes a radius-0 query through one chunk only', () => {
    const plan = planSearch(31, 10_000_000, 0x0f);
    assert.ok(plan.kind === 'probe' && plan.chunkRadii[0]! > plan.chunkRadii[7]!);
    const exact = planSearch(0, 10_000_000, 0);
    assert.ok(exact.kind === 'probe' && exact.chunkRadii.filter((t) => t >= 0).length === 1);
  });

  it('scans small indexes and very large radii, when allowed', () => {
    assert.equal(planSearch(31, 1000, 0).kind, 'scan');
    assert.equal(planSearch(128, 10_000_000, 0xff).kind, 'scan');
    assert.equal(planSearch(31, 1000, 0, false).kind, 'probe');
  });
});
