import { errors, REPAIR_ORDER_STATUS_LABELS, type Actor, type RepairOrderStatus } from '@proofdesk/domain';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { sha256Hex } from '../adapters/crypto/tokens.js';
import type { RepairOrderRow } from '../adapters/db/repair.repository.js';
import type { IntakeResult, RepairIntake, RepairOrderService } from './repair-order.service.js';
import type { RepairWorkflowService } from './repair-workflow.service.js';
import { nowIso, requireText, type ServiceDeps } from './service-deps.js';

/** What a customer sees through their status link: the order's progress, masked, nothing internal. */
export interface CustomerOrderView {
  readonly number: string;
  readonly status: RepairOrderStatus;
  readonly statusLabel: { readonly zh: string; readonly en: string };
  readonly areaName: string;
  readonly productLine: string;
  readonly faultCategory: string;
  readonly warrantyStatus: string;
  readonly freeInspection: boolean;
  readonly preferredDate: string;
  readonly preferredSlot: string;
  readonly bookedDate: string | null;
  readonly bookedSlot: string | null;
  /** The technician's name with the given name masked (`王师傅` → `王**`), once assigned. */
  readonly technicianName: string | null;
  /** Status changes, oldest first: what happened and when, not who. */
  readonly timeline: readonly { readonly status: string; readonly at: string }[];
  readonly visit: {
    readonly checkedInAt: string | null;
    readonly checkedOutAt: string | null;
    readonly feeFen: number;
    readonly partsFen: number;
  } | null;
  readonly confirmedAt: string | null;
  readonly rating: number | null;
  readonly canConfirm: boolean;
  readonly canCancel: boolean;
  readonly createdAt: string;
}

const CANCELLABLE = new Set(['reported', 'assigned', 'accepted', 'on_the_way', 'needs_parts', 'rescheduled']);

/**
 * The customer's side, without an account: booking through the workspace's public form, and their order through
 * the status link whose token only the customer holds (its SHA-256 is stored). Every answer is masked.
 */
export class RepairCustomerService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly orders: RepairOrderService,
    private readonly workflow: RepairWorkflowService,
  ) {}

  /** The id of the workspace with this slug. @throws {DomainError} `not_found` */
  async workspaceIdOf(slug: string): Promise<string> {
    const workspace = await this.deps.db.kysely
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!workspace) throw errors.notFound('workspace', slug);
    return workspace.id;
  }

  /**
   * A booking through the public web form of the workspace with this slug (channel `web`).
   * @throws {DomainError} `not_found` for an unknown slug; `invalid_input`
   */
  async book(
    slug: string,
    input: Omit<RepairIntake, 'channel'>,
  ): Promise<{ view: CustomerOrderView; statusToken: string }> {
    const actor: Actor = { kind: 'repair_customer', orderId: null, workspaceId: await this.workspaceIdOf(slug) };
    const result: IntakeResult = await this.orders.intake(actor, { ...input, channel: 'web' });
    return { view: await this.view(await this.rowByToken(result.statusToken)), statusToken: result.statusToken };
  }

  /** The order behind a status link. @throws {DomainError} `not_found` for an unknown token */
  async status(token: string): Promise<CustomerOrderView> {
    return this.view(await this.rowByToken(token));
  }

  /**
   * The customer confirms the completed repair with a rating (1–5) and an optional comment: the visit records it
   * and the order closes (audited as `customer:<order id>`).
   * @throws {DomainError} `not_found`; `invalid_input`; `invalid_state` unless completed; `conflict`
   */
  async confirm(
    token: string,
    input: { readonly rating: number; readonly comment?: string },
  ): Promise<CustomerOrderView> {
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
      throw errors.invalidInput('rating', { zh: '须为 1–5 的整数', en: 'must be a whole number from 1 to 5' });
    const comment = input.comment?.trim() ? requireText('comment', input.comment, 1000) : null;
    const row = await this.rowByToken(token);
    const { db, ids, clock } = this.deps;
    const settings = await this.workflow.settingsFor(row.workspace_id);
    await db.kysely.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('repair_orders')
        .selectAll()
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      const at = nowIso(clock);
      await this.workflow.customerEvent(trx, current, 'close', at, { rating: input.rating, confirmed: true }, settings);
      const visit = await trx
        .selectFrom('repair_visits')
        .select('order_id')
        .where('order_id', '=', row.id)
        .executeTakeFirst();
      const values = { confirmed_at: at, rating: input.rating, rating_comment: comment, updated_at: at };
      if (visit) await trx.updateTable('repair_visits').set(values).where('order_id', '=', row.id).execute();
      else
        await trx
          .insertInto('repair_visits')
          .values({
            ...values,
            order_id: row.id,
            workspace_id: row.workspace_id,
            technician_id: current.technician_id,
            checked_in_at: null,
            checked_out_at: null,
            notes: null,
            parts_json: '[]',
            fee_fen: 0,
          })
          .execute();
      await appendAudit(trx, ids, {
        workspaceId: row.workspace_id,
        at,
        actor: `customer:${row.id}`,
        action: 'repair_order.customer_confirmed',
        subjectType: 'repair_order',
        subjectId: row.id,
        data: { rating: input.rating, hasComment: comment !== null },
      });
    });
    return this.status(token);
  }

  /** The customer cancels before the repair. @throws {DomainError} `not_found`; `invalid_state`; `conflict` */
  async cancel(token: string, reason?: string): Promise<CustomerOrderView> {
    const why = reason?.trim() ? requireText('reason', reason, 1000) : null;
    const row = await this.rowByToken(token);
    const settings = await this.workflow.settingsFor(row.workspace_id);
    await this.deps.db.kysely.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('repair_orders')
        .selectAll()
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      await this.workflow.customerEvent(
        trx,
        current,
        'cancel',
        nowIso(this.deps.clock),
        {
          reason: why ?? 'cancelled by the customer',
          by: 'customer',
        },
        settings,
      );
    });
    return this.status(token);
  }

  private async rowByToken(token: string): Promise<RepairOrderRow> {
    const row =
      typeof token === 'string' && token.length >= 16 && token.length <= 200
        ? await this.deps.db.kysely
            .selectFrom('repair_orders')
            .selectAll()
            .where('link_token_hash', '=', sha256Hex(token))
            .executeTakeFirst()
        : undefined;
    if (!row) throw errors.notFound('repair order', 'link');
    return row;
  }

  private async view(row: RepairOrderRow): Promise<CustomerOrderView> {
    // The query-only connection: on SQLite a read never waits for the write in flight.
    const db = this.deps.db.reader;
    const [events, visit, technician] = await Promise.all([
      db
        .selectFrom('repair_order_events')
        .select(['to_status', 'from_status', 'at'])
        .where('order_id', '=', row.id)
        .orderBy('id')
        .execute(),
      db.selectFrom('repair_visits').selectAll().where('order_id', '=', row.id).executeTakeFirst(),
      row.technician_id
        ? db.selectFrom('technicians').select('name').where('id', '=', row.technician_id).executeTakeFirst()
        : Promise.resolve(undefined),
    ]);
    const status = row.status as RepairOrderStatus;
    const parts = visit ? (JSON.parse(visit.parts_json) as { quantity: number; priceFen: number }[]) : [];
    return {
      number: row.number,
      status,
      statusLabel: REPAIR_ORDER_STATUS_LABELS[status],
      areaName: row.area_name,
      productLine: row.product_line,
      faultCategory: row.fault_category,
      warrantyStatus: row.warranty_status,
      freeInspection: Number(row.free_inspection) === 1,
      preferredDate: row.preferred_date,
      preferredSlot: row.preferred_slot,
      bookedDate: row.booked_date,
      bookedSlot: row.booked_slot,
      technicianName: technician ? maskGivenName(technician.name) : null,
      timeline: events.filter((e) => e.from_status !== e.to_status).map((e) => ({ status: e.to_status, at: e.at })),
      visit: visit
        ? {
            checkedInAt: visit.checked_in_at,
            checkedOutAt: visit.checked_out_at,
            feeFen: Number(visit.fee_fen),
            partsFen: parts.reduce((sum, p) => sum + p.quantity * p.priceFen, 0),
          }
        : null,
      confirmedAt: visit?.confirmed_at ?? null,
      rating: visit?.rating === null || visit?.rating === undefined ? null : Number(visit.rating),
      canConfirm: status === 'completed',
      canCancel: CANCELLABLE.has(status),
      createdAt: row.created_at,
    };
  }
}

/** The family name and a `*` per other character: `王小明` → `王**`. */
function maskGivenName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
