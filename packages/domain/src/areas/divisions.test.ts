import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { divisionAncestors, divisionChildren, divisionTable, getDivision, parseDivisions } from './divisions.js';

describe('the division table', () => {
  it('holds NBS 2023: 31 provinces, 333 prefectures, 2,974 counties, 41,351 townships (placeholders left out)', () => {
    const counts = { province: 0, prefecture: 0, county: 0, township: 0 };
    for (const division of divisionTable().all) counts[division.level]++;
    // The 342 prefectures, 2,978 counties and 41,352 townships count 市辖区 / 县 / 省直辖县级行政区划 (9),
    // the four counties that repeat their prefecture (东莞, 中山, 儋州, 嘉峪关) and 金门县's township 350527000,
    // which repeats the county: no divisions of their own here.
    assert.deepEqual(counts, { province: 31, prefecture: 333, county: 2974, township: 41351 });
  });

  it('lists each code once, in code order', () => {
    const codes = divisionTable().all.map((d) => d.code.padEnd(9, '0'));
    assert.equal(new Set(codes).size, codes.length);
    assert.deepEqual(codes, [...codes].sort());
  });

  it('has codes of the right shape, each under a listed parent whose code it starts with', () => {
    const { all, byCode } = divisionTable();
    for (const division of all) {
      const shape = division.level === 'township' ? /^\d{9}$/ : /^\d{6}$/;
      assert.match(division.code, shape, division.fullName);
      if (division.level === 'province') {
        assert.equal(division.parent, undefined);
        assert.match(division.code, /0000$/);
        continue;
      }
      const parent = byCode.get(division.parent!);
      assert.ok(parent, `${division.code} has no parent`);
      assert.ok(division.code.startsWith(parent.code.replace(/0+$/, '')), `${division.code} under ${parent.code}`);
      assert.equal(division.fullName, parent.fullName + division.name);
    }
  });

  const DIVISIONS = [
    ['110000', '北京市', 'province', undefined, '北京市'],
    ['110105', '朝阳区', 'county', '110000', '北京市朝阳区'],
    ['513400', '凉山彝族自治州', 'prefecture', '510000', '四川省凉山彝族自治州'],
    ['513435', '甘洛县', 'county', '513400', '四川省凉山彝族自治州甘洛县'],
    ['469001', '五指山市', 'county', '460000', '海南省五指山市'],
    ['469001102', '毛阳镇', 'township', '469001', '海南省五指山市毛阳镇'],
    ['441900005', '万江街道', 'township', '441900', '广东省东莞市万江街道'],
    ['620201001', '雄关街道', 'township', '620200', '甘肃省嘉峪关市雄关街道'],
    ['500229', '城口县', 'county', '500000', '重庆市城口县'],
  ] as const;
  for (const [code, name, level, parent, fullName] of DIVISIONS) {
    it(`getDivision(${code}) is ${fullName}`, () => {
      assert.deepEqual(getDivision(code), { code, name, level, ...(parent ? { parent } : {}), fullName });
    });
  }

  for (const code of ['110100', '469000', '500200', '441900000', '620201', '999999', '', 'abc']) {
    it(`getDivision(${JSON.stringify(code)}) is undefined (placeholder or unknown)`, () => {
      assert.equal(getDivision(code), undefined);
    });
  }

  const ANCESTORS = [
    ['513435100', ['513435', '513400', '510000']],
    ['513435', ['513400', '510000']],
    ['513400', ['510000']],
    ['510000', []],
    ['469001102', ['469001', '460000']],
    ['441900005', ['441900', '440000']],
    ['620201001', ['620200', '620000']],
    ['110105', ['110000']],
    ['513435999', ['513435', '513400', '510000']], // well-formed but not in the table: its listed ancestors
    ['51343', []],
    ['x', []],
  ] as const;
  for (const [code, expected] of ANCESTORS) {
    it(`divisionAncestors(${code}) is [${expected.join(', ')}]`, () => {
      assert.deepEqual(divisionAncestors(code), expected);
    });
  }

  it('lists children in code order: counties under the province when their prefecture is a placeholder', () => {
    const hainan = divisionChildren('460000').map((d) => `${d.code}${d.name}`);
    assert.deepEqual(hainan.slice(0, 5), [
      '460100海口市',
      '460200三亚市',
      '460300三沙市',
      '460400儋州市',
      '469001五指山市',
    ]);
    assert.equal(divisionChildren('110000').length, 16);
    assert.deepEqual(
      divisionChildren('441900')
        .slice(0, 2)
        .map((d) => d.name),
      ['东城街道', '南城街道'],
    );
    assert.deepEqual(divisionChildren('469001102'), []);
    assert.deepEqual(divisionChildren('nope'), []);
    const children = divisionChildren('513400');
    children.pop();
    assert.equal(divisionChildren('513400').length, children.length + 1, 'a copy: callers cannot change the table');
  });

  for (const [data, message] of [
    ['11北京市\n001x', /township before any county/],
    ['11北京市\n12345y', /malformed/],
    ['11北京市\n5134z', /no parent/],
    ['11', /malformed/],
  ] as const) {
    it(`parseDivisions refuses ${JSON.stringify(data)}`, () => {
      assert.throws(() => parseDivisions(data), message);
    });
  }
});
