import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_INSPECTION_FEE_POLICY, type InspectionFeePolicy } from '../service/warranty.js';
import {
  decideCoverage,
  type CoverageCharges,
  type CoverageInput,
  type CoveragePayer,
  type CoveragePlan,
} from './coverage-decision.js';
import { planRefundFen, planTerm, validatePlanTerms, type PlanTerms } from './plan.js';

const POLICY: InspectionFeePolicy = { ...DEFAULT_INSPECTION_FEE_POLICY, inspectionFeeFen: 5_000 };
const ORDER = {
  faultCategory: 'motor_jammed',
  productLine: '智能门锁',
  on: '2026-11-22',
  accidentalDamage: false,
  priorOrderCount: 1,
} as const;
/** Bought 2024-06-01 with 12 months: out of warranty on 2026-11-22; in warranty on 2025-01-10. */
const EXPIRED = { purchasedOn: '2024-06-01', warrantyMonths: 12 };
const IN_WARRANTY = { purchasedOn: '2026-06-01', warrantyMonths: 12 };

const INSURANCE: PlanTerms = {
  kind: 'after_sales_insurance',
  priceFen: 9_900,
  termMonths: 12,
  waitingDays: 0,
  coverage: { faultCategories: [], labour: true, parts: true, callOut: true, accidentalDamage: false },
  maxClaims: 2,
  maxAmountFen: 30_000,
  productLines: [],
};

function plan(overrides: Partial<Omit<CoveragePlan, 'terms'>> & { terms?: Partial<PlanTerms> } = {}): CoveragePlan {
  const terms = { ...INSURANCE, ...overrides.terms };
  return {
    id: overrides.id ?? 'p1',
    name: { zh: '售后保障险', en: 'After-sales insurance' },
    status: overrides.status ?? 'active',
    terms,
    term: overrides.term === undefined ? planTerm(terms, '2026-01-01', null) : overrides.term,
    claimsUsed: overrides.claimsUsed ?? { count: 0, amountFen: 0 },
  };
}

const CHARGES: CoverageCharges = {
  labourFen: 8_000,
  parts: [{ name: '电机', quantity: 1, priceFen: 12_000 }],
};

type Case = readonly [
  name: string,
  input: Partial<Omit<CoverageInput, 'order'>> & { order?: Partial<CoverageInput['order']> },
  payers: readonly CoveragePayer[],
  customerPaysFen: number,
  customerPaysMore: boolean,
  planClaims: readonly { planId: string; amountFen: number }[],
  reasonIncludes?: string,
];

const CASES: readonly Case[] = [
  [
    'first order out of warranty, no plan, at intake: inspection free, labour and parts to be quoted',
    { order: { priorOrderCount: 0 } },
    ['first_inspection', 'customer', 'customer'],
    0,
    true,
    [],
    '首次上门检测免费',
  ],
  [
    'second order out of warranty, no plan: customer pays the call-out',
    {},
    ['customer', 'customer', 'customer'],
    5_000,
    true,
    [],
    '已过保',
  ],
  [
    'in warranty: everything free at intake',
    { registration: IN_WARRANTY },
    ['standard_warranty', 'standard_warranty', 'standard_warranty'],
    0,
    false,
    [],
    '保修期内',
  ],
  [
    'in warranty at completion: labour and part by the warranty',
    { registration: IN_WARRANTY, charges: CHARGES },
    ['standard_warranty', 'standard_warranty', 'standard_warranty'],
    0,
    false,
    [],
  ],
  [
    'in warranty but accidental damage, no plan: customer pays all',
    { registration: IN_WARRANTY, order: { accidentalDamage: true }, charges: CHARGES },
    ['customer', 'customer', 'customer'],
    25_000,
    false,
    [],
    '意外损坏不在保修范围',
  ],
  [
    'out of warranty with active insurance: ¥0 at intake',
    { plans: [plan()] },
    ['plan', 'plan', 'plan'],
    0,
    false,
    [{ planId: 'p1', amountFen: 5_000 }],
    '售后保障险保障',
  ],
  [
    'out of warranty with active insurance at completion: plan pays 250',
    { plans: [plan()], charges: CHARGES },
    ['plan', 'plan', 'plan'],
    0,
    false,
    [{ planId: 'p1', amountFen: 25_000 }],
  ],
  [
    'amount left 100: plan pays 100, customer the rest',
    { plans: [plan({ claimsUsed: { count: 1, amountFen: 20_000 } })], charges: CHARGES },
    ['plan', 'plan', 'customer'],
    15_000,
    false,
    [{ planId: 'p1', amountFen: 10_000 }],
    '本期保额余额',
  ],
  [
    'claims used up',
    { plans: [plan({ claimsUsed: { count: 2, amountFen: 1 } })], charges: CHARGES },
    ['customer', 'customer', 'customer'],
    25_000,
    false,
    [],
    '保障计划不适用',
  ],
  [
    'waiting period',
    {
      plans: [
        plan({ terms: { waitingDays: 30 }, term: planTerm({ ...INSURANCE, waitingDays: 30 }, '2026-11-01', null) }),
      ],
    },
    ['customer', 'customer', 'customer'],
    5_000,
    true,
    [],
  ],
  [
    'sold but not activated',
    { plans: [plan({ status: 'sold', term: null })] },
    ['customer', 'customer', 'customer'],
    5_000,
    true,
    [],
  ],
  ['cancelled', { plans: [plan({ status: 'cancelled' })] }, ['customer', 'customer', 'customer'], 5_000, true, []],
  [
    'expired plan',
    { plans: [plan({ term: planTerm(INSURANCE, '2025-01-01', null) })] },
    ['customer', 'customer', 'customer'],
    5_000,
    true,
    [],
  ],
  [
    'fault not covered',
    { plans: [plan({ terms: { coverage: { ...INSURANCE.coverage, faultCategories: ['battery_drained'] } } })] },
    ['customer', 'customer', 'customer'],
    5_000,
    true,
    [],
  ],
  [
    'product line not covered',
    { plans: [plan({ terms: { productLines: ['智能猫眼'] } })] },
    ['customer', 'customer', 'customer'],
    5_000,
    true,
    [],
  ],
  [
    'accidental damage plan covers parts and labour but not the call-out',
    {
      registration: IN_WARRANTY,
      order: { accidentalDamage: true },
      plans: [
        plan({
          terms: {
            kind: 'accidental_damage',
            coverage: { faultCategories: [], labour: true, parts: true, callOut: false, accidentalDamage: true },
          },
        }),
      ],
      charges: CHARGES,
    },
    ['customer', 'plan', 'plan'],
    5_000,
    false,
    [{ planId: 'p1', amountFen: 20_000 }],
  ],
  [
    'extended warranty after the standard one ends: labour and parts, not the call-out',
    {
      plans: [
        plan({
          id: 'ew',
          terms: {
            kind: 'extended_warranty',
            coverage: { faultCategories: [], labour: true, parts: true, callOut: false, accidentalDamage: false },
          },
          term: planTerm({ ...INSURANCE, kind: 'extended_warranty', termMonths: 24 }, '2024-07-01', '2025-05-31'),
        }),
      ],
      charges: CHARGES,
    },
    ['customer', 'plan', 'plan'],
    5_000,
    false,
    [{ planId: 'ew', amountFen: 20_000 }],
  ],
  [
    'two plans: the first that covers a component pays it',
    {
      plans: [
        plan({ id: 'a', terms: { coverage: { ...INSURANCE.coverage, callOut: false, parts: false } } }),
        plan({ id: 'b' }),
      ],
      charges: CHARGES,
    },
    ['plan', 'plan', 'plan'],
    0,
    false,
    [
      { planId: 'a', amountFen: 8_000 },
      { planId: 'b', amountFen: 17_000 },
    ],
  ],
  [
    'free in warranty off: in-warranty call-out is paid by an insurance',
    { registration: IN_WARRANTY, policy: { ...POLICY, freeInWarranty: false }, plans: [plan()] },
    ['plan', 'standard_warranty', 'standard_warranty'],
    0,
    false,
    [{ planId: 'p1', amountFen: 5_000 }],
  ],
  [
    'unknown serial, no plan',
    { registration: null },
    ['customer', 'customer', 'customer'],
    5_000,
    true,
    [],
    '保修状态未知',
  ],
];

describe('decideCoverage', () => {
  for (const [name, input, payers, pays, more, claims, reason] of CASES)
    it(name, () => {
      const decision = decideCoverage({
        registration: input.registration === undefined ? EXPIRED : input.registration,
        plans: input.plans ?? [],
        policy: input.policy ?? POLICY,
        ...(input.charges ? { charges: input.charges } : {}),
        order: { ...ORDER, ...input.order },
      });
      assert.deepEqual(
        decision.lines.map((l) => l.payer),
        payers,
      );
      assert.equal(decision.customerPaysFen, pays);
      assert.equal(decision.customerPaysMore, more);
      assert.deepEqual(decision.planClaims, claims);
      assert.equal(decision.basis, input.charges ? 'completion' : 'intake');
      assert.equal(decision.accidentalDamage, input.order?.accidentalDamage ?? false);
      for (const line of decision.lines) {
        assert.ok(line.reason.zh.length > 0 && line.reason.en.length > 0, 'every line says why, in both languages');
        if (line.amountFen !== null)
          assert.equal((line.coveredFen ?? 0) + (line.customerPaysFen ?? 0), line.amountFen, 'covered + paid = amount');
      }
      if (reason)
        assert.ok(
          decision.lines.some((l) => l.reason.zh.includes(reason)),
          JSON.stringify(decision.lines),
        );
      const total = decision.lines.reduce((s, l) => s + (l.amountFen ?? 0), 0);
      assert.equal(decision.coveredFen + decision.customerPaysFen, total);
    });

  it('explains why each plan does or does not apply', () => {
    const decision = decideCoverage({
      order: ORDER,
      registration: EXPIRED,
      policy: POLICY,
      plans: [plan({ id: 'ok' }), plan({ id: 'used', claimsUsed: { count: 2, amountFen: 0 } })],
    });
    assert.deepEqual(
      decision.planNotes.map((n) => [n.planId, n.applies]),
      [
        ['ok', true],
        ['used', false],
      ],
    );
    assert.match(decision.planNotes[1]!.reason.zh, /理赔次数已用完（2\/2）/);
    assert.match(decision.summary.zh, /¥0\.00/);
  });
});

describe('plan terms', () => {
  for (const [terms, activatedOn, standardThrough, expected] of [
    [
      { kind: 'after_sales_insurance', termMonths: 12, waitingDays: 0 },
      '2026-01-05',
      '2026-03-09',
      ['2026-01-05', '2026-01-05', '2027-01-04'],
    ],
    [
      { kind: 'after_sales_insurance', termMonths: 12, waitingDays: 15 },
      '2026-01-05',
      null,
      ['2026-01-05', '2026-01-20', '2027-01-04'],
    ],
    [
      { kind: 'extended_warranty', termMonths: 12, waitingDays: 0 },
      '2026-01-05',
      '2026-03-09',
      ['2026-03-10', '2026-03-10', '2027-03-09'],
    ],
    [
      { kind: 'extended_warranty', termMonths: 24, waitingDays: 0 },
      '2026-05-01',
      '2026-03-09',
      ['2026-05-01', '2026-05-01', '2028-04-30'],
    ],
    [
      { kind: 'extended_warranty', termMonths: 12, waitingDays: 0 },
      '2026-01-31',
      null,
      ['2026-01-31', '2026-01-31', '2027-01-30'],
    ],
  ] as const)
    it(`${terms.kind} ${terms.termMonths}m activated ${activatedOn}`, () => {
      const t = planTerm(terms, activatedOn, standardThrough);
      assert.deepEqual([t.startsOn, t.claimableFrom, t.endsOn], expected);
    });

  it('refunds the whole price before the term, the unused share during it, nothing after a claim', () => {
    const term = planTerm({ kind: 'after_sales_insurance', termMonths: 12, waitingDays: 0 }, '2026-01-01', null);
    assert.equal(planRefundFen(36_500, term, '2025-12-31', 0), 36_500);
    assert.equal(planRefundFen(36_500, term, '2026-01-01', 0), 36_400);
    assert.equal(planRefundFen(36_500, term, '2026-12-31', 0), 0);
    assert.equal(planRefundFen(36_500, term, '2026-07-01', 1), 0);
  });

  for (const [field, patch] of [
    ['priceFen', { priceFen: -1 }],
    ['termMonths', { termMonths: 0 }],
    ['waitingDays', { waitingDays: 1.5 }],
    ['coverage', { coverage: { ...INSURANCE.coverage, labour: false, parts: false, callOut: false } }],
    ['coverage.faultCategories', { coverage: { ...INSURANCE.coverage, faultCategories: ['flood'] } }],
    ['kind', { kind: 'lottery' }],
    ['maxClaims', { maxClaims: 0 }],
  ] as const)
    it(`refuses a bad ${field}`, () => {
      assert.throws(
        () => validatePlanTerms({ ...INSURANCE, ...patch } as unknown as PlanTerms),
        (e: Error & { details?: { field?: string } }) => e.details?.field === field,
      );
    });
});
