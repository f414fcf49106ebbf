import { randomBytes } from 'node:crypto';
import {
  actorLabel,
  actorMay,
  assertIsoDate,
  errors,
  FAULT_CATEGORIES,
  isFaultCategory,
  isSlot,
  maskPhone,
  normalisePhone,
  REPAIR_ORDER_STATUSES,
  requirePermission,
  SLOTS,
  type Actor,
  type FaultCategory,
  type Slot,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { appendAudit, appendAuditBatch, type AuditEntry } from '../adapters/db/audit.repository.js';
import { BatchCommitter, type Outcome } from '../adapters/db/group-commit.js';
import {
  appendRepairOrderEvent,
  loadRepairOrderEvents,
  loadRepairOrderRow,
  maskName,
  toRepairOrder,
  toRepairVisit,
  toVisitMedia,
  type RepairOrder,
  type RepairOrderEvent,
  type RepairOrderRow,
  type RepairVisit,
  type VisitMedia,
} from '../adapters/db/repair.repository.js';
import type { Database } from '../adapters/db/schema.js';
import { randomToken, sha256Hex } from '../adapters/crypto/tokens.js';
import { isTechnicianOnly, requireOrderAccess, technicianIdOf } from './repair-access.js';
import { resolveIntakeArea, warrantyAtIntake } from './repair-intake.js';
import { recordIntakeCoverage } from './plan-coverage.service.js';
import type { RepairNetwork } from './repair-network.js';
import { nowIso, pageSize, requireText, toPage, type Page, type ServiceDeps } from './service-deps.js';
import type { SlaService, SlaTimerView } from './sla.service.js';

export type { RepairOrder, RepairOrderEvent, RepairVisit, VisitMedia };

export const REPAIR_CHANNELS = ['phone', 'web', 'counter'] as const;
export type RepairChannel = (typeof REPAIR_CHANNELS)[number];

/** A repair order taken in by an agent (phone, counter) or through the public web form. */
export interface RepairIntake {
  readonly channel: RepairChannel;
  readonly customer: { readonly name: string; readonly phone: string; readonly address: string };
  /** A division code (township or county); or `areaText`, resolved by the area resolver. */
  readonly areaCode?: string;
  readonly areaText?: string;
  /** One of the workspace's product lines; omitted: its first. */
  readonly productLine?: string;
  readonly serial?: string;
  readonly faultCategory: FaultCategory;
  readonly description: string;
  readonly preferredDate: string;
  readonly preferredSlot: Slot;
}

/** An order with everything its page shows. */
export interface RepairOrderDetail extends RepairOrder {
  readonly history: readonly RepairOrderEvent[];
  readonly slaTimers: readonly SlaTimerView[];
  readonly visit: RepairVisit | null;
  readonly media: readonly VisitMedia[];
}

/** What intake answers: the order, and the customer's status-link token (shown once; only its hash is stored). */
export interface IntakeResult {
  readonly order: RepairOrderDetail;
  readonly statusToken: string;
}

export interface RepairOrderQuery {
  /** Booked date (or, before booking, the preferred date), `YYYY-MM-DD`. */
  readonly date?: string;
  readonly slot?: Slot;
  /** Division code prefix: `5134` for 凉山州, `513435` for 甘洛县. */
  readonly areaPrefix?: string;
  readonly status?: string;
  readonly outletId?: string;
  readonly technicianId?: string;
  /** `breached`: any SLA timer breached; `ok`: none. */
  readonly sla?: 'breached' | 'ok';
  readonly cursor?: string;
  readonly limit?: number;
}

/** A customer's contact, decrypted on reveal. */
export interface RepairContact {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
}

/** The sealed contact of a service customer. */
interface SealedCustomer {
  readonly name: string;
  readonly phone: string;
}

const NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `RO-261122-4K7Q2M`: the Shanghai date of intake and six random characters (a collision is retried). */
function orderNumber(atIso: string): string {
  const shanghai = new Date(Date.parse(atIso) + 8 * 3_600_000).toISOString();
  const date = `${shanghai.slice(2, 4)}${shanghai.slice(5, 7)}${shanghai.slice(8, 10)}`;
  const suffix = [...randomBytes(6)].map((b) => NUMBER_ALPHABET[b % NUMBER_ALPHABET.length]).join('');
  return `RO-${date}-${suffix}`;
}

/**
 * Repair orders: intake (sealed contact, warranty from the serial, free first inspection), reading and listing with
 * masked contact, audited reveal, and the technician's and dispatcher's status events. Dispatch, SLA and visits
 * live in their own services; every status change goes through `applyRepairChange`.
 */
export class RepairOrderService {
  private readonly intakes: BatchCommitter<(trx: Kysely<Database>, audit: AuditEntry[]) => Promise<void>, void>;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly network: RepairNetwork,
    private readonly sla: SlaService,
  ) {
    this.intakes = new BatchCommitter(deps.db, async (trx, writes) => {
      const outcomes: Outcome<void>[] = [];
      const audit: AuditEntry[] = [];
      for (const write of writes) {
        await write(trx, audit);
        outcomes.push({ ok: true, value: undefined });
      }
      // The batch's audit rows in a few statements, last: the audit chain's lock is held only until the commit.
      await appendAuditBatch(trx, deps.ids, audit, deps.db.dialect);
      return outcomes;
    });
  }

  /**
   * Takes a repair order in (status `reported`), audited `repair_order.created`: the customer is found by phone
   * (blind index) or created, contact and address sealed, the warranty read from the serial registry, the free
   * first inspection granted by the workspace's policy on the customer's first order.
   * @throws {DomainError} `forbidden` without `service.intake` (the public form passes a `repair_customer` actor);
   *   `invalid_input` (an area that does not resolve to one township or county answers its candidates)
   */
  async intake(actor: Actor, input: RepairIntake): Promise<IntakeResult> {
    if (actor.kind !== 'repair_customer') requirePermission(actor, 'service.intake');
    const channel = input.channel;
    if (!(REPAIR_CHANNELS as readonly string[]).includes(channel))
      throw errors.invalidInput('channel', { zh: '须为 phone、web 或 counter', en: 'must be phone, web or counter' });
    const name = requireText('customer.name', input.customer?.name, 100);
    const phoneRaw = requireText('customer.phone', input.customer?.phone, 40);
    const phone = normalisePhone(phoneRaw);
    if (phone.length < 7 || phone.length > 15)
      throw errors.invalidInput('customer.phone', { zh: '不是有效的电话号码', en: 'is not a phone number' });
    const address = requireText('customer.address', input.customer?.address, 500);
    const area = resolveIntakeArea(input.areaCode, input.areaText);
    const settings = await this.network.settings(actor.workspaceId);
    // Without a product line, the workspace's first (most brands service one).
    const productLine =
      input.productLine === undefined || input.productLine.trim() === ''
        ? (settings.productLines[0] ?? requireText('productLine', input.productLine, 100))
        : requireText('productLine', input.productLine, 100);
    if (settings.productLines.length > 0 && !settings.productLines.includes(productLine))
      throw errors.invalidInput('productLine', {
        zh: `须为 ${settings.productLines.join('、')} 之一`,
        en: `must be one of ${settings.productLines.join(', ')}`,
      });
    if (!isFaultCategory(input.faultCategory))
      throw errors.invalidInput('faultCategory', {
        zh: `须为 ${FAULT_CATEGORIES.join('、')} 之一`,
        en: `must be one of ${FAULT_CATEGORIES.join(', ')}`,
      });
    const description = requireText('description', input.description, 2000);
    const preferredDate = assertIsoDate(input.preferredDate, 'preferredDate');
    if (!isSlot(input.preferredSlot))
      throw errors.invalidInput('preferredSlot', {
        zh: `须为 ${SLOTS.join('、')} 之一`,
        en: `must be one of ${SLOTS.join(', ')}`,
      });
    const serial = input.serial?.trim() ? requireText('serial', input.serial, 100) : null;
    const { ids, clock, cipher, pseudonymiser } = this.deps;
    const at = nowIso(clock);
    const statusToken = randomToken(24);
    const sealedAddress = cipher.seal(address);
    const phoneIndex = pseudonymiser.phoneIndex(phone);
    const sealedContact = cipher.seal(JSON.stringify({ name, phone } satisfies SealedCustomer));
    const id = ids.next();
    const label = actor.kind === 'repair_customer' ? 'customer:web-form' : actorLabel(actor);
    // Group commit: intakes arriving together share one transaction and one fsync (each is a handful of statements).
    await this.intakes.run(async (trx, audit) => {
      const priorOrders = await this.findOrCreateCustomer(trx, actor.workspaceId, phoneIndex, sealedContact, at);
      const warranty = await warrantyAtIntake(trx, actor.workspaceId, serial, at);
      const freeInspection = settings.firstInspectionFree(priorOrders.count);
      const values = {
        id,
        workspace_id: actor.workspaceId,
        number: orderNumber(at),
        channel,
        customer_id: priorOrders.customerId,
        area_code: area.code,
        area_name: area.fullName,
        address_key_id: sealedAddress.keyId,
        address_ciphertext: sealedAddress.ciphertext,
        product_line: productLine,
        serial,
        warranty_status: warranty,
        free_inspection: freeInspection ? 1 : 0,
        fault_category: input.faultCategory,
        description,
        preferred_date: preferredDate,
        preferred_slot: input.preferredSlot,
        status: 'reported',
        outlet_id: null,
        technician_id: null,
        booked_date: null,
        booked_slot: null,
        link_token_hash: sha256Hex(statusToken),
        sla_breached: 0,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('repair_orders').values(values).execute();
      // Care plans (issue 8): what the customer pays and why, from the serial's warranty and plans, kept with the order.
      await recordIntakeCoverage(trx, {
        workspaceId: actor.workspaceId,
        orderId: id,
        serial,
        productLine,
        faultCategory: input.faultCategory,
        priorOrderCount: priorOrders.count,
        at,
      });
      const explanation = {
        channel,
        areaCode: area.code,
        preferredDate,
        preferredSlot: input.preferredSlot,
        warranty,
        freeInspection,
        priorOrders: priorOrders.count,
        ...(area.via ? { areaResolvedFrom: input.areaText } : {}),
      };
      const event = {
        workspaceId: actor.workspaceId,
        orderId: id,
        at,
        actor: label,
        event: 'intake',
        fromStatus: null,
        toStatus: 'reported',
        explanation,
      };
      await appendRepairOrderEvent(trx, ids, event);
      // The resolution timer runs from the report.
      await this.sla.schedule(trx, values, at, settings, [{ ...event, id }]);
      audit.push({
        workspaceId: actor.workspaceId,
        at,
        actor: label,
        action: 'repair_order.created',
        subjectType: 'repair_order',
        subjectId: id,
        data: explanation,
      });
    });
    this.deps.onJobsEnqueued?.();
    // The query-only connection: on SQLite the read never waits for the next batch in flight.
    const row = await loadRepairOrderRow(this.deps.db.reader, actor.workspaceId, id);
    return { order: await this.detail(this.deps.db.reader, row), statusToken };
  }

  /**
   * Counts the new order on the customer found by phone, or creates the customer; refreshes the sealed contact.
   * @returns the customer id and how many orders they had before this one
   */
  private async findOrCreateCustomer(
    trx: Kysely<Database>,
    workspaceId: string,
    phoneIndex: string,
    sealed: { keyId: string; ciphertext: string },
    at: string,
  ): Promise<{ customerId: string; count: number }> {
    await trx
      .insertInto('service_customers')
      .values({
        id: this.deps.ids.next(),
        workspace_id: workspaceId,
        phone_index: phoneIndex,
        contact_key_id: sealed.keyId,
        contact_ciphertext: sealed.ciphertext,
        order_count: 0,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'phone_index']).doNothing())
      .execute();
    const row = await trx
      .updateTable('service_customers')
      .set((eb) => ({
        order_count: eb('order_count', '+', 1),
        contact_key_id: sealed.keyId,
        contact_ciphertext: sealed.ciphertext,
      }))
      .where('workspace_id', '=', workspaceId)
      .where('phone_index', '=', phoneIndex)
      .returning(['id', 'order_count'])
      .executeTakeFirstOrThrow();
    return { customerId: row.id, count: Number(row.order_count) - 1 };
  }

  /**
   * One order with its history (dispatch explanations included), SLA timers, visit and media; contact masked.
   * @throws {DomainError} `not_found` (another workspace's order; for a technician, any order not theirs), `forbidden`
   */
  async getOrder(actor: Actor, orderId: string): Promise<RepairOrderDetail> {
    // The query-only connection: on SQLite a read never waits for the write in flight.
    const db = this.deps.db.reader;
    const row = await loadRepairOrderRow(db, actor.workspaceId, orderId);
    await requireOrderAccess(db, actor, row, 'network.read');
    return this.detail(db, row);
  }

  /** The detail view of a row already checked. */
  async detail(db: Kysely<Database>, row: RepairOrderRow): Promise<RepairOrderDetail> {
    const [history, visit, media, contact] = await Promise.all([
      loadRepairOrderEvents(db, row.workspace_id, row.id),
      db
        .selectFrom('repair_visits')
        .selectAll()
        .where('workspace_id', '=', row.workspace_id)
        .where('order_id', '=', row.id)
        .executeTakeFirst(),
      db
        .selectFrom('visit_media')
        .selectAll()
        .where('workspace_id', '=', row.workspace_id)
        .where('order_id', '=', row.id)
        .orderBy('id')
        .execute(),
      this.maskedContacts(db, row.workspace_id, [row.customer_id]),
    ]);
    const slaTimers = await this.sla.timersOf(row, history);
    return {
      ...toRepairOrder(row, contact.get(row.customer_id) ?? { nameMasked: '', phoneMasked: '' }),
      history,
      slaTimers,
      visit: visit ? toRepairVisit(visit) : null,
      media: media.map(toVisitMedia),
    };
  }

  /**
   * Orders newest first with the board's filters, one page at a time. A technician sees only their own orders.
   * @throws {DomainError} `forbidden`, `invalid_input`
   */
  async listOrders(actor: Actor, query: RepairOrderQuery = {}): Promise<Page<RepairOrder>> {
    requirePermission(actor, 'network.read');
    const size = pageSize(query.limit);
    // The query-only connection: on SQLite a read never waits for the write in flight.
    const db = this.deps.db.reader;
    let select = db
      .selectFrom('repair_orders')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id', 'desc')
      .limit(size + 1);
    if (isTechnicianOnly(actor)) {
      const own = await technicianIdOf(db, actor);
      select = select.where('technician_id', '=', own ?? '');
    }
    if (query.cursor) select = select.where('id', '<', query.cursor);
    if (query.status !== undefined) {
      if (!(REPAIR_ORDER_STATUSES as readonly string[]).includes(query.status))
        throw errors.invalidInput('status', { zh: '不是已知的状态', en: 'is not a known status' });
      select = select.where('status', '=', query.status);
    }
    if (query.date !== undefined) {
      const date = assertIsoDate(query.date, 'date');
      select = select.where((eb) =>
        eb.or([eb('booked_date', '=', date), eb.and([eb('booked_date', 'is', null), eb('preferred_date', '=', date)])]),
      );
    }
    if (query.slot !== undefined) {
      const slot = query.slot;
      select = select.where((eb) =>
        eb.or([eb('booked_slot', '=', slot), eb.and([eb('booked_slot', 'is', null), eb('preferred_slot', '=', slot)])]),
      );
    }
    if (query.areaPrefix !== undefined) {
      if (!/^\d{2,9}$/.test(query.areaPrefix))
        throw errors.invalidInput('areaPrefix', { zh: '须为 2 到 9 位数字', en: 'must be 2 to 9 digits' });
      select = select.where('area_code', 'like', `${query.areaPrefix}%`);
    }
    if (query.outletId !== undefined) select = select.where('outlet_id', '=', query.outletId);
    if (query.technicianId !== undefined) select = select.where('technician_id', '=', query.technicianId);
    if (query.sla !== undefined) select = select.where('sla_breached', '=', query.sla === 'breached' ? 1 : 0);
    const rows = await select.execute();
    const contacts = await this.maskedContacts(
      db,
      actor.workspaceId,
      rows.map((r) => r.customer_id),
    );
    return toPage(rows, size, (row) =>
      toRepairOrder(row, contacts.get(row.customer_id) ?? { nameMasked: '', phoneMasked: '' }),
    );
  }

  /** Masked name and phone of customers, decrypted in memory only to mask them. */
  private async maskedContacts(
    db: Kysely<Database>,
    workspaceId: string,
    customerIds: readonly string[],
  ): Promise<Map<string, { nameMasked: string; phoneMasked: string }>> {
    const out = new Map<string, { nameMasked: string; phoneMasked: string }>();
    const unique = [...new Set(customerIds)];
    if (unique.length === 0) return out;
    const rows = await db
      .selectFrom('service_customers')
      .select(['id', 'contact_key_id', 'contact_ciphertext'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', unique)
      .execute();
    for (const row of rows) {
      const contact = JSON.parse(this.deps.cipher.open(row.contact_key_id, row.contact_ciphertext)) as SealedCustomer;
      out.set(row.id, { nameMasked: maskName(contact.name), phoneMasked: maskPhone(contact.phone) });
    }
    return out;
  }

  /**
   * Decrypts the customer's name, phone and address for someone who must reach them, and records who did in the
   * audit log in the same transaction. Allowed with `service.contact_reveal`, or to the technician assigned to the
   * order.
   * @throws {DomainError} `forbidden`; `not_found`
   */
  async revealContact(actor: Actor, orderId: string, reason?: string): Promise<RepairContact> {
    requirePermission(actor, 'network.read');
    const { db, ids, clock, cipher } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const row = await loadRepairOrderRow(trx, actor.workspaceId, orderId);
      let as: 'contact_reveal' | 'assigned_technician' = 'contact_reveal';
      if (!actorMay(actor, 'service.contact_reveal')) {
        const own = await technicianIdOf(trx, actor);
        if (own === null || row.technician_id !== own) {
          if (isTechnicianOnly(actor)) throw errors.notFound('repair order', orderId);
          throw errors.forbidden('service.contact_reveal');
        }
        as = 'assigned_technician';
      }
      const customer = await trx
        .selectFrom('service_customers')
        .select(['contact_key_id', 'contact_ciphertext'])
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', row.customer_id)
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at: nowIso(clock),
        actor: actorLabel(actor),
        action: 'repair_order.contact_revealed',
        subjectType: 'repair_order',
        subjectId: orderId,
        data: { as, customerId: row.customer_id, ...(reason ? { reason: reason.slice(0, 500) } : {}) },
      });
      const contact = JSON.parse(cipher.open(customer.contact_key_id, customer.contact_ciphertext)) as SealedCustomer;
      return {
        name: contact.name,
        phone: contact.phone,
        address: cipher.open(row.address_key_id, row.address_ciphertext),
      };
    });
  }
}
