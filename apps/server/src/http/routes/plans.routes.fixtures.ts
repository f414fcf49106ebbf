import type { TestApp } from '../test-app.js';

/** Ids the authorisation matrix needs for the care-plan routes. */
export interface PlanFixtures {
  readonly planId: string;
  readonly serial: string;
  /** A sale still `sold` (activate), and one to cancel. */
  readonly soldId: string;
  readonly toCancelId: string;
}

interface Sample {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

const TERMS = {
  kind: 'after_sales_insurance',
  priceFen: 9_900,
  termMonths: 12,
  waitingDays: 0,
  coverage: { faultCategories: [], labour: true, parts: true, callOut: true, accidentalDamage: false },
  maxClaims: 2,
  maxAmountFen: 30_000,
  productLines: [],
} as const;

let unique = 0;

/** A valid request for every care-plan route (`coverage` names an order the repair fixtures took in). */
export const PLAN_SAMPLES: Readonly<
  Record<string, (f: { readonly plans: PlanFixtures; readonly repair: { readonly onSiteId: string } }) => Sample>
> = {
  'GET /care/plans': () => ({ query: { includeInactive: 'true' } }),
  'POST /care/plans': () => ({
    body: { code: `P-${Date.now().toString(36)}-${unique++}`, name: { zh: '保障', en: 'Cover' }, terms: TERMS },
  }),
  'GET /care/plans/:id': (f) => ({ params: { id: f.plans.planId } }),
  'PATCH /care/plans/:id': (f) => ({ params: { id: f.plans.planId }, body: { active: true } }),
  'GET /care/serials/:serial': (f) => ({ params: { serial: f.plans.serial } }),
  'PUT /care/serials/:serial': (f) => ({
    params: { serial: f.plans.serial },
    body: { productLine: 'smart_lock', purchasedOn: '2024-01-10', warrantyMonths: 12 },
  }),
  'POST /care/serials/:serial/plans': (f) => ({ params: { serial: f.plans.serial }, body: { planId: f.plans.planId } }),
  'POST /care/serial-plans/:id/activate': (f) => ({ params: { id: f.plans.soldId } }),
  'POST /care/serial-plans/:id/cancel': (f) => ({ params: { id: f.plans.toCancelId }, body: { reason: '退保' } }),
  'GET /repair-orders/:id/coverage': (f) => ({ params: { id: f.repair.onSiteId } }),
  'PUT /repair-orders/:id/coverage/facts': (f) => ({
    params: { id: f.repair.onSiteId },
    body: { accidentalDamage: false },
  }),
  'GET /care/plan-reports': () => ({ query: { from: '2026-01-01', to: '2026-12-31' } }),
};

/** A plan, a registered serial and two sales on it. */
export async function createPlanFixtures(h: TestApp): Promise<PlanFixtures> {
  const admin = h.actors.admin;
  const s = h.services;
  const plan = await s.plans.createPlan(admin, { code: 'INS-MATRIX', name: { zh: '保障', en: 'Cover' }, terms: TERMS });
  const serial = 'SL-MATRIX-1';
  await s.serials.registerSerial(admin, serial, {
    productLine: 'smart_lock',
    purchasedOn: '2024-01-10',
    warrantyMonths: 12,
  });
  const sold = await s.serials.sellPlan(admin, serial, { planId: plan.id });
  const toCancel = await s.serials.sellPlan(admin, serial, { planId: plan.id });
  return { planId: plan.id, serial, soldId: sold.id, toCancelId: toCancel.id };
}
