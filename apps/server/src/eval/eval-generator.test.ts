import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { REPO_ROOT } from '../testing/paths.js';
import {
  caseCounts,
  generateCase,
  NEGATIVE_TYPES,
  planCases,
  TRANSFORM_CATEGORIES,
  type CaseInputs,
  type CaseSpec,
} from './eval-cases.js';
import { loadSourceBytes, SOURCE_PHOTOS } from './eval-sources.js';
import { FIXTURE_SOURCES } from './fixture-selection.js';
import { DAMAGE_TYPES } from './paint-damage.js';
import { maskArea, maskBounds } from './raster.js';
import { referenceFiles } from './reference-files.js';

const sourceBytes = loadSourceBytes(REPO_ROOT, FIXTURE_SOURCES);
const references = await referenceFiles(FIXTURE_SOURCES, sourceBytes);
const inputs = (seed: string): CaseInputs => ({
  seed,
  sources: FIXTURE_SOURCES,
  sourceBytes,
  references,
  workMaxSide: 360,
});
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('benchmark plan', () => {
  it('splits a count into 40 % negatives, 10 % derivatives, the rest forgeries, at least one of each', () => {
    assert.deepEqual(caseCounts(500), { forgery: 250, negative: 200, derivative: 50 });
    assert.deepEqual(caseCounts(5), { forgery: 2, negative: 2, derivative: 1 });
    assert.throws(() => caseCounts(2), RangeError);
  });
  it('plans the first cases the same whatever the count', () => {
    const small = planCases('s', 9, FIXTURE_SOURCES).filter((s) => s.kind === 'forgery');
    const large = planCases('s', 30, FIXTURE_SOURCES).filter((s) => s.kind === 'forgery');
    assert.deepEqual(small, large.slice(0, small.length));
  });
  it('plans every kind of negative and every transform × damage pair on the shared selection', () => {
    const specs = planCases('1', 200, SOURCE_PHOTOS);
    assert.deepEqual(
      new Set(specs.filter((s) => s.kind === 'negative').map((s) => s.category)),
      new Set(NEGATIVE_TYPES),
    );
    const pairs = new Set(specs.filter((s) => s.kind === 'forgery').map((s) => `${s.category}/${s.damage}`));
    assert.equal(pairs.size, TRANSFORM_CATEGORIES.length * DAMAGE_TYPES.length);
    const ids = new Set(SOURCE_PHOTOS.map((s) => s.id));
    assert.equal(ids.size, SOURCE_PHOTOS.length, 'source ids are unique');
    assert.equal(SOURCE_PHOTOS.filter((s) => s.role === 'reference').length, 92);
  });
  it('draws negatives from holdout photos and forgeries from references only', () => {
    const holdout = new Set(FIXTURE_SOURCES.filter((s) => s.role === 'holdout').map((s) => s.id));
    for (const spec of planCases('s', 9, FIXTURE_SOURCES)) {
      assert.equal(holdout.has(spec.source), spec.kind === 'negative', spec.id);
    }
  });
});

describe('benchmark generator', () => {
  it('is deterministic: the same seed gives byte-identical cases, another seed different ones', async () => {
    const specs = planCases('det', 9, FIXTURE_SOURCES);
    const run = async (seed: string) =>
      Promise.all(specs.map(async (s) => sha((await generateCase({ ...s }, inputs(seed))).bytes)));
    const first = await run('det');
    assert.deepEqual(await run('det'), first);
    const other = await run('other');
    const forgeries = specs.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'forgery');
    assert.ok(forgeries.every(([, i]) => other[i] !== first[i]));
  });

  it('gives every transform category and damage type a non-empty mask in the photo’s own frame', async () => {
    for (const [i, category] of TRANSFORM_CATEGORIES.entries()) {
      const spec: CaseSpec = {
        id: `forgery-t${i}`,
        kind: 'forgery',
        index: 1000 + i,
        category,
        damage: DAMAGE_TYPES[i % DAMAGE_TYPES.length]!,
        source: FIXTURE_SOURCES[i % 4]!.id,
      };
      const c = await generateCase(spec, inputs('masks'));
      const meta = await sharp(c.bytes).metadata();
      assert.equal(meta.format, c.format);
      assert.deepEqual([meta.width, meta.height], [c.width, c.height], spec.id);
      assert.ok(c.mask, `${category}: no mask`);
      assert.deepEqual([c.mask.width, c.mask.height], [c.width, c.height], `${category}: mask size`);
      assert.ok(maskArea(c.mask) > 0, `${category}: empty mask`);
      const box = maskBounds(c.mask)!;
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.w <= c.width && box.y + box.h <= c.height);
      assert.equal(c.steps.length === 0, category === 'none', `${category}: ${c.steps.map((s) => s.kind).join('+')}`);
      assert.ok(c.damageFacts && c.damageFacts.maskShare > 0 && c.damageFacts.boxShare >= 0.009);
      assert.equal(c.reference, `references/${spec.source}.jpg`);
    }
  });

  it('leaves negatives and derivatives without a mask, and negatives without a reference', async () => {
    for (const spec of planCases('neg', 9, FIXTURE_SOURCES).filter((s) => s.kind !== 'forgery')) {
      const c = await generateCase(spec, inputs('neg'));
      assert.equal(c.mask, undefined);
      assert.equal(c.reference === undefined, spec.kind === 'negative');
    }
  });
});
