import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePlaceName, stemsOf, zoneNamesOf } from './names.js';

describe('stemsOf', () => {
  const CASES: readonly (readonly [string, readonly string[]])[] = [
    ['凉山彝族自治州', ['凉山', '凉山彝族']],
    ['广西壮族自治区', ['广西', '广西壮族']],
    ['新疆维吾尔自治区', ['新疆', '新疆维吾尔']],
    ['内蒙古自治区', ['内蒙古']],
    ['巍山彝族回族自治县', ['巍山', '巍山彝族回族']],
    ['积石山保安族东乡族撒拉族自治县', ['积石山', '积石山保安族东乡族撒拉族']],
    ['喀喇沁左翼蒙古族自治县', ['喀喇沁左翼', '喀喇沁左翼蒙古族']],
    ['顺河回族区', ['顺河', '顺河回族']],
    ['恩和俄罗斯族民族乡', ['恩和', '恩和俄罗斯族']],
    ['甘洛县', ['甘洛']],
    ['毛阳镇', ['毛阳']],
    ['万江街道', ['万江']],
    ['阿拉善盟', ['阿拉善']],
    ['大兴安岭地区', ['大兴安岭']],
    ['神农架林区', ['神农架林']], // 林区 is not a suffix (万柏林区 → 万柏林); 神农架 is an alias
    ['万柏林区', ['万柏林']],
    ['六枝特区', ['六枝']],
    ['北京市', ['北京']],
    ['巴音郭楞蒙古自治州', ['巴音郭楞', '巴音郭楞蒙古']],
    ['伊犁哈萨克自治州', ['伊犁', '伊犁哈萨克']],
    ['察布查尔锡伯自治县', ['察布查尔', '察布查尔锡伯']],
    ['海西蒙古族藏族自治州', ['海西', '海西蒙古族藏族']],
    ['鄂伦春自治旗', ['鄂伦春']],
    ['鄂温克族自治旗', ['鄂温克', '鄂温克族']],
    ['西藏自治区', ['西藏']],
    ['浦东新区', ['浦东']],
    ['郏县', []],
    ['南沙群岛', []],
  ];
  for (const [name, stems] of CASES) {
    it(`${name} → [${stems.join(', ')}]`, () => assert.deepEqual(stemsOf(name), stems));
  }
});

describe('normalizePlaceName', () => {
  const CASES: readonly (readonly [string, string])[] = [
    [' 广西 桂林市·秀峰区（全境） ', '广西桂林市秀峰区全境'],
    ['广东省／东莞市－万江街道', '广东省东莞市万江街道'],
    ['中山市\t坦洲镇。', '中山市坦洲镇'],
    ['ＡＢ１２', 'AB12'],
    ['', ''],
  ];
  for (const [input, expected] of CASES) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () =>
      assert.equal(normalizePlaceName(input), expected));
  }
});

describe('zoneNamesOf', () => {
  it('drops the places above a zone from its name and shortens the long forms', () => {
    assert.deepEqual(zoneNamesOf('成都高新技术产业开发区', ['四川省', '四川', '成都市', '成都']), [
      '成都高新区',
      '高新技术产业开发区',
      '高新区',
    ]);
    assert.deepEqual(zoneNamesOf('河北唐山芦台经济开发区', ['河北省', '河北', '唐山市', '唐山']), [
      '河北唐山芦台经开区',
      '唐山芦台经济开发区',
      '唐山芦台经开区',
      '芦台经济开发区',
      '芦台经开区',
    ]);
    assert.deepEqual(zoneNamesOf('甘洛县', ['四川省']), []);
  });
});
