import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaCodeLevel, areaCodeLineage, areaTreeDistance, areaTreeRelation, isAreaCode } from './area-code-tree.js';
import { coveringOutlets, indexCoverageRules, outletCovers, type CoverageRule } from './coverage.js';

describe('area codes from digits', () => {
  for (const [code, level, lineage] of [
    ['510000', 'province', ['510000']],
    ['513400', 'prefecture', ['513400', '510000']],
    ['513435', 'county', ['513435', '513400', '510000']],
    ['513435104', 'township', ['513435104', '513435', '513400', '510000']],
    // 东莞 has no counties: its townships hang under the prefecture code itself.
    ['441900003', 'township', ['441900003', '441900', '440000']],
    ['442000114', 'township', ['442000114', '442000', '440000']],
    // 五指山 is a county-level city directly under Hainan (4690xx).
    ['469001', 'county', ['469001', '469000', '460000']],
    ['110101', 'county', ['110101', '110100', '110000']],
  ] as const)
    it(`${code} is a ${level} under ${lineage.slice(1).join(' < ') || 'nothing'}`, () => {
      assert.equal(isAreaCode(code), true);
      assert.equal(areaCodeLevel(code), level);
      assert.deepEqual(areaCodeLineage(code), lineage);
    });

  it('refuses codes of the wrong form', () => {
    for (const bad of ['', '51343', '5134351', '51343510', '5134351040', '51x435', '000000', ' 513435'])
      assert.equal(isAreaCode(bad), false, bad);
  });

  for (const [a, b, distance] of [
    ['513435', '513435', 0],
    ['513435104', '513435', 1],
    ['513435104', '513435105', 2],
    ['513435', '513436', 2],
    ['513435104', '513401', 3],
    ['513435104', '513401001', 4],
    ['513435', '510104', 4],
    ['513435104', '510104001', 6],
    ['513435', '532927', 6],
    ['513435104', '532927100', 8],
    ['441900003', '441900004', 2],
    ['441900003', '440104', 4],
  ] as const)
    it(`${a} and ${b} are ${distance} steps apart (both ways)`, () => {
      assert.equal(areaTreeDistance(a, b), distance);
      assert.equal(areaTreeDistance(b, a), distance);
    });

  it('names the nearest common ancestor, and none across provinces', () => {
    assert.deepEqual(areaTreeRelation('513435104', '513435105'), { distance: 2, commonAncestor: '513435' });
    assert.deepEqual(areaTreeRelation('513435104', '513401'), { distance: 3, commonAncestor: '513400' });
    assert.deepEqual(areaTreeRelation('441900003', '441900003'), { distance: 0, commonAncestor: '441900003' });
    assert.deepEqual(areaTreeRelation('513435104', '532927100'), { distance: 8 });
  });
});

const include = (outletId: string, code: string): CoverageRule => ({ outletId, code, mode: 'include' });
const exclude = (outletId: string, code: string): CoverageRule => ({ outletId, code, mode: 'exclude' });

describe('coverage, most specific rule wins', () => {
  // 四川凉山 513400; 甘洛县 513435 with townships 513435104 and 513435105; 西昌 513401.
  const rules: CoverageRule[] = [
    include('prefecture-wide', '513400'),
    exclude('prefecture-wide', '513435'),
    include('prefecture-wide', '513435104'),
    include('county', '513435'),
    exclude('county', '513435105'),
    include('township-only', '513435105'),
    include('province', '510000'),
    exclude('province', '513400'),
  ];

  for (const [area, expected] of [
    ['513401', ['prefecture-wide']],
    ['513401001', ['prefecture-wide']],
    ['513435', ['county']],
    ['513435104', ['county', 'prefecture-wide']],
    ['513435105', ['township-only']],
    ['513435106', ['county']],
    ['510104', ['province']],
    ['510104001', ['province']],
    ['440104', []],
  ] as const)
    it(`${area} is covered by ${expected.join(', ') || 'nobody'}`, () => {
      assert.deepEqual(coveringOutlets(area, rules), expected);
      assert.deepEqual(coveringOutlets(area, indexCoverageRules(rules)), expected);
    });

  it('names the rule that decided for one outlet', () => {
    const own = rules.filter((r) => r.outletId === 'prefecture-wide');
    assert.deepEqual(outletCovers('513435104', own), { covered: true, rule: include('prefecture-wide', '513435104') });
    assert.deepEqual(outletCovers('513435105', own), { covered: false, rule: exclude('prefecture-wide', '513435') });
    assert.deepEqual(outletCovers('440104', own), { covered: false });
  });

  it('reads an include and an exclude of one outlet on one code as exclude', () => {
    assert.deepEqual(coveringOutlets('513435', [include('a', '513435'), exclude('a', '513435')]), []);
    assert.deepEqual(coveringOutlets('513435', [exclude('a', '513435'), include('a', '513435')]), []);
  });

  it("covers 东莞's townships from the prefecture rule and lets a township rule remove one", () => {
    const dongguan = [include('dg', '441900'), exclude('dg', '441900004')];
    assert.deepEqual(coveringOutlets('441900003', dongguan), ['dg']);
    assert.deepEqual(coveringOutlets('441900004', dongguan), []);
  });
});
