import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { divisionTable, getDivision } from './divisions.js';
import { resolveArea } from './resolve.js';

/** The examples and more, with the code and full name checked by hand against the NBS table. */
const RESOLVED: readonly (readonly [input: string, code: string, fullName: string])[] = [
  ['凉山甘洛县', '513435', '四川省凉山彝族自治州甘洛县'],
  ['大理巍山彝族回族自治县', '532927', '云南省大理白族自治州巍山彝族回族自治县'],
  ['五指山市毛阳', '469001102', '海南省五指山市毛阳镇'],
  ['保亭黎族苗族自治县什玲', '469029101', '海南省保亭黎族苗族自治县什玲镇'],
  ['内蒙古阿拉善盟阿拉善左旗', '152921', '内蒙古自治区阿拉善盟阿拉善左旗'],
  ['东莞市万江街道', '441900005', '广东省东莞市万江街道'],
  ['中山市坦洲镇', '442000107', '广东省中山市坦洲镇'],
  ['临高县博厚镇', '469024103', '海南省临高县博厚镇'],
  ['广西桂林市秀峰区', '450302', '广西壮族自治区桂林市秀峰区'],
  // Short forms of provinces and autonomous prefectures.
  ['新疆乌鲁木齐市天山区', '650102', '新疆维吾尔自治区乌鲁木齐市天山区'],
  ['延边延吉市', '222401', '吉林省延边朝鲜族自治州延吉市'],
  ['恩施巴东县', '422823', '湖北省恩施土家族苗族自治州巴东县'],
  ['凉山州西昌市', '513401', '四川省凉山彝族自治州西昌市'],
  ['海南贵南县', '632525', '青海省海南藏族自治州贵南县'],
  // Full-width, spaces, punctuation and fillers.
  ['  广西 桂林市·秀峰区（全境） ', '450302', '广西壮族自治区桂林市秀峰区'],
  ['广东省／东莞市－万江街道办', '441900005', '广东省东莞市万江街道'],
  // Levels skipped, and a name alone.
  ['四川省甘洛县', '513435', '四川省凉山彝族自治州甘洛县'],
  ['甘洛', '513435', '四川省凉山彝族自治州甘洛县'],
  ['北京市朝阳区', '110105', '北京市朝阳区'],
  ['重庆市城口县', '500229', '重庆市城口县'],
  ['天津', '120000', '天津市'],
  ['长沙', '430100', '湖南省长沙市'],
  ['朝阳市', '211300', '辽宁省朝阳市'],
  ['嘉峪关市', '620200', '甘肃省嘉峪关市'],
  ['嘉峪关市雄关街道', '620201001', '甘肃省嘉峪关市雄关街道'],
  ['坦洲', '442000107', '广东省中山市坦洲镇'],
  // Names holding a filler word (全区, 全县) are names, not fillers; a filler after a name is dropped.
  ['张家口市万全区', '130708', '河北省张家口市万全区'],
  ['雅安天全县', '511825', '四川省雅安市天全县'],
  ['中山市坦洲镇（全镇）', '442000107', '广东省中山市坦洲镇'],
  ['广州市番禺区全境', '440113', '广东省广州市番禺区'],
  // A short form that keeps the nationality; a county's short form before a township's of the same name elsewhere.
  ['新疆维吾尔乌鲁木齐市', '650100', '新疆维吾尔自治区乌鲁木齐市'],
  ['洛阳市瀍河回族', '410304', '河南省洛阳市瀍河回族区'],
  ['广州市白云', '440111', '广东省广州市白云区'],
  ['太原市万柏林', '140109', '山西省太原市万柏林区'],
  ['重庆市江北', '500105', '重庆市江北区'],
  // Nationalities without 族 before 自治州/县 (Xinjiang); 新区; development zones as people shorten them.
  ['巴音郭楞库尔勒', '652801', '新疆维吾尔自治区巴音郭楞蒙古自治州库尔勒市'],
  ['伊犁州伊宁市', '654002', '新疆维吾尔自治区伊犁哈萨克自治州伊宁市'],
  ['察布查尔县', '654022', '新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县'],
  ['鄂温克旗', '150724', '内蒙古自治区呼伦贝尔市鄂温克族自治旗'],
  ['上海浦东', '310115', '上海市浦东新区'],
  ['石家庄高新区', '130171', '河北省石家庄市石家庄高新技术产业开发区'],
  ['唐山市芦台经开区', '130271', '河北省唐山市河北唐山芦台经济开发区'],
  ['合肥经开区', '340177', '安徽省合肥市合肥经济技术开发区'],
  // Lists exported from cascading pickers and NBS-style tables; notes in brackets; a district named 城区.
  ['北京市北京市朝阳区', '110105', '北京市朝阳区'],
  ['北京市市辖区朝阳区', '110105', '北京市朝阳区'],
  ['重庆市县城口县', '500229', '重庆市城口县'],
  ['深圳市南山区（含前海）', '440305', '广东省深圳市南山区'],
  ['东湖风景区街道（武昌）', '420106490', '湖北省武汉市武昌区东湖风景区街道（武昌）'],
  ['阳泉市城区', '140302', '山西省阳泉市城区'],
  ['长沙市区', '430100', '湖南省长沙市'],
  ['承德市承德', '130821', '河北省承德市承德县'],
  // The last part of an autonomous suffix: 陵水县 for 陵水黎族自治县 (景德镇's 昌江区 would need 区).
  ['陵水县', '469028', '海南省陵水黎族自治县'],
  ['昌江县', '469026', '海南省昌江黎族自治县'],
  // Renamed: the suffix changed (海门市 → 海门区, 2020).
  ['南通市海门市', '320614', '江苏省南通市海门区'],
];

const VIA_ALIAS: readonly (readonly [input: string, code: string, fullName: string])[] = [
  ['三沙市南沙区', '460322', '海南省三沙市南沙群岛'],
  ['海南省西沙区', '460321', '海南省三沙市西沙群岛'],
  ['安庆市枞阳县', '340722', '安徽省铜陵市枞阳县'],
  ['襄樊市', '420600', '湖北省襄阳市'],
  ['上海市闸北区', '310106', '上海市静安区'],
  ['上海闸北', '310106', '上海市静安区'],
  ['三沙南沙', '460322', '海南省三沙市南沙群岛'],
];

const AMBIGUOUS: readonly (readonly [input: string, codes: readonly string[]])[] = [
  ['朝阳区', ['110105', '220104']],
  ['鼓楼区', ['320106', '320302', '350102', '410204']],
  ['朝阳', ['110105', '211300', '220104']],
  ['南沙区', ['440115']],
  ['大同区林源', ['230606011', '230606103']], // 林源街道 and 林源镇, both in 大庆市大同区
  ['白云区云城', ['440111016', '520113007']], // 广州 and 贵阳 each have a 白云区 with a 云城街道 // only Guangzhou's: 三沙's needs 三沙市 before it (checked as resolved below)
];

const UNRESOLVED: readonly (readonly [input: string, en: RegExp])[] = [
  ['', /empty/],
  ['   ', /empty/],
  ['foo', /no division is named "foo"/],
  ['北京市双塔区', /"双塔区" \(辽宁省朝阳市双塔区\) is not in 北京市/],
  ['广州市不存在区', /no division named "不存在区" in 广东省广州市/],
  ['毛阳毛阳毛阳', /.+/],
  ['达斡尔区', /no division named "区"/], // a township's short form takes township suffixes only (达斡尔民族乡)
  ['香港', /Hong Kong, Macao and Taiwan are not in the NBS division table/],
  ['北京市' + '全'.repeat(78), /too long \(81 characters, at most 80\)/],
  ['中国台湾台北市', /Hong Kong, Macao and Taiwan/],
  ['成都高新区', /"高新区" .* is not in 四川省成都市/], // NBS lists its streets under 武侯区 and others: no code of its own
];

describe('resolveArea', () => {
  for (const [input, code, fullName] of RESOLVED) {
    it(`${JSON.stringify(input)} → ${code} ${fullName}`, () => {
      const result = resolveArea(input);
      assert.equal(result.status, 'resolved', JSON.stringify(result));
      if (result.status !== 'resolved') return;
      assert.equal(result.input, input);
      assert.equal(result.division.code, code);
      assert.equal(result.division.fullName, fullName);
      assert.equal(result.via, undefined);
    });
  }

  for (const [input, code, fullName] of VIA_ALIAS) {
    it(`${input} → ${code} ${fullName} through the alias table`, () => {
      const result = resolveArea(input);
      assert.equal(result.status, 'resolved', JSON.stringify(result));
      if (result.status !== 'resolved') return;
      assert.equal(result.division.code, code);
      assert.equal(result.division.fullName, fullName);
      assert.equal(result.via, 'alias');
    });
  }

  for (const [input, codes] of AMBIGUOUS) {
    if (codes.length === 1) {
      it(`${input} is only ${codes[0]} without the context its alias needs`, () => {
        const result = resolveArea(input);
        assert.equal(result.status, 'resolved');
        if (result.status === 'resolved') assert.equal(result.division.code, codes[0]);
      });
      continue;
    }
    it(`${input} is ambiguous: ${codes.join(', ')}`, () => {
      const result = resolveArea(input);
      assert.equal(result.status, 'ambiguous', JSON.stringify(result));
      if (result.status !== 'ambiguous') return;
      assert.deepEqual(
        result.candidates.map((c) => c.code),
        codes,
      );
    });
  }

  for (const [input, en] of UNRESOLVED) {
    it(`${JSON.stringify(input)} is unresolved, saying why`, () => {
      const result = resolveArea(input);
      assert.equal(result.status, 'unresolved', JSON.stringify(result));
      if (result.status !== 'unresolved') return;
      assert.match(result.reason.en, en);
      assert.ok(result.reason.zh.length > 0);
    });
  }
});

describe('resolveArea on the whole table', () => {
  it("reads every division's full official name as that division (44,689 names)", (t) => {
    const wrong: string[] = [];
    const started = performance.now();
    const { all } = divisionTable();
    for (const division of all) {
      const result = resolveArea(division.fullName);
      if (result.status !== 'resolved' || result.division.code !== division.code) {
        wrong.push(`${division.fullName} ${division.code}: ${JSON.stringify(result)}`);
      }
    }
    t.diagnostic(`${all.length} full names in ${Math.round(performance.now() - started)} ms, ${wrong.length} wrong`);
    assert.deepEqual(wrong.slice(0, 10), []);
  });
});

describe('resolveArea on hostile input', () => {
  for (const input of [
    '全'.repeat(80),
    '城关镇'.repeat(26),
    '朝阳'.repeat(40),
    `北京市${'全'.repeat(77)}`,
    'x'.repeat(100_000),
  ]) {
    it(`answers ${input.slice(0, 6)}… (${input.length} characters) within 250 ms (a quadratic reading would take seconds)`, () => {
      resolveArea('凉山甘洛县'); // the index is built
      const started = performance.now();
      const result = resolveArea(input);
      const elapsedMs = performance.now() - started;
      assert.ok(elapsedMs < 250, `${elapsedMs} ms`);
      assert.notEqual(result.status, undefined);
    });
  }
});

describe('resolveArea on every county as brands write it', () => {
  // Short forms made here with a plain rule (not the resolver's): the official suffix dropped when two or more
  // characters remain.
  const short = (name: string) => {
    const stem = name.replace(
      /(?:[\u4e00-\u9fff]{1,4}族)*(?:自治州|自治县|自治旗)$|(?:市|地区|新区|盟|县|区|旗)$/u,
      '',
    );
    return stem.length >= 2 ? stem : name;
  };
  it('reads <prefecture short><county> and <prefecture><county short> right for ≥ 99.5 % of counties', (t) => {
    const counties = divisionTable().all.filter((d) => d.level === 'county');
    let right = 0;
    let tried = 0;
    const wrong: string[] = [];
    for (const county of counties) {
      const parent = getDivision(county.parent!)!;
      if (parent.level !== 'prefecture') continue;
      for (const input of [`${short(parent.name)}${county.name}`, `${parent.name}${short(county.name)}`]) {
        tried++;
        const result = resolveArea(input);
        if (result.status === 'resolved' && result.division.code === county.code) right++;
        else wrong.push(`${input} → ${result.status === 'resolved' ? result.division.fullName : result.status}`);
      }
    }
    const percent = (100 * right) / tried;
    t.diagnostic(`${right}/${tried} (${percent.toFixed(2)} %) right; first misses: ${wrong.slice(0, 8).join('; ')}`);
    assert.ok(percent >= 99.5, wrong.join('\n'));
  });
});
