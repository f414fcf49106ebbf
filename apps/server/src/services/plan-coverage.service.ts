import {
  decideCoverage,
  DEFAULT_INSPECTION_FEE_POLICY,
  actorLabel,
  errors,
  requirePermission,
  shanghaiDateOf,
  type Actor,
  type CoverageCharges,
  type CoverageDecision,
  type CoveragePlan,
  type FaultCategory,
  type IdGenerator,
  type InspectionFeePolicy,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { loadRepairOrderRow, type RepairOrderRow } from '../adapters/db/repair.repository.js';
import type { Database } from '../adapters/db/schema.js';
import { requireOrderAccess } from './repair-access.js';
import { toSerialPlan } from './serial.service.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/** What a repair order's page shows of its coverage. */
export interface OrderCoverage {
  readonly orderId: string;
  /** Decided at intake from the serial's warranty and plans (labour and parts not priced yet). */
  readonly intake: CoverageDecision;
  /** Decided again at completion with the visit's labour and parts; null before. */
  readonly completion: CoverageDecision | null;
  /** The latest decision's amount. */
  readonly customerPaysFen: number;
  readonly settledAt: string | null;
  /** Claims recorded against plans when the order completed. */
  readonly claims: readonly { readonly salePlanId: string; readonly planId: string; readonly amountFen: number }[];
}

/** The facts of an order that coverage reads. */
export interface CoverageOrder {
  readonly workspaceId: string;
  readonly orderId: string;
  readonly serial: string | null;
  readonly productLine: string;
  readonly faultCategory: FaultCategory;
  readonly priorOrderCount: number;
  readonly at: string;
}

async function inspectionPolicy(db: Kysely<Database>, workspaceId: string): Promise<InspectionFeePolicy> {
  const row = await db
    .selectFrom('service_settings')
    .select('settings_json')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  const stored = row ? (JSON.parse(row.settings_json) as { inspection?: InspectionFeePolicy }) : {};
  return { ...DEFAULT_INSPECTION_FEE_POLICY, ...stored.inspection };
}

/** The serial's registration and the plans sold on it, as the coverage decision reads them. */
async function serialFacts(db: Kysely<Database>, workspaceId: string, serial: string | null) {
  if (serial === null) return { registration: null, plans: [] as CoveragePlan[], salePlans: new Map<string, string>() };
  const row = await db
    .selectFrom('product_serials')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('serial', '=', serial)
    .executeTakeFirst();
  if (!row) return { registration: null, plans: [] as CoveragePlan[], salePlans: new Map<string, string>() };
  const sales = await db
    .selectFrom('serial_plans')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('serial_id', '=', row.id)
    .orderBy('id')
    .execute();
  const plans: CoveragePlan[] = sales.map(toSerialPlan).map((sale) => ({
    id: sale.id,
    name: sale.name,
    status: sale.status,
    terms: sale.terms,
    term:
      sale.startsOn && sale.claimableFrom && sale.endsOn
        ? { startsOn: sale.startsOn, claimableFrom: sale.claimableFrom, endsOn: sale.endsOn }
        : null,
    claimsUsed: { count: sale.claimsCount, amountFen: sale.claimsFen },
  }));
  return {
    registration: {
      purchasedOn: row.purchased_on,
      warrantyMonths: row.warranty_months === null ? null : Number(row.warranty_months),
    },
    plans,
    salePlans: new Map(sales.map((s) => [s.id, s.plan_id])),
  };
}

/**
 * At intake, inside the intake's transaction: decides what the customer will pay and why (free first inspection,
 * standard warranty, the serial's plans) and stores it with the order.
 */
export async function recordIntakeCoverage(trx: Kysely<Database>, order: CoverageOrder): Promise<CoverageDecision> {
  const [policy, facts] = await Promise.all([
    inspectionPolicy(trx, order.workspaceId),
    serialFacts(trx, order.workspaceId, order.serial),
  ]);
  const decision = decideCoverage({
    order: {
      faultCategory: order.faultCategory,
      productLine: order.productLine,
      on: shanghaiDateOf(order.at),
      accidentalDamage: false,
      priorOrderCount: order.priorOrderCount,
    },
    registration: facts.registration,
    plans: facts.plans,
    policy,
  });
  await trx
    .insertInto('repair_order_coverage')
    .values({
      order_id: order.orderId,
      workspace_id: order.workspaceId,
      intake_json: JSON.stringify(decision),
      completion_json: null,
      customer_pays_fen: decision.customerPaysFen,
      created_at: order.at,
      settled_at: null,
    })
    .execute();
  return decision;
}

/**
 * When an order completes, inside the completion's transaction: prices the visit's labour and parts through the
 * coverage again (plans' claims used may have changed since intake), records one claim per plan that paid, bumps
 * the sale's counters (each claim audited on the sale), and stores the decision with the order. An order taken in
 * before plans existed (no intake decision) is decided here the same way. Does nothing the second time.
 */
export async function settleCoverageOnCompletion(
  trx: Kysely<Database>,
  ids: IdGenerator,
  row: RepairOrderRow,
  at: string,
  actor: string,
): Promise<CoverageDecision | null> {
  const existing = await trx
    .selectFrom('repair_order_coverage')
    .selectAll()
    .where('workspace_id', '=', row.workspace_id)
    .where('order_id', '=', row.id)
    .executeTakeFirst();
  if (existing?.settled_at) return null;
  const intake = existing ? (JSON.parse(existing.intake_json) as CoverageDecision) : null;
  const [policy, facts, visit] = await Promise.all([
    inspectionPolicy(trx, row.workspace_id),
    serialFacts(trx, row.workspace_id, row.serial),
    trx
      .selectFrom('repair_visits')
      .select(['parts_json', 'fee_fen'])
      .where('workspace_id', '=', row.workspace_id)
      .where('order_id', '=', row.id)
      .executeTakeFirst(),
  ]);
  const charges: CoverageCharges = {
    labourFen: visit ? Number(visit.fee_fen) : 0,
    parts: visit ? (JSON.parse(visit.parts_json) as CoverageCharges['parts']) : [],
  };
  // The free first inspection was granted at intake (the customer's order count then), not re-counted now.
  const firstInspection = intake?.lines[0]?.payer === 'first_inspection' || Number(row.free_inspection) === 1;
  const decision = decideCoverage({
    order: {
      faultCategory: row.fault_category as FaultCategory,
      productLine: row.product_line,
      on: shanghaiDateOf(at),
      accidentalDamage: intake?.accidentalDamage === true,
      priorOrderCount: firstInspection ? 0 : 1,
    },
    registration: facts.registration,
    plans: facts.plans,
    policy,
    charges,
  });
  for (const claim of decision.planClaims) {
    const planId = facts.salePlans.get(claim.planId);
    const terms = facts.plans.find((p) => p.id === claim.planId)?.terms;
    if (planId === undefined || terms === undefined) continue;
    // The limits hold under concurrency: the counters move only while the claim still fits (PostgreSQL re-checks
    // the condition on the row's latest version), else the completion fails with `conflict` and is retried.
    let bump = trx
      .updateTable('serial_plans')
      .set((eb) => ({
        claims_count: eb('claims_count', '+', 1),
        claims_fen: eb('claims_fen', '+', claim.amountFen),
        version: eb('version', '+', 1),
      }))
      .where('workspace_id', '=', row.workspace_id)
      .where('id', '=', claim.planId)
      .where('status', '=', 'active');
    if (terms.maxClaims !== null) bump = bump.where('claims_count', '<', terms.maxClaims);
    if (terms.maxAmountFen !== null) bump = bump.where('claims_fen', '<=', terms.maxAmountFen - claim.amountFen);
    const bumped = await bump.executeTakeFirst();
    if (Number(bumped.numUpdatedRows) !== 1)
      throw errors.conflict(
        {
          zh: '保障计划的理赔额度刚被另一张工单使用，请重试完工',
          en: "The plan's claim limit was just used by another order; complete again",
        },
        { salePlanId: claim.planId, orderId: row.id },
      );
    await trx
      .insertInto('plan_claims')
      .values({
        id: ids.next(),
        workspace_id: row.workspace_id,
        serial_plan_id: claim.planId,
        plan_id: planId,
        order_id: row.id,
        amount_fen: claim.amountFen,
        created_at: at,
      })
      .execute();
    await appendAudit(trx, ids, {
      workspaceId: row.workspace_id,
      at,
      actor,
      action: 'serial_plan.claim_recorded',
      subjectType: 'serial_plan',
      subjectId: claim.planId,
      data: { orderId: row.id, orderNumber: row.number, amountFen: claim.amountFen, summary: decision.summary },
    });
  }
  if (existing)
    await trx
      .updateTable('repair_order_coverage')
      .set({ completion_json: JSON.stringify(decision), customer_pays_fen: decision.customerPaysFen, settled_at: at })
      .where('order_id', '=', row.id)
      .execute();
  else
    await trx
      .insertInto('repair_order_coverage')
      .values({
        order_id: row.id,
        workspace_id: row.workspace_id,
        intake_json: JSON.stringify(decision),
        completion_json: JSON.stringify(decision),
        customer_pays_fen: decision.customerPaysFen,
        created_at: at,
        settled_at: at,
      })
      .execute();
  return decision;
}

/** Reading a repair order's coverage. */
export class PlanCoverageService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock' | 'ids'>) {}

  /**
   * Records whether the damage is accidental (the customer dropped or forced the lock: the standard warranty never
   * covers it, only a plan that covers accidental damage) and decides the order's coverage again; audited
   * `repair_order.coverage_facts_changed`. Completion prices the visit on the same fact.
   * @throws {DomainError} `forbidden` without `service.intake`; `not_found`; `invalid_state` once settled
   */
  async setFacts(actor: Actor, orderId: string, facts: { readonly accidentalDamage: boolean }): Promise<OrderCoverage> {
    requirePermission(actor, 'service.intake');
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    await db.kysely.transaction().execute(async (trx) => {
      const row = await loadRepairOrderRow(trx, actor.workspaceId, orderId);
      await requireOrderAccess(trx, actor, row, 'service.intake');
      const current = await trx
        .selectFrom('repair_order_coverage')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      if (!current) throw errors.notFound('repair order coverage', orderId);
      if (current.settled_at) throw errors.invalidState('repair order coverage', 'settled', 'change facts');
      const before = JSON.parse(current.intake_json) as CoverageDecision;
      const [policy, serial] = await Promise.all([
        inspectionPolicy(trx, row.workspace_id),
        serialFacts(trx, row.workspace_id, row.serial),
      ]);
      const decision = decideCoverage({
        order: {
          faultCategory: row.fault_category as FaultCategory,
          productLine: row.product_line,
          on: shanghaiDateOf(row.created_at),
          accidentalDamage: facts.accidentalDamage,
          priorOrderCount: before.lines[0]?.payer === 'first_inspection' ? 0 : 1,
        },
        registration: serial.registration,
        plans: serial.plans,
        policy,
      });
      await trx
        .updateTable('repair_order_coverage')
        .set({ intake_json: JSON.stringify(decision), customer_pays_fen: decision.customerPaysFen })
        .where('order_id', '=', orderId)
        .where('workspace_id', '=', actor.workspaceId)
        .execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'repair_order.coverage_facts_changed',
        subjectType: 'repair_order',
        subjectId: orderId,
        data: {
          accidentalDamage: facts.accidentalDamage,
          customerPaysFen: { before: before.customerPaysFen, after: decision.customerPaysFen },
        },
      });
    });
    return this.orderCoverage(actor, orderId);
  }

  /**
   * The order's coverage: the intake decision, the completion decision once completed, and the plan claims.
   * @throws {DomainError} `forbidden` without `network.read`; `not_found` (another workspace's order, another
   *   technician's order, or an order without a decision)
   */
  async orderCoverage(actor: Actor, orderId: string): Promise<OrderCoverage> {
    const db = this.deps.db.kysely;
    const row = await loadRepairOrderRow(db, actor.workspaceId, orderId);
    await requireOrderAccess(db, actor, row, 'network.read');
    const coverage = await db
      .selectFrom('repair_order_coverage')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    if (!coverage) throw errors.notFound('repair order coverage', orderId);
    const claims = await db
      .selectFrom('plan_claims')
      .select(['serial_plan_id', 'plan_id', 'amount_fen'])
      .where('workspace_id', '=', actor.workspaceId)
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute();
    return {
      orderId,
      intake: JSON.parse(coverage.intake_json) as CoverageDecision,
      completion: coverage.completion_json ? (JSON.parse(coverage.completion_json) as CoverageDecision) : null,
      customerPaysFen: Number(coverage.customer_pays_fen),
      settledAt: coverage.settled_at,
      claims: claims.map((c) => ({ salePlanId: c.serial_plan_id, planId: c.plan_id, amountFen: Number(c.amount_fen) })),
    };
  }
}
