import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import { createBusinessCalendar } from './business-calendar.js';
import { areaTreeDistance } from './area-code-tree.js';
import type { CoverageRule } from './coverage.js';
import { createDispatchIndex, type DispatchNetwork, type DispatchTechnician } from './dispatch-index.js';
import {
  checkTechnicianForRequest,
  decideDispatch,
  DISPATCH_REJECTIONS,
  type DispatchLoads,
  type DispatchRejection,
  type DispatchRequest,
} from './dispatch.js';

const calendar = createBusinessCalendar();

// 四川凉山: 甘洛县 513435 (townships 513435104, 513435105), 西昌 513401; 成都锦江 510104.
const outlets = [
  { id: 'o-ganluo', name: '甘洛网点', areaCode: '513435' },
  { id: 'o-xichang', name: '西昌网点', areaCode: '513401' },
  { id: 'o-town', name: '乡镇网点', areaCode: '513435105' },
  { id: 'o-chengdu', name: '成都网点', areaCode: '510104' },
];
const coverage: CoverageRule[] = [
  { outletId: 'o-ganluo', code: '513435', mode: 'include' },
  { outletId: 'o-ganluo', code: '513435105', mode: 'exclude' },
  { outletId: 'o-xichang', code: '513400', mode: 'include' },
  { outletId: 'o-xichang', code: '513435', mode: 'exclude' },
  { outletId: 'o-town', code: '513435105', mode: 'include' },
  { outletId: 'o-chengdu', code: '510104', mode: 'include' },
];
const lockTech = (id: string, homeOutletId: string, extra: Partial<DispatchTechnician> = {}): DispatchTechnician => ({
  id,
  homeOutletId,
  productLines: ['smart_lock'],
  faultCategories: ['motor_jammed', 'battery_drained'],
  rating: 4.5,
  ...extra,
});
const request: DispatchRequest = {
  areaCode: '513435104',
  productLine: 'smart_lock',
  faultCategory: 'motor_jammed',
  date: '2026-03-10', // a Tuesday
  slot: 'morning',
};

function decide(
  technicians: DispatchTechnician[],
  change: Partial<DispatchRequest> = {},
  loads: DispatchLoads = {},
  network: Partial<DispatchNetwork> = {},
) {
  const index = createDispatchIndex({ outlets, coverage, technicians, version: 7, ...network });
  return decideDispatch(index, { ...request, ...change }, loads, calendar);
}

describe('dispatch: each hard filter alone', () => {
  it('offers the one technician who passes everything', () => {
    const decision = decide([lockTech('t1', 'o-ganluo')]);
    assert.equal(decision.chosen?.technicianId, 't1');
    assert.equal(decision.eligible, 1);
    assert.equal(decision.indexVersion, 7);
    assert.ok(Object.values(decision.rejected).every((n) => n === 0));
  });

  const cases: [string, DispatchTechnician, Partial<DispatchRequest>, DispatchLoads, DispatchRejection][] = [
    ['an area outside coverage', lockTech('t1', 'o-ganluo'), { areaCode: '510104' }, {}, 'not_covering'],
    ['a township excluded under the county', lockTech('t1', 'o-ganluo'), { areaCode: '513435105' }, {}, 'not_covering'],
    ['an inactive technician', lockTech('t1', 'o-ganluo', { active: false }), {}, {}, 'inactive'],
    ['an excluded technician', lockTech('t1', 'o-ganluo'), { excludeTechnicianIds: ['t1'] }, {}, 'excluded'],
    ['another product line', lockTech('t1', 'o-ganluo'), { productLine: 'safe' }, {}, 'product_line'],
    [
      'a fault outside the skills',
      lockTech('t1', 'o-ganluo'),
      { faultCategory: 'forgotten_password' },
      {},
      'fault_category',
    ],
    ['a public holiday (国庆)', lockTech('t1', 'o-ganluo'), { date: '2026-10-01' }, {}, 'not_working'],
    ['a Sunday', lockTech('t1', 'o-ganluo'), { date: '2026-03-15' }, {}, 'not_working'],
    ["the technician's day off", lockTech('t1', 'o-ganluo', { daysOff: ['2026-03-10'] }), {}, {}, 'not_working'],
    ['a full slot (2 of 2)', lockTech('t1', 'o-ganluo'), {}, { t1: 2 }, 'slot_full'],
    [
      'a full slot by override (1 of 1)',
      lockTech('t1', 'o-ganluo', { capacityPerSlot: 1 }),
      {},
      new Map([['t1', 1]]),
      'slot_full',
    ],
    ["a workspace's capacity of 1", lockTech('t1', 'o-ganluo'), { capacityPerTechnician: 1 }, { t1: 1 }, 'slot_full'],
  ];
  for (const [name, technician, change, loads, reason] of cases)
    it(`leaves out ${name} as ${reason}`, () => {
      const decision = decide([technician], change, loads);
      assert.equal(decision.chosen, null);
      assert.deepEqual(decision.candidates, []);
      assert.equal(decision.rejected[reason], 1);
      assert.equal(
        DISPATCH_REJECTIONS.reduce((sum, r) => sum + decision.rejected[r], 0),
        1,
      );
      assert.match(decision.summary.en, /^0 of 1 technicians eligible; left out: /);
    });

  it('leaves out the technicians of an inactive outlet', () => {
    const decision = decide(
      [lockTech('t1', 'o-ganluo')],
      {},
      {},
      {
        outlets: outlets.map((o) => (o.id === 'o-ganluo' ? { ...o, active: false } : o)),
      },
    );
    assert.equal(decision.rejected.outlet_inactive, 1);
  });

  it('lets a technician work an extra day (a holiday) and a make-up Saturday', () => {
    const holidayWorker = lockTech('t1', 'o-ganluo', { extraWorkingDays: ['2026-10-01'] });
    assert.equal(decide([holidayWorker], { date: '2026-10-01' }).chosen?.technicianId, 't1');
    assert.equal(decide([lockTech('t1', 'o-ganluo')], { date: '2026-02-14' }).chosen?.technicianId, 't1');
  });

  it('takes more bookings when the technician has a larger capacity', () => {
    const decision = decide([lockTech('t1', 'o-ganluo', { capacityPerSlot: 3 })], {}, { t1: 2 });
    assert.equal(decision.chosen?.capacity, 3);
    assert.equal(decision.chosen?.load, 2);
  });

  it('sends a township excluded from the county outlet to the township outlet', () => {
    const technicians = [lockTech('t-county', 'o-ganluo'), lockTech('t-town', 'o-town')];
    const town = decide(technicians, { areaCode: '513435105' });
    assert.deepEqual(
      town.candidates.map((c) => [c.technicianId, c.coveredBy.code]),
      [['t-town', '513435105']],
    );
    assert.equal(town.rejected.not_covering, 1);
    const neighbour = decide(technicians, { areaCode: '513435104' });
    assert.deepEqual(
      neighbour.candidates.map((c) => [c.technicianId, c.coveredBy.code]),
      [['t-county', '513435']],
    );
  });

  it('counts every technician once, by the first filter that removed them', () => {
    const technicians = [
      lockTech('a-ok', 'o-ganluo'),
      lockTech('b-far', 'o-chengdu'),
      lockTech('c-off', 'o-ganluo', { daysOff: ['2026-03-10'] }),
      lockTech('d-full', 'o-ganluo'),
      lockTech('e-safe', 'o-ganluo', { productLines: ['safe'], active: false }),
      lockTech('f-xichang', 'o-xichang'),
    ];
    const decision = decide(technicians, {}, { 'd-full': 2 });
    assert.deepEqual(decision.rejected, {
      not_covering: 2, // 成都, and 西昌 whose prefecture rule is overridden by its exclude of 甘洛
      outlet_inactive: 0,
      inactive: 1,
      excluded: 0,
      product_line: 0,
      fault_category: 0,
      not_working: 1,
      slot_full: 1,
    });
    assert.equal(decision.eligible, 1);
    assert.equal(
      decision.summary.zh,
      '共 6 名技师，1 名符合条件；排除：所属网点不覆盖该地区 2，技师已停用 1，当天不上班 1，该时段已约满 1',
    );
  });
});

describe('dispatch: ranking', () => {
  const extraCoverage: CoverageRule[] = [
    ...coverage,
    { outletId: 'o-chengdu', code: '510000', mode: 'include' },
    { outletId: 'o-town', code: '513435', mode: 'include' },
  ];
  const technicians = [
    lockTech('t-busy-near', 'o-town', { rating: 5 }), // load 1
    lockTech('t-far', 'o-chengdu', { rating: 5 }), // load 0, distance 5 (513435104 ↔ 510104)
    lockTech('t-near-low', 'o-ganluo', { rating: 3.9 }), // load 0, distance 1
    lockTech('t-near-high', 'o-ganluo', { rating: 4.8 }), // load 0, distance 1
    lockTech('t-near-high-2', 'o-ganluo', { rating: 4.8, complaintRate: 0.1 }),
    lockTech('t-near-high-3', 'o-ganluo', { rating: 4.8, complaintRate: 0.02 }),
    lockTech('t-unrated', 'o-ganluo', { rating: null }),
    lockTech('t-town', 'o-town', { rating: 4.8 }), // load 0, distance 2 (sibling township)
  ];
  const loads = { 't-busy-near': 1 };
  const decision = decide(technicians, {}, loads, { coverage: extraCoverage });

  it('ranks by load, then distance in the division tree, then rating, then complaint rate, then id', () => {
    assert.deepEqual(
      decision.candidates.map((c) => [c.technicianId, c.load, c.distance, c.rating]),
      [
        ['t-near-high', 0, 1, 4.8],
        ['t-near-high-3', 0, 1, 4.8],
        ['t-near-high-2', 0, 1, 4.8],
        ['t-near-low', 0, 1, 3.9],
        ['t-unrated', 0, 1, null],
        ['t-town', 0, 2, 4.8],
        ['t-far', 0, 5, 5],
        ['t-busy-near', 1, 2, 5],
      ],
    );
    assert.deepEqual(
      decision.candidates.map((c) => c.rank),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
  });

  it('gives the same answer whatever order the network arrives in', () => {
    const shuffled = decide([...technicians].reverse(), {}, loads, {
      coverage: [...extraCoverage].reverse(),
      outlets: [...outlets].reverse(),
    });
    assert.deepEqual(shuffled.candidates, decision.candidates);
  });

  it('cuts the list to the limit but counts everyone', () => {
    const top = decide(technicians, { limit: 2 }, loads, { coverage: extraCoverage });
    assert.equal(top.candidates.length, 2);
    assert.equal(top.eligible, 8);
  });

  it('explains each candidate in zh and en', () => {
    const first = decision.candidates[0]!;
    assert.equal(
      first.explanation.zh,
      '第 1 名：网点「甘洛网点」按县级规则 513435 覆盖该地区；会修「smart_lock」并能处理该故障；2026-03-10 上班；上午已约 0/2；距离：同区县（1 级）；评分 4.8',
    );
    assert.equal(
      first.explanation.en,
      '#1: outlet "甘洛网点" covers the area by its county rule 513435; skilled for "smart_lock" and the fault; working on 2026-03-10; 0 of 2 booked in the morning; distance: same county (1 step); rating 4.8',
    );
    const far = decision.candidates.find((c) => c.technicianId === 't-far')!;
    assert.match(far.explanation.zh, /按省级规则 510000.*距离：同省（5 级）/);
    assert.match(decision.candidates[1]!.explanation.en, /complaint rate 2\.0%$/);
    assert.match(decision.candidates[4]!.explanation.zh, /暂无评分$/);
  });
});

describe('dispatch: input and manual assignment', () => {
  const index = createDispatchIndex({ outlets, coverage, technicians: [lockTech('t1', 'o-ganluo')] });

  for (const [field, change] of [
    ['areaCode', { areaCode: '甘洛' }],
    ['date', { date: '2026-3-10' }],
    ['slot', { slot: 'night' as never }],
  ] as const)
    it(`refuses a malformed ${field}`, () => {
      assert.throws(
        () => decideDispatch(index, { ...request, ...change }, {}, calendar),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && e.details?.field === field,
      );
    });

  it('refuses a network with a malformed code', () => {
    assert.throws(
      () => createDispatchIndex({ outlets: [{ id: 'x', areaCode: '51' }], coverage: [], technicians: [] }),
      (e: unknown) => e instanceof DomainError && e.code === 'invalid_input',
    );
  });

  it('leaves technicians of unknown outlets out of the index and counts them', () => {
    const built = createDispatchIndex({ outlets, coverage, technicians: [lockTech('t9', 'gone')] });
    assert.equal(built.technicianCount, 0);
    assert.equal(built.orphanTechnicians, 1);
  });

  it('says why a technician a dispatcher picks would not pass', () => {
    assert.deepEqual(checkTechnicianForRequest(index, request, 't1', {}, calendar), { ok: true });
    assert.deepEqual(checkTechnicianForRequest(index, request, 't1', { t1: 2 }, calendar), {
      ok: false,
      reason: 'slot_full',
      text: { zh: '该时段已约满', en: 'Slot fully booked' },
    });
    assert.equal(
      (checkTechnicianForRequest(index, { ...request, areaCode: '510104' }, 't1', {}, calendar) as { reason: string })
        .reason,
      'not_covering',
    );
    assert.equal(
      (checkTechnicianForRequest(index, request, 'nobody', {}, calendar) as { reason: string }).reason,
      'unknown_technician',
    );
  });
});

describe('dispatch: agrees with a scan of every technician on random networks', () => {
  /** mulberry32, so every run draws the same networks. */
  function seeded(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
  }
  // A small tree: two provinces, prefectures, counties and townships, all by digits.
  const codes = ['510000', '513400', '513435', '513435104', '513435105', '513401', '513401001', '510100', '510104'];
  const more = ['510104001', '530000', '532900', '532927', '532927100', '441900', '441900003', '441900004'];
  const areas = [...codes, ...more];
  const products = ['lock', 'safe'];
  const faults = ['motor_jammed', 'battery_drained', 'other'];
  const dates = ['2026-03-10', '2026-03-11', '2026-03-14', '2026-10-01', '2026-02-14'];

  let withCandidates = 0;
  for (let run = 0; run < 40; run++)
    it(`network ${run}`, () => {
      const random = seeded(run + 1);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
      const some = <T>(xs: readonly T[], p = 0.8): T[] => xs.filter(() => random() < p);
      const netOutlets = Array.from({ length: 8 }, (_, i) => ({
        id: `o${i}`,
        areaCode: pick(areas),
        active: random() > 0.1,
      }));
      const rules: CoverageRule[] = netOutlets.flatMap((o) =>
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
          outletId: o.id,
          code: pick(areas),
          mode: random() < 0.8 ? ('include' as const) : ('exclude' as const),
        })),
      );
      const techs: DispatchTechnician[] = Array.from({ length: 60 }, (_, i) => ({
        id: `t${String(i).padStart(2, '0')}`,
        homeOutletId: pick(netOutlets).id,
        productLines: some(products),
        faultCategories: some(faults),
        rating: random() < 0.2 ? null : Math.round(random() * 50) / 10,
        complaintRate: random() < 0.5 ? null : Math.round(random() * 100) / 1000,
        capacityPerSlot: random() < 0.2 ? 1 : null,
        active: random() > 0.1,
        daysOff: some(dates, 0.2).slice(0, 1),
        extraWorkingDays: random() < 0.2 ? [pick(dates)] : [],
      }));
      const loads = Object.fromEntries(techs.map((t) => [t.id, random() < 0.6 ? 0 : Math.floor(random() * 3)]));
      const req: DispatchRequest = {
        areaCode: pick(codes),
        productLine: pick(products),
        faultCategory: pick(faults),
        date: pick(dates),
        slot: 'afternoon',
        limit: 100,
      };
      const index = createDispatchIndex({ outlets: netOutlets, coverage: rules, technicians: techs });
      const decision = decideDispatch(index, req, loads, calendar);

      // The scan, written from the rules in the ADR rather than from the index.
      const expected = techs
        .filter((t) => {
          const outlet = netOutlets.find((o) => o.id === t.homeOutletId)!;
          const own = rules.filter((r) => r.outletId === outlet.id);
          const lineage = [
            req.areaCode,
            req.areaCode.slice(0, 6),
            `${req.areaCode.slice(0, 4)}00`,
            `${req.areaCode.slice(0, 2)}0000`,
          ];
          const deciding = lineage.map((code) => own.filter((r) => r.code === code)).find((rs) => rs.length > 0);
          const covered = deciding !== undefined && deciding.every((r) => r.mode === 'include');
          const working =
            t.extraWorkingDays!.includes(req.date) ||
            (!t.daysOff!.includes(req.date) && calendar.isWorkingDay(req.date));
          return (
            covered &&
            outlet.active &&
            t.active &&
            t.productLines.includes(req.productLine) &&
            t.faultCategories.includes(req.faultCategory) &&
            working &&
            loads[t.id]! < (t.capacityPerSlot ?? 2)
          );
        })
        .map((t) => ({
          id: t.id,
          load: loads[t.id]!,
          distance: areaTreeDistance(netOutlets.find((o) => o.id === t.homeOutletId)!.areaCode, req.areaCode),
          rating: t.rating ?? 0,
          complaints: t.complaintRate ?? 0,
        }))
        .sort(
          (a, b) =>
            a.load - b.load ||
            a.distance - b.distance ||
            b.rating - a.rating ||
            a.complaints - b.complaints ||
            a.id.localeCompare(b.id),
        )
        .map((t) => t.id);
      if (expected.length > 0) withCandidates++;
      assert.deepEqual(
        decision.candidates.map((c) => c.technicianId),
        expected,
      );
      assert.equal(
        DISPATCH_REJECTIONS.reduce((sum, r) => sum + decision.rejected[r], 0) + decision.eligible,
        techs.length,
      );
    });

  it('drew networks where many technicians qualify, so the comparison is not empty', () => {
    assert.ok(withCandidates >= 15, `${withCandidates} of 40`);
  });
});
