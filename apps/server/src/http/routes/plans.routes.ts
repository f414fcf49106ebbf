import {
  COVERAGE_PAYERS,
  FAULT_CATEGORIES,
  PLAN_KINDS,
  SERIAL_PLAN_STATUSES,
  WARRANTY_STATUSES,
} from '@proofdesk/domain';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { bilingualSchema, idParams, isoTime } from '../schemas/common.schemas.js';

const fen = z.number().int().min(0);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD (Asia/Shanghai)');

const planTermsSchema = z
  .object({
    kind: z.enum(PLAN_KINDS),
    priceFen: fen,
    termMonths: z.number().int().min(1).max(120),
    waitingDays: z.number().int().min(0).max(365),
    coverage: z.object({
      faultCategories: z.array(z.enum(FAULT_CATEGORIES)).max(FAULT_CATEGORIES.length),
      labour: z.boolean(),
      parts: z.boolean(),
      callOut: z.boolean(),
      accidentalDamage: z.boolean(),
    }),
    maxClaims: z.number().int().min(1).max(1000).nullable(),
    maxAmountFen: z.number().int().min(1).nullable(),
    productLines: z.array(z.string().min(1).max(100)).max(100),
  })
  .meta({ id: 'PlanTerms' });

const planName = z.object({ zh: z.string().min(1).max(100), en: z.string().min(1).max(100) });

const carePlanSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: bilingualSchema,
    terms: planTermsSchema,
    active: z.boolean(),
    version: z.number().int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CarePlan' });

const serialPlanSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    name: bilingualSchema,
    kind: z.enum(PLAN_KINDS),
    terms: planTermsSchema,
    priceFen: fen,
    status: z.enum(SERIAL_PLAN_STATUSES),
    soldAt: isoTime,
    soldBy: z.string(),
    activatedOn: date.nullable(),
    startsOn: date.nullable(),
    claimableFrom: date.nullable(),
    endsOn: date.nullable(),
    cancelledAt: isoTime.nullable(),
    cancelReason: z.string().nullable(),
    refundFen: fen,
    claimsCount: z.number().int(),
    claimsFen: fen,
    version: z.number().int(),
  })
  .meta({ id: 'SerialPlan' });

const serialRecordSchema = z
  .object({
    serial: z.string(),
    productLine: z.string(),
    model: z.string().nullable(),
    purchasedOn: date.nullable(),
    warrantyMonths: z.number().int().nullable(),
    warranty: z.object({
      status: z.enum(WARRANTY_STATUSES),
      coveredThrough: date.nullable(),
      label: bilingualSchema,
    }),
    plans: z.array(serialPlanSchema),
  })
  .meta({ id: 'SerialRecord' });

const coverageDecisionSchema = z
  .object({
    basis: z.enum(['intake', 'completion']),
    accidentalDamage: z.boolean(),
    warranty: z.object({ status: z.enum(WARRANTY_STATUSES), coveredThrough: date.nullable() }),
    lines: z.array(
      z.object({
        kind: z.enum(['call_out', 'labour', 'parts', 'part']),
        label: bilingualSchema,
        amountFen: fen.nullable(),
        coveredFen: fen.nullable(),
        customerPaysFen: fen.nullable(),
        payer: z.enum(COVERAGE_PAYERS),
        planId: z.string().nullable().describe('The plan sale that pays the line'),
        reason: bilingualSchema,
      }),
    ),
    customerPaysFen: fen,
    customerPaysMore: z.boolean().describe('A line the customer pays has no amount yet (quoted on site)'),
    coveredFen: fen,
    planClaims: z.array(z.object({ planId: z.string(), amountFen: fen })),
    planNotes: z.array(z.object({ planId: z.string(), applies: z.boolean(), reason: bilingualSchema })),
    summary: bilingualSchema,
  })
  .meta({ id: 'CoverageDecision' });

const orderCoverageSchema = z
  .object({
    orderId: z.string(),
    intake: coverageDecisionSchema,
    completion: coverageDecisionSchema.nullable(),
    customerPaysFen: fen,
    settledAt: isoTime.nullable(),
    claims: z.array(z.object({ salePlanId: z.string(), planId: z.string(), amountFen: fen })),
  })
  .meta({ id: 'OrderCoverage' });

const reportFigures = {
  sold: z.number().int(),
  cancelled: z.number().int(),
  revenueFen: z.number().int(),
  refundsFen: z.number().int(),
  netRevenueFen: z.number().int(),
  claims: z.number().int(),
  claimsFen: z.number().int(),
  lossRatio: z.number().nullable().describe('claimsFen / netRevenueFen'),
};

const planReportSchema = z
  .object({
    from: date.nullable(),
    to: date.nullable(),
    plans: z.array(z.object({ planId: z.string(), code: z.string(), name: bilingualSchema, ...reportFigures })),
    totals: z.object(reportFigures),
  })
  .meta({ id: 'PlanReport' });

const serialParams = z.object({ serial: z.string().min(1).max(100) });

/** Care plans: plans, serials and the plans sold on them, an order's coverage, the plans report. */
export function planRoutes(deps: AppDeps): ApiRoute[] {
  const { plans, serials, planCoverage, planReports } = deps.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/care/plans',
      access: 'network.read',
      summary: 'List care plans',
      tags: ['care'],
      schema: {
        querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(carePlanSchema) }) },
      },
      handler: async ({ actor, query }) => ({
        items: await plans.listPlans(actor, { includeInactive: query.includeInactive === 'true' }),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/care/plans',
      access: 'network.admin',
      summary: 'Create a care plan',
      description:
        'Extended warranty, accidental damage cover or after-sales insurance, with price, term, coverage and limits.',
      tags: ['care'],
      status: 201,
      idempotent: true,
      schema: {
        body: z.object({ code: z.string().min(1).max(40), name: planName, terms: planTermsSchema }),
        response: { 201: carePlanSchema },
      },
      handler: ({ actor, body }) => plans.createPlan(actor, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/care/plans/:id',
      access: 'network.read',
      summary: 'Get a care plan',
      tags: ['care'],
      schema: { params: idParams, response: { 200: carePlanSchema } },
      handler: ({ actor, params }) => plans.getPlan(actor, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/care/plans/:id',
      access: 'network.admin',
      summary: 'Change a care plan',
      description: 'New terms bind only later sales; `active: false` stops selling it.',
      tags: ['care'],
      schema: {
        params: idParams,
        body: z.object({
          name: planName.optional(),
          terms: planTermsSchema.optional(),
          active: z.boolean().optional(),
          expectedVersion: z.number().int().min(1).optional(),
        }),
        response: { 200: carePlanSchema },
      },
      handler: ({ actor, params, body }) => plans.updatePlan(actor, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/care/serials/:serial',
      access: 'network.read',
      summary: 'Look up a serial: standard warranty today and the plans sold on it',
      tags: ['care'],
      schema: { params: serialParams, response: { 200: serialRecordSchema } },
      handler: ({ actor, params }) => serials.lookupSerial(actor, params.serial),
    }),
    defineRoute({
      method: 'PUT',
      url: '/care/serials/:serial',
      access: 'service.intake',
      summary: 'Register a serial or correct its registration',
      tags: ['care'],
      schema: {
        params: serialParams,
        body: z.object({
          productLine: z.string().min(1).max(100),
          model: z.string().max(100).nullable().optional(),
          purchasedOn: date.nullable().optional(),
          warrantyMonths: z.number().int().min(0).max(240).nullable().optional(),
        }),
        response: { 200: serialRecordSchema },
      },
      handler: ({ actor, params, body }) => serials.registerSerial(actor, params.serial, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/care/serials/:serial/plans',
      access: 'service.intake',
      summary: 'Sell a care plan on a serial',
      description: 'At the plan’s current price and terms; `activate: true` starts it today.',
      tags: ['care'],
      status: 201,
      idempotent: true,
      schema: {
        params: serialParams,
        body: z.object({ planId: z.string().min(1).max(100), activate: z.boolean().optional() }),
        response: { 201: serialPlanSchema },
      },
      handler: ({ actor, params, body }) => serials.sellPlan(actor, params.serial, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/care/serial-plans/:id/activate',
      access: 'service.intake',
      summary: 'Activate a sold plan',
      description: 'An extended warranty’s term starts the day after the standard warranty ends.',
      tags: ['care'],
      schema: { params: idParams, response: { 200: serialPlanSchema } },
      handler: ({ actor, params }) => serials.activatePlan(actor, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/care/serial-plans/:id/cancel',
      access: 'service.intake',
      summary: 'Cancel a plan sale',
      description: 'Refund: all before the term starts, the unused share during it, nothing once a claim was paid.',
      tags: ['care'],
      schema: {
        params: idParams,
        body: z.object({ reason: z.string().min(1).max(500) }),
        response: { 200: serialPlanSchema },
      },
      handler: ({ actor, params, body }) => serials.cancelPlan(actor, params.id, body.reason),
    }),
    defineRoute({
      method: 'GET',
      url: '/repair-orders/:id/coverage',
      access: 'network.read',
      summary: "A repair order's coverage: who pays what and why",
      description: 'Decided at intake; decided again with the visit’s labour and parts at completion (plan claims).',
      tags: ['care'],
      schema: { params: idParams, response: { 200: orderCoverageSchema } },
      handler: ({ actor, params }) => planCoverage.orderCoverage(actor, params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/repair-orders/:id/coverage/facts',
      access: 'service.intake',
      summary: 'Record whether the damage is accidental, and decide the coverage again',
      description:
        'The standard warranty never covers accidental damage; only a plan covering it does. Refused (409) once the ' +
        'order was settled at completion.',
      tags: ['care'],
      schema: {
        params: idParams,
        body: z.object({ accidentalDamage: z.boolean() }),
        response: { 200: orderCoverageSchema },
      },
      handler: ({ actor, params, body }) => planCoverage.setFacts(actor, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/care/plan-reports',
      access: 'network.admin',
      summary: 'Plans sold, revenue, claims and loss ratio per plan over a period',
      tags: ['care'],
      schema: {
        querystring: z.object({ from: date.optional(), to: date.optional() }),
        response: { 200: planReportSchema },
      },
      handler: ({ actor, query }) => planReports.report(actor, query),
    }),
  ];
}
