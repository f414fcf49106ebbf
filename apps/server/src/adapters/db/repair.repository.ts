import { errors, type FaultCategory, type IdGenerator, type RepairOrderStatus, type Slot } from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.js';
import type { RepairOrderEventsTable, RepairOrdersTable, RepairVisitsTable, VisitMediaTable } from './schema-repair.js';

/** A repair order as staff lists see it: contact data masked, never the sealed fields. */
export interface RepairOrder {
  readonly id: string;
  readonly number: string;
  readonly channel: 'phone' | 'web' | 'counter';
  readonly customerId: string;
  /** `张*` and `138****5678`: the contact as shown unless revealed. */
  readonly customerNameMasked: string;
  readonly customerPhoneMasked: string;
  readonly areaCode: string;
  readonly areaName: string;
  readonly productLine: string;
  readonly serial: string | null;
  readonly warrantyStatus: 'in_warranty' | 'expired' | 'unknown';
  readonly freeInspection: boolean;
  readonly faultCategory: FaultCategory;
  readonly description: string;
  readonly preferredDate: string;
  readonly preferredSlot: Slot;
  readonly status: RepairOrderStatus;
  readonly outletId: string | null;
  readonly technicianId: string | null;
  readonly bookedDate: string | null;
  readonly bookedSlot: Slot | null;
  readonly slaBreached: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One entry of an order's history. */
export interface RepairOrderEvent {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly event: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly explanation: unknown;
}

export interface VisitPart {
  readonly name: string;
  readonly quantity: number;
  readonly priceFen: number;
}

export interface RepairVisit {
  readonly technicianId: string | null;
  readonly checkedInAt: string | null;
  readonly checkedOutAt: string | null;
  readonly notes: string | null;
  readonly parts: readonly VisitPart[];
  readonly feeFen: number;
  readonly confirmedAt: string | null;
  readonly rating: number | null;
  readonly ratingComment: string | null;
  readonly updatedAt: string;
}

export interface VisitMedia {
  readonly id: string;
  readonly kind: 'photo' | 'audio';
  readonly mime: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly filename: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export type RepairOrderRow = Selectable<RepairOrdersTable>;

/** The customer's name for display: the first character, then `*` per remaining character (at most 3). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.min(3, Math.max(1, chars.length - 1)))}`;
}

export function toRepairOrder(
  row: RepairOrderRow,
  contact: { readonly nameMasked: string; readonly phoneMasked: string },
): RepairOrder {
  return {
    id: row.id,
    number: row.number,
    channel: row.channel as RepairOrder['channel'],
    customerId: row.customer_id,
    customerNameMasked: contact.nameMasked,
    customerPhoneMasked: contact.phoneMasked,
    areaCode: row.area_code,
    areaName: row.area_name,
    productLine: row.product_line,
    serial: row.serial,
    warrantyStatus: row.warranty_status as RepairOrder['warrantyStatus'],
    freeInspection: Number(row.free_inspection) === 1,
    faultCategory: row.fault_category as FaultCategory,
    description: row.description,
    preferredDate: row.preferred_date,
    preferredSlot: row.preferred_slot as Slot,
    status: row.status as RepairOrderStatus,
    outletId: row.outlet_id,
    technicianId: row.technician_id,
    bookedDate: row.booked_date,
    bookedSlot: row.booked_slot as Slot | null,
    slaBreached: Number(row.sla_breached) === 1,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toRepairOrderEvent(row: Selectable<RepairOrderEventsTable>): RepairOrderEvent {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    event: row.event,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    explanation: JSON.parse(row.explanation_json) as unknown,
  };
}

export function toRepairVisit(row: Selectable<RepairVisitsTable>): RepairVisit {
  return {
    technicianId: row.technician_id,
    checkedInAt: row.checked_in_at,
    checkedOutAt: row.checked_out_at,
    notes: row.notes,
    parts: JSON.parse(row.parts_json) as VisitPart[],
    feeFen: Number(row.fee_fen),
    confirmedAt: row.confirmed_at,
    rating: row.rating === null ? null : Number(row.rating),
    ratingComment: row.rating_comment,
    updatedAt: row.updated_at,
  };
}

export function toVisitMedia(row: Selectable<VisitMediaTable>): VisitMedia {
  return {
    id: row.id,
    kind: row.kind as 'photo' | 'audio',
    mime: row.mime,
    sha256: row.blob_sha256,
    bytes: Number(row.bytes),
    filename: row.filename,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/**
 * The order row, scoped to the workspace.
 * @throws {DomainError} `not_found` for an unknown id or another workspace's order
 */
export async function loadRepairOrderRow(
  db: Kysely<Database>,
  workspaceId: string,
  orderId: string,
): Promise<RepairOrderRow> {
  const row = await db
    .selectFrom('repair_orders')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!row) throw errors.notFound('repair order', orderId);
  return row;
}

/** An order's history, oldest first. */
export async function loadRepairOrderEvents(
  db: Kysely<Database>,
  workspaceId: string,
  orderId: string,
): Promise<RepairOrderEvent[]> {
  const rows = await db
    .selectFrom('repair_order_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  return rows.map(toRepairOrderEvent);
}

/** Appends one history entry inside the caller's transaction. */
export async function appendRepairOrderEvent(
  trx: Kysely<Database>,
  ids: IdGenerator,
  entry: {
    readonly workspaceId: string;
    readonly orderId: string;
    readonly at: string;
    readonly actor: string;
    readonly event: string;
    readonly fromStatus: string | null;
    readonly toStatus: string;
    readonly explanation?: unknown;
  },
): Promise<void> {
  await trx
    .insertInto('repair_order_events')
    .values({
      id: ids.next(),
      workspace_id: entry.workspaceId,
      order_id: entry.orderId,
      at: entry.at,
      actor: entry.actor,
      event: entry.event,
      from_status: entry.fromStatus,
      to_status: entry.toStatus,
      explanation_json: JSON.stringify(entry.explanation ?? {}),
    })
    .execute();
}
