import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatTechnicianCode,
  hotlineServes,
  judgeAgainstRegistry,
  lookalikeOf,
  lookalikeSkeleton,
  nearMissOf,
  normaliseOfficialValue,
  parseTechnicianCode,
  parseWebsite,
  readVerifyInput,
  registrableDomain,
  technicianCodeFrom,
  type OfficialRegistry,
} from './official.js';

describe('parseWebsite', () => {
  const cases: [string, string, string][] = [
    ['dessmann.com.cn', 'dessmann.com.cn', 'dessmann.com.cn'],
    ['https://www.Dessmann.com.cn/service?from=baidu#top', 'dessmann.com.cn', 'dessmann.com.cn'],
    ['HTTP://WWW.DESSMANN.COM.CN:8080/', 'dessmann.com.cn', 'dessmann.com.cn'],
    ['service.dessmann.com.cn', 'service.dessmann.com.cn', 'dessmann.com.cn'],
    ['ｄｅｓｓｍａｎｎ．ｃｏｍ', 'dessmann.com', 'dessmann.com'],
    ['dessmann。com', 'dessmann.com', 'dessmann.com'],
    ['www.dessmann.com.', 'dessmann.com', 'dessmann.com'],
    ['http://user@evil.example.com/dessmann', 'evil.example.com', 'example.com'],
    ['德施曼.中国', 'xn--p5tz7km1a.xn--fiqs8s', 'xn--p5tz7km1a.xn--fiqs8s'],
    ['dеssmann.com', 'xn--dssmann-7gg.com', 'xn--dssmann-7gg.com'], // Cyrillic е
  ];
  for (const [raw, host, registrable] of cases)
    it(`${JSON.stringify(raw)} → ${host}`, () => {
      const site = parseWebsite(raw);
      assert.ok(site.ok, JSON.stringify(site));
      assert.equal(site.host, host);
      assert.equal(site.registrable, registrable);
    });

  for (const raw of ['', 'ftp://dessmann.com', 'dessmann', 'http://', 'javascript://alert(1)'])
    it(`refuses ${JSON.stringify(raw)}`, () => assert.equal(parseWebsite(raw).ok, false));

  it('flags internationalised names', () => {
    const site = parseWebsite('dеssmann.com');
    assert.ok(site.ok && site.internationalised);
    const plain = parseWebsite('dessmann.com');
    assert.ok(plain.ok && !plain.internationalised);
  });

  it('registrable domains under second-level registries', () => {
    assert.equal(registrableDomain('a.b.brand.com.cn'), 'brand.com.cn');
    assert.equal(registrableDomain('a.brand.cn'), 'brand.cn');
  });
});

describe('lookalikeOf', () => {
  const official = ['dessmann.com.cn'];
  const cases: [string, string | undefined][] = [
    ['dessmann.net', 'other_suffix'],
    ['dessmann.com', 'other_suffix'],
    ['dеssmann.com.cn', 'homoglyph'], // Cyrillic е
    ['dessrnann.com', 'homoglyph'], // rn for m
    ['dessmamn.com', 'typo'],
    ['desmann.cn', 'typo'],
    ['dessmann-400.com', 'brand_in_other_domain'],
    ['dessmann.com.cn.repair-center.cn', 'brand_in_other_domain'],
    ['www.dessmannweixiu.com', 'brand_in_other_domain'],
    ['example.com', undefined],
    ['kaadas.com', undefined],
  ];
  for (const [raw, reason] of cases)
    it(`${raw} → ${reason ?? 'no hint'}`, () => {
      const site = parseWebsite(raw);
      assert.ok(site.ok);
      assert.equal(lookalikeOf(site, official)?.reason, reason);
    });

  it('skeleton folds homoglyphs, digits and letter pairs', () => {
    assert.equal(lookalikeSkeleton('g00gle'), lookalikeSkeleton('google'));
    assert.equal(lookalikeSkeleton('rnicrosoft'), lookalikeSkeleton('microsoft'));
    assert.notEqual(lookalikeSkeleton('kaadas'), lookalikeSkeleton('dessmann'));
  });
});

describe('technician codes', () => {
  it('reads printed, loose and linked forms', () => {
    assert.equal(parseTechnicianCode('7KQ2-M9XD-4TRB'), '7KQ2M9XD4TRB');
    assert.equal(parseTechnicianCode(' 7kq2 m9xd 4trb '), '7KQ2M9XD4TRB');
    assert.equal(parseTechnicianCode('https://service.example.cn/verify?t=7KQ2M9XD4TRB'), '7KQ2M9XD4TRB');
    assert.equal(parseTechnicianCode('OKQ2-M9XD-4TRB'), '0KQ2M9XD4TRB');
  });
  it('refuses other things', () => {
    for (const raw of ['400-1865-909', '123456789012', '7KQ2-M9XD-4TR', '7KQ2-M9XD-4TRU', 'dessmann.com'])
      assert.equal(parseTechnicianCode(raw), undefined, raw);
  });
  it('issues codes with a letter that read back', () => {
    const zeros = technicianCodeFrom(new Uint8Array(12));
    assert.match(zeros, /[A-Z]/);
    for (let seed = 0; seed < 50; seed++) {
      const bytes = Uint8Array.from({ length: 12 }, (_, i) => (seed * 31 + i * 17) % 256);
      const code = technicianCodeFrom(bytes);
      assert.equal(parseTechnicianCode(formatTechnicianCode(code)), code);
    }
    assert.throws(() => technicianCodeFrom(new Uint8Array(4)), RangeError);
  });
});

describe('readVerifyInput', () => {
  const cases: [string, string][] = [
    ['400-1865-909', 'phone'],
    ['+86 400 186 5909', 'phone'],
    ['全国24小时服务热线 400-888-6699', 'phone'],
    ['13800138000', 'phone'],
    ['dessmann.com.cn', 'website'],
    ['https://www.dessmann-400.com/weixiu', 'website'],
    ['www.德施曼维修.com', 'website'],
    ['7KQ2-M9XD-4TRB', 'technician_code'],
    ['https://x.cn/verify.html?t=7KQ2M9XD4TRB', 'technician_code'],
    ['德施曼成都武侯服务网点', 'outlet_name'],
    ['', 'unreadable'],
    ['4OO-186-59O9', 'unreadable'],
    ['65529988', 'unreadable'],
    ['!!', 'unreadable'],
    ['x'.repeat(201), 'unreadable'],
  ];
  for (const [raw, kind] of cases)
    it(`${JSON.stringify(raw.slice(0, 40))} → ${kind}`, () => assert.equal(readVerifyInput(raw).kind, kind));
});

describe('judgeAgainstRegistry', () => {
  const registry: OfficialRegistry = {
    brand: '德施曼',
    hotlines: [{ id: 'h1', number: '4001865909', label: '全国服务热线', areaCode: null }],
    websites: [{ id: 'w1', domain: 'dessmann.com.cn', label: '官方网站' }],
    outlets: [
      { id: 'o1', name: '成都武侯服务网点', phones: ['028-8555 1234'], areaCode: '510107' },
      { id: 'o2', name: '杭州西湖服务网点', phones: ['0571-8888 8888转1'], areaCode: '330106' },
    ],
  };
  const cases: [string, string, string?][] = [
    ['400-1865-909', 'official', 'hotline'],
    ['+86 400 186 5909 转 3', 'official', 'hotline'],
    ['４００１８６５９０９', 'official', 'hotline'],
    ['86-28-85551234', 'official', 'outlet_phone'],
    ['0571 88888888', 'official', 'outlet_phone'],
    ['https://service.dessmann.com.cn/book', 'official', 'website'],
    ['成都武侯服务网点', 'official', 'outlet'],
    ['武侯服务网点', 'official', 'outlet'],
    // Scam-page style: a different 400 number under the brand's name, a look-alike site, a made-up outlet.
    ['德施曼24小时全国维修热线 400-888-6699', 'not_official'],
    ['400-1865-900', 'not_official'],
    ['13800138000', 'not_official'],
    ['dessmann-400.com', 'not_official'],
    ['德施曼售后维修中心', 'not_official'],
    ['7KQ2-M9XD-4TRB', 'not_official'],
    ['4OO-186-59O9', 'unknown'],
  ];
  for (const [raw, verdict, kind] of cases)
    it(`${JSON.stringify(raw)} → ${verdict}${kind ? ` (${kind})` : ''}`, () => {
      const outcome = judgeAgainstRegistry(readVerifyInput(raw), registry);
      assert.equal(outcome.verdict, verdict);
      if (outcome.verdict === 'official') assert.equal(outcome.match.kind, kind);
      assert.ok(outcome.text.zh.length > 0 && outcome.text.en.length > 0);
    });

  it('names the imitated domain', () => {
    const outcome = judgeAgainstRegistry(readVerifyInput('dessmann-400.com'), registry);
    assert.ok(outcome.verdict === 'not_official');
    assert.equal(outcome.lookalike?.officialDomain, 'dessmann.com.cn');
    assert.match(outcome.text.zh, /dessmann\.com\.cn/);
  });

  it('points out a number one digit off, or with two digits swapped, from an official hotline', () => {
    for (const raw of ['400-1865-900', '400-1865-990', '400-1856-909']) {
      const outcome = judgeAgainstRegistry(readVerifyInput(raw), registry);
      assert.equal(outcome.verdict, 'not_official', raw);
      assert.match(outcome.text.zh, /与官方号码 400-186-5909 只差一位/, raw);
    }
    for (const raw of ['400-888-6699', '400-1869-905', '4001865909转1'])
      assert.doesNotMatch(judgeAgainstRegistry(readVerifyInput(raw), registry).text.zh, /只差一位/, raw);
    assert.equal(nearMissOf('4001865909', ['4001865909']), undefined);
    assert.equal(nearMissOf('400186590', ['4001865909']), undefined);
  });

  it('warns about 400 numbers in the answer', () => {
    const outcome = judgeAgainstRegistry(readVerifyInput('400-888-6699'), registry);
    assert.match(outcome.text.zh, /请勿拨打或付款/);
  });
});

describe('hotlineServes and normaliseOfficialValue', () => {
  it('nationwide and regional hotlines', () => {
    assert.ok(hotlineServes(null, '510107'));
    assert.ok(hotlineServes(null, null));
    assert.ok(hotlineServes('510000', '510107004'));
    assert.ok(hotlineServes('510100', '510107'));
    assert.ok(!hotlineServes('510100', '511102'));
    assert.ok(!hotlineServes('330000', '510107'));
    assert.ok(!hotlineServes('510107', null));
  });
  it('registers hotlines and websites canonically, refuses mobiles, extensions and IPs', () => {
    assert.deepEqual(normaliseOfficialValue('hotline', '+86 400 186 5909'), {
      ok: true,
      value: '4001865909',
      display: '400-186-5909',
    });
    assert.deepEqual(normaliseOfficialValue('website', 'https://www.Dessmann.com.cn/'), {
      ok: true,
      value: 'dessmann.com.cn',
      display: 'dessmann.com.cn',
    });
    assert.equal(normaliseOfficialValue('hotline', '13800138000').ok, false);
    assert.equal(normaliseOfficialValue('hotline', '4001865909转2').ok, false);
    assert.equal(normaliseOfficialValue('website', 'http://10.0.0.1/').ok, false);
    assert.equal(normaliseOfficialValue('website', 'nonsense').ok, false);
  });
});
