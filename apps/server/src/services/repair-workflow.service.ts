import {
  actorLabel,
  assertIsoDate,
  errors,
  isSlot,
  requirePermission,
  SLOTS,
  type Actor,
  type RepairOrderEvent,
  type Slot,
} from '@proofdesk/domain';
import type { Transaction } from 'kysely';
import { loadRepairOrderRow, type RepairOrderRow } from '../adapters/db/repair.repository.js';
import { appendAuditBatch, type AuditEntry } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import { requireOrderAccess } from './repair-access.js';
import type { RepairOrderDetail, RepairOrderService } from './repair-order.service.js';
import { applyRepairChange } from './repair-transition.js';
import { nowIso, requireText, type ServiceDeps } from './service-deps.js';
import type { RepairSettings } from './repair-network.js';
import type { SlaService } from './sla.service.js';

/** The events a technician records on their own order in the app. */
export const TECHNICIAN_EVENTS = ['accept', 'call_customer', 'depart', 'arrive', 'complete', 'parts_needed'] as const;
export type TechnicianEvent = (typeof TECHNICIAN_EVENTS)[number];

/** A booking of a technician for a date and slot. */
export interface Booking {
  readonly technicianId: string;
  readonly date: string;
  readonly slot: Slot;
  /**
   * Refuse (409 `conflict`) when the technician already holds this many bookings in the slot, counted inside the
   * assignment's transaction with the technician's row locked: automatic dispatch passes the capacity it decided on,
   * so two dispatches racing for the last place cannot both take it. A dispatcher's manual assignment may overbook.
   */
  readonly capacity?: number;
}

/** Statuses whose booking holds a technician's slot (a cancelled order frees it). */
export const HOLDING_STATUSES = [
  'assigned',
  'accepted',
  'on_the_way',
  'on_site',
  'completed',
  'needs_parts',
  'rescheduled',
  'closed',
];

/**
 * The life of a repair order after intake: the technician's events on their own order, a dispatcher's assignment,
 * rescheduling, closing and cancelling. Each is one transaction: the conditional status update, the history entry,
 * the audit row and the next SLA check.
 */
export class RepairWorkflowService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly orders: RepairOrderService,
    private readonly sla: SlaService,
  ) {}

  /**
   * A technician's step on their own order (admins on any): accept, call the customer, set off, check in, complete,
   * or parts needed (the order waits; SLA timers pause).
   * @throws {DomainError} `forbidden` without `service.work`; `not_found` (another technician's order);
   *   `invalid_input`; `invalid_state`; `conflict`
   */
  async technicianEvent(
    actor: Actor,
    orderId: string,
    event: TechnicianEvent,
    note?: string,
  ): Promise<RepairOrderDetail> {
    if (!(TECHNICIAN_EVENTS as readonly string[]).includes(event))
      throw errors.invalidInput('event', {
        zh: `须为 ${TECHNICIAN_EVENTS.join('、')} 之一`,
        en: `must be one of ${TECHNICIAN_EVENTS.join(', ')}`,
      });
    const cleanNote = note?.trim() ? requireText('note', note, 1000) : undefined;
    return this.change(actor, orderId, 'service.work', async (row, trx, at, label, tail) =>
      applyRepairChange(trx, this.deps.ids, {
        row,
        event,
        at,
        actor: label,
        auditSink: tail.audit,
        ...(cleanNote ? { explanation: { note: cleanNote } } : {}),
      }),
    );
  }

  /**
   * Any status event but `assign` (see the dispatch service), as the events route takes them: a technician's step
   * needs `service.work` (a technician only on their own order), `reschedule` and `close` need `service.dispatch`,
   * `cancel` needs `service.intake`.
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_input`; `invalid_state`; `conflict`
   */
  async applyEvent(
    actor: Actor,
    orderId: string,
    input: {
      readonly event: Exclude<RepairOrderEvent, 'assign'>;
      readonly note?: string;
      readonly reason?: string;
      readonly date?: string;
      readonly slot?: Slot;
    },
  ): Promise<RepairOrderDetail> {
    switch (input.event) {
      case 'reschedule':
        return this.reschedule(actor, orderId, {
          date: input.date ?? '',
          slot: input.slot ?? ('' as Slot),
          reason: input.reason ?? '',
        });
      case 'close':
        return this.close(actor, orderId, input.note);
      case 'cancel':
        return this.cancel(actor, orderId, input.reason ?? '');
      case 'accept':
      case 'call_customer':
      case 'depart':
      case 'arrive':
      case 'complete':
      case 'parts_needed':
        return this.technicianEvent(actor, orderId, input.event, input.note);
    }
  }

  /**
   * Assigns (or reassigns) the order to a technician for a date and slot, by a dispatcher with a reason, or by
   * automatic dispatch with its explanation. The technician's home outlet becomes the order's outlet.
   * @throws {DomainError} `forbidden` without `service.dispatch`; `not_found` (order or technician);
   *   `invalid_input`; `invalid_state`; `conflict`
   */
  async assign(
    actor: Actor,
    orderId: string,
    booking: Booking,
    explanation: Readonly<Record<string, unknown>>,
  ): Promise<RepairOrderDetail> {
    const { date, slot } = checkBooking(booking);
    return this.change(actor, orderId, 'service.dispatch', async (row, trx, at, label, tail) => {
      const technician = await trx
        .selectFrom('technicians')
        .select(['id', 'home_outlet_id', 'active'])
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', booking.technicianId)
        .executeTakeFirst();
      if (!technician || Number(technician.active) !== 1) throw errors.notFound('technician', booking.technicianId);
      const capacity = booking.capacity;
      if (capacity !== undefined)
        tail.checks.push(() =>
          this.requireFreePlace(trx, actor.workspaceId, row.id, technician.id, date, slot, capacity),
        );
      return applyRepairChange(trx, this.deps.ids, {
        row,
        event: 'assign',
        at,
        actor: label,
        auditSink: tail.audit,
        patch: {
          technician_id: technician.id,
          outlet_id: technician.home_outlet_id,
          booked_date: date,
          booked_slot: slot,
        },
        explanation: {
          ...explanation,
          technicianId: technician.id,
          outletId: technician.home_outlet_id,
          date,
          slot,
          ...(row.technician_id && row.technician_id !== technician.id
            ? { previousTechnicianId: row.technician_id }
            : {}),
        },
      });
    });
  }

  /**
   * A new date and slot agreed with the customer (the order waits until that day; SLA timers pause), by a
   * dispatcher.
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_input`; `invalid_state`; `conflict`
   */
  async reschedule(
    actor: Actor,
    orderId: string,
    input: { readonly date: string; readonly slot: Slot; readonly reason: string },
  ): Promise<RepairOrderDetail> {
    const reason = requireText('reason', input.reason, 1000);
    const date = assertIsoDate(input.date, 'date');
    if (!isSlot(input.slot))
      throw errors.invalidInput('slot', {
        zh: `须为 ${SLOTS.join('、')} 之一`,
        en: `must be one of ${SLOTS.join(', ')}`,
      });
    return this.change(actor, orderId, 'service.dispatch', async (row, trx, at, label, tail) =>
      applyRepairChange(trx, this.deps.ids, {
        row,
        event: 'reschedule',
        at,
        actor: label,
        auditSink: tail.audit,
        patch: { booked_date: date, booked_slot: input.slot },
        explanation: { reason, date, slot: input.slot, previousDate: row.booked_date, previousSlot: row.booked_slot },
      }),
    );
  }

  /** Closes a completed order (the customer's confirmation closes it too). @throws {DomainError} */
  async close(actor: Actor, orderId: string, note?: string): Promise<RepairOrderDetail> {
    const cleanNote = note?.trim() ? requireText('note', note, 1000) : undefined;
    return this.change(actor, orderId, 'service.dispatch', async (row, trx, at, label, tail) =>
      applyRepairChange(trx, this.deps.ids, {
        row,
        event: 'close',
        at,
        actor: label,
        auditSink: tail.audit,
        ...(cleanNote ? { explanation: { note: cleanNote } } : {}),
      }),
    );
  }

  /** Cancels an order before the repair, by an agent or dispatcher, with the reason. @throws {DomainError} */
  async cancel(actor: Actor, orderId: string, reason: string): Promise<RepairOrderDetail> {
    const why = requireText('reason', reason, 1000);
    return this.change(actor, orderId, 'service.intake', async (row, trx, at, label, tail) =>
      applyRepairChange(trx, this.deps.ids, {
        row,
        event: 'cancel',
        at,
        actor: label,
        explanation: { reason: why },
        auditSink: tail.audit,
      }),
    );
  }

  /**
   * Applies an event for a customer through their status link (confirm → close, cancel) inside the caller's
   * transaction, with the SLA check scheduled.
   */
  async customerEvent(
    trx: Transaction<Database>,
    row: RepairOrderRow,
    event: Extract<RepairOrderEvent, 'close' | 'cancel'>,
    at: string,
    explanation: Readonly<Record<string, unknown>>,
    settings: RepairSettings,
  ): Promise<RepairOrderRow> {
    const changed = await applyRepairChange(trx, this.deps.ids, {
      row,
      event,
      at,
      actor: `customer:${row.id}`,
      explanation,
    });
    await this.sla.schedule(trx, changed, at, settings);
    return changed;
  }

  /** The settings to pass to `customerEvent`, read before its transaction. */
  settingsFor(workspaceId: string): Promise<RepairSettings> {
    return this.sla.settingsFor(workspaceId);
  }

  /**
   * Refuses with `conflict` when the technician already holds `capacity` bookings of the slot besides this order.
   * On PostgreSQL the technician's row is locked first, so two assignments count one after the other (SQLite's write
   * transactions are serial already).
   */
  private async requireFreePlace(
    trx: Transaction<Database>,
    workspaceId: string,
    orderId: string,
    technicianId: string,
    date: string,
    slot: Slot,
    capacity: number,
  ): Promise<void> {
    if (this.deps.db.dialect === 'postgres')
      await trx.selectFrom('technicians').select('id').where('id', '=', technicianId).forUpdate().execute();
    const held = await trx
      .selectFrom('repair_orders')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('technician_id', '=', technicianId)
      .where('booked_date', '=', date)
      .where('booked_slot', '=', slot)
      .where('status', 'in', HOLDING_STATUSES)
      .where('id', '!=', orderId)
      .executeTakeFirstOrThrow();
    if (Number(held.n) >= capacity)
      throw errors.conflict(
        { zh: '该技师这个时段刚被约满，请重新派单', en: "The technician's slot just filled up; dispatch again" },
        { technicianId, date, slot, capacity },
      );
  }

  /**
   * Reads the order in a transaction, checks access, lets `apply` change it, schedules the SLA check, then runs the
   * checks and appends the audit rows `apply` left for the end.
   */
  private async change(
    actor: Actor,
    orderId: string,
    permission: 'service.work' | 'service.dispatch' | 'service.intake',
    apply: (
      row: RepairOrderRow,
      trx: Transaction<Database>,
      at: string,
      label: string,
      tail: { readonly audit: AuditEntry[]; readonly checks: (() => Promise<void>)[] },
    ) => Promise<RepairOrderRow>,
  ): Promise<RepairOrderDetail> {
    requirePermission(actor, permission);
    const { db, clock, ids } = this.deps;
    const settings = await this.sla.settingsFor(actor.workspaceId);
    const changed = await db.kysely.transaction().execute(async (trx) => {
      const row = await loadRepairOrderRow(trx, actor.workspaceId, orderId);
      await requireOrderAccess(trx, actor, row, permission);
      const at = nowIso(clock);
      const tail = { audit: [] as AuditEntry[], checks: [] as (() => Promise<void>)[] };
      const next = await apply(row, trx, at, actorLabel(actor), tail);
      await this.sla.schedule(trx, next, at, settings);
      // Last, so the locks they take (a technician's row, the workspace's audit chain) are held only until the commit.
      for (const check of tail.checks) await check();
      if (tail.audit.length > 0) await appendAuditBatch(trx, ids, tail.audit, db.dialect);
      return next;
    });
    this.deps.onJobsEnqueued?.();
    return this.orders.detail(db.reader, changed);
  }
}

function checkBooking(booking: Booking): { date: string; slot: Slot } {
  if (typeof booking.technicianId !== 'string' || booking.technicianId === '')
    throw errors.invalidInput('technicianId', { zh: '不能为空', en: 'must not be empty' });
  const date = assertIsoDate(booking.date, 'date');
  if (!isSlot(booking.slot))
    throw errors.invalidInput('slot', {
      zh: `须为 ${SLOTS.join('、')} 之一`,
      en: `must be one of ${SLOTS.join(', ')}`,
    });
  return { date, slot: booking.slot };
}
