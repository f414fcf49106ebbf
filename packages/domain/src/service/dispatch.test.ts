import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import { createBusinessCalendar } from './business-calendar.js';
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
