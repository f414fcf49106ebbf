import {
  actorLabel,
  assertIsoDate,
  errors,
  planRefundFen,
  planTerm,
  requirePermission,
  shanghaiDateOf,
  warrantyStatus,
  type Actor,
  type PlanKind,
  type PlanTerms,
  type SerialPlanStatus,
  type WarrantyStatus,
} from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { SerialPlansTable } from '../adapters/db/schema-plans.js';
import type { ProductSerialsTable } from '../adapters/db/schema-repair.js';
import { toCarePlan } from './plan.service.js';
import { nowIso, requireText, type ServiceDeps } from './service-deps.js';

/** A plan sold on a serial. */
export interface SerialPlan {
  readonly id: string;
  readonly planId: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly kind: PlanKind;
  readonly terms: PlanTerms;
  readonly priceFen: number;
  readonly status: SerialPlanStatus;
  readonly soldAt: string;
  readonly soldBy: string;
  readonly activatedOn: string | null;
  readonly startsOn: string | null;
  readonly claimableFrom: string | null;
  readonly endsOn: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly refundFen: number;
  readonly claimsCount: number;
  readonly claimsFen: number;
  readonly version: number;
}

/** A serial with its standard warranty today and the plans sold on it. */
export interface SerialRecord {
  readonly serial: string;
  readonly productLine: string;
  readonly model: string | null;
  readonly purchasedOn: string | null;
  readonly warrantyMonths: number | null;
  readonly warranty: {
    readonly status: WarrantyStatus;
    readonly coveredThrough: string | null;
    readonly label: { readonly zh: string; readonly en: string };
  };
  readonly plans: readonly SerialPlan[];
}

export interface SerialRegistration {
  readonly productLine: string;
  readonly model?: string | null;
  readonly purchasedOn?: string | null;
  readonly warrantyMonths?: number | null;
}

export function toSerialPlan(row: Selectable<SerialPlansTable>): SerialPlan {
  const terms = JSON.parse(row.terms_json) as PlanTerms;
  return {
    id: row.id,
    planId: row.plan_id,
    name: { zh: row.plan_name_zh, en: row.plan_name_en },
    kind: terms.kind,
    terms,
    priceFen: Number(row.price_fen),
    status: row.status as SerialPlanStatus,
    soldAt: row.sold_at,
    soldBy: row.sold_by,
    activatedOn: row.activated_on,
    startsOn: row.starts_on,
    claimableFrom: row.claimable_from,
    endsOn: row.ends_on,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    refundFen: Number(row.refund_fen),
    claimsCount: Number(row.claims_count),
    claimsFen: Number(row.claims_fen),
    version: Number(row.version),
  };
}

function standardWarranty(row: Selectable<ProductSerialsTable>, on: string) {
  return warrantyStatus(
    {
      purchasedOn: row.purchased_on,
      warrantyMonths: row.warranty_months === null ? null : Number(row.warranty_months),
    },
    on,
  );
}

/** The serial's row, scoped to the workspace. @throws {DomainError} `not_found` */
export async function loadSerialRow(
  db: Kysely<Database>,
  workspaceId: string,
  serial: string,
): Promise<Selectable<ProductSerialsTable>> {
  const row = await db
    .selectFrom('product_serials')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('serial', '=', serial)
    .executeTakeFirst();
  if (!row) throw errors.notFound('serial', serial);
  return row;
}

/**
 * Products by serial (the registry repair intake reads the warranty from) and the care plans sold on them: register
 * or correct a serial, look one up with its warranty and plans, sell a plan on it, activate and cancel a sale.
 * Every write is audited in its transaction.
 */
export class SerialService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock' | 'ids'>) {}

  /**
   * Registers a serial, or corrects its product line, model, purchase date or warranty months; audited
   * `product_serial.registered`.
   * @throws {DomainError} `forbidden` without `service.intake`; `invalid_input`
   */
  async registerSerial(actor: Actor, serialInput: string, input: SerialRegistration): Promise<SerialRecord> {
    requirePermission(actor, 'service.intake');
    const serial = requireText('serial', serialInput, 100);
    const productLine = requireText('productLine', input.productLine, 100);
    const model = input.model?.trim() ? requireText('model', input.model, 100) : null;
    const purchasedOn =
      input.purchasedOn === undefined || input.purchasedOn === null
        ? null
        : assertIsoDate(input.purchasedOn, 'purchasedOn');
    const warrantyMonths = input.warrantyMonths ?? null;
    // Validates the months the way intake will read them.
    warrantyStatus({ purchasedOn: purchasedOn ?? '2000-01-01', warrantyMonths: warrantyMonths ?? 0 }, '2000-01-01');
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    if (purchasedOn !== null && purchasedOn > shanghaiDateOf(at))
      throw errors.invalidInput('purchasedOn', { zh: '不能晚于今天', en: 'must not be in the future' });
    await db.kysely.transaction().execute(async (trx) => {
      const values = { product_line: productLine, model, purchased_on: purchasedOn, warranty_months: warrantyMonths };
      await trx
        .insertInto('product_serials')
        .values({ id: ids.next(), workspace_id: actor.workspaceId, serial, created_at: at, ...values })
        .onConflict((oc) => oc.columns(['workspace_id', 'serial']).doUpdateSet(values))
        .execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'product_serial.registered',
        subjectType: 'product_serial',
        subjectId: serial,
        data: { productLine, model, purchasedOn, warrantyMonths },
      });
    });
    return this.record(this.deps.db.kysely, actor.workspaceId, serial);
  }

  /** The serial with its warranty today and its plans. @throws {DomainError} `forbidden`; `not_found` */
  async lookupSerial(actor: Actor, serial: string): Promise<SerialRecord> {
    requirePermission(actor, 'network.read');
    return this.record(this.deps.db.kysely, actor.workspaceId, serial);
  }

  /**
   * Sells a plan on a registered serial at the plan's current price and terms (copied onto the sale), optionally
   * activating it at once; audited `serial_plan.sold`.
   * @throws {DomainError} `forbidden` without `service.intake`; `not_found` (serial or plan); `invalid_state` for a
   *   plan no longer sold; `invalid_input` for a product line the plan is not sold on
   */
  async sellPlan(
    actor: Actor,
    serial: string,
    input: { readonly planId: string; readonly activate?: boolean },
  ): Promise<SerialPlan> {
    requirePermission(actor, 'service.intake');
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    const id = ids.next();
    const label = actorLabel(actor);
    await db.kysely.transaction().execute(async (trx) => {
      const serialRow = await loadSerialRow(trx, actor.workspaceId, serial);
      const planRow = await trx
        .selectFrom('care_plans')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', input.planId)
        .executeTakeFirst();
      if (!planRow) throw errors.notFound('care plan', input.planId);
      const plan = toCarePlan(planRow);
      if (!plan.active) throw errors.invalidState('care plan', 'withdrawn', 'sell');
      if (plan.terms.productLines.length > 0 && !plan.terms.productLines.includes(serialRow.product_line))
        throw errors.invalidInput('planId', {
          zh: `该计划不适用于产品线「${serialRow.product_line}」`,
          en: `the plan is not sold for the product line "${serialRow.product_line}"`,
        });
      await trx
        .insertInto('serial_plans')
        .values({
          id,
          workspace_id: actor.workspaceId,
          serial_id: serialRow.id,
          plan_id: plan.id,
          plan_name_zh: plan.name.zh,
          plan_name_en: plan.name.en,
          terms_json: JSON.stringify(plan.terms),
          price_fen: plan.terms.priceFen,
          status: 'sold',
          sold_at: at,
          sold_by: label,
          activated_on: null,
          starts_on: null,
          claimable_from: null,
          ends_on: null,
          cancelled_at: null,
          cancel_reason: null,
          refund_fen: 0,
          claims_count: 0,
          claims_fen: 0,
          version: 1,
        })
        .execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: label,
        action: 'serial_plan.sold',
        subjectType: 'serial_plan',
        subjectId: id,
        data: { serial, planId: plan.id, code: plan.code, priceFen: plan.terms.priceFen },
      });
      if (input.activate) await this.activateIn(trx, actor, id, at);
    });
    return this.sale(db.kysely, actor.workspaceId, id);
  }

  /**
   * Activates a sold plan today: its term starts today, or for an extended warranty the day after the standard
   * warranty ends; audited `serial_plan.activated`.
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_state` unless `sold`; `conflict`
   */
  async activatePlan(actor: Actor, salePlanId: string): Promise<SerialPlan> {
    requirePermission(actor, 'service.intake');
    const { db, clock } = this.deps;
    const at = nowIso(clock);
    await db.kysely.transaction().execute((trx) => this.activateIn(trx, actor, salePlanId, at));
    return this.sale(db.kysely, actor.workspaceId, salePlanId);
  }

  /**
   * Cancels a sale (sold or active): the whole price back before the term starts, the unused share during it,
   * nothing once a claim was paid; audited `serial_plan.cancelled`.
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_input` without a reason; `invalid_state` once cancelled
   */
  async cancelPlan(actor: Actor, salePlanId: string, reasonInput: string): Promise<SerialPlan> {
    requirePermission(actor, 'service.intake');
    const reason = requireText('reason', reasonInput, 500);
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    await db.kysely.transaction().execute(async (trx) => {
      const sale = toSerialPlan(await this.saleRow(trx, actor.workspaceId, salePlanId));
      if (sale.status === 'cancelled') throw errors.invalidState('care plan sale', sale.status, 'cancel');
      const today = shanghaiDateOf(at);
      const refund =
        sale.startsOn === null || sale.endsOn === null || sale.claimableFrom === null
          ? sale.priceFen
          : planRefundFen(
              sale.priceFen,
              { startsOn: sale.startsOn, claimableFrom: sale.claimableFrom, endsOn: sale.endsOn },
              today,
              sale.claimsCount,
            );
      await this.update(trx, sale, {
        status: 'cancelled',
        cancelled_at: at,
        cancel_reason: reason,
        refund_fen: refund,
      });
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'serial_plan.cancelled',
        subjectType: 'serial_plan',
        subjectId: salePlanId,
        data: { from: sale.status, reason, refundFen: refund, claimsCount: sale.claimsCount },
      });
    });
    return this.sale(db.kysely, actor.workspaceId, salePlanId);
  }

  private async activateIn(trx: Kysely<Database>, actor: Actor, salePlanId: string, at: string): Promise<void> {
    const row = await this.saleRow(trx, actor.workspaceId, salePlanId);
    const sale = toSerialPlan(row);
    if (sale.status !== 'sold') throw errors.invalidState('care plan sale', sale.status, 'activate');
    const serialRow = await trx
      .selectFrom('product_serials')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', row.serial_id)
      .executeTakeFirstOrThrow();
    const today = shanghaiDateOf(at);
    const standard = standardWarranty(serialRow, today);
    const term = planTerm(sale.terms, today, standard.coveredThrough ?? null);
    await this.update(trx, sale, {
      status: 'active',
      activated_on: today,
      starts_on: term.startsOn,
      claimable_from: term.claimableFrom,
      ends_on: term.endsOn,
    });
    await appendAudit(trx, this.deps.ids, {
      workspaceId: actor.workspaceId,
      at,
      actor: actorLabel(actor),
      action: 'serial_plan.activated',
      subjectType: 'serial_plan',
      subjectId: salePlanId,
      data: { serial: serialRow.serial, ...term },
    });
  }

  private async update(
    trx: Kysely<Database>,
    sale: SerialPlan,
    set: Partial<Omit<Selectable<SerialPlansTable>, 'id' | 'workspace_id' | 'version'>>,
  ): Promise<void> {
    const result = await trx
      .updateTable('serial_plans')
      .set({ ...set, version: sale.version + 1 })
      .where('id', '=', sale.id)
      .where('version', '=', sale.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw errors.conflict(
        { zh: '保障计划已被他人更改，请刷新后重试', en: 'The plan sale changed meanwhile; reload and retry' },
        { salePlanId: sale.id },
      );
  }

  private async saleRow(db: Kysely<Database>, workspaceId: string, id: string): Promise<Selectable<SerialPlansTable>> {
    const row = await db
      .selectFrom('serial_plans')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw errors.notFound('care plan sale', id);
    return row;
  }

  private async sale(db: Kysely<Database>, workspaceId: string, id: string): Promise<SerialPlan> {
    return toSerialPlan(await this.saleRow(db, workspaceId, id));
  }

  private async record(db: Kysely<Database>, workspaceId: string, serial: string): Promise<SerialRecord> {
    const row = await loadSerialRow(db, workspaceId, serial);
    const plans = await db
      .selectFrom('serial_plans')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('serial_id', '=', row.id)
      .orderBy('id')
      .execute();
    const warranty = standardWarranty(row, shanghaiDateOf(nowIso(this.deps.clock)));
    return {
      serial: row.serial,
      productLine: row.product_line,
      model: row.model,
      purchasedOn: row.purchased_on,
      warrantyMonths: row.warranty_months === null ? null : Number(row.warranty_months),
      warranty: { status: warranty.status, coveredThrough: warranty.coveredThrough ?? null, label: warranty.label },
      plans: plans.map(toSerialPlan),
    };
  }
}
