/**
 * The repair-order tables as Kysely types (migration 0006), merged into `Database` in schema.ts. Same conventions:
 * ids UUIDv7 text, ISO 8601 UTC times, dates `YYYY-MM-DD` (Asia/Shanghai), money integer fen, JSON as text,
 * booleans 0/1.
 */

/** A person who asked for a repair, recognised by phone (blind index); contact sealed with the contact cipher. */
export interface ServiceCustomersTable {
  id: string;
  workspace_id: string;
  /** HMAC of the normalised phone. */
  phone_index: string;
  contact_key_id: string;
  /** AES-256-GCM sealed JSON of { name, phone }. */
  contact_ciphertext: string;
  /** Repair orders taken in for this customer (the free first inspection goes to the first). */
  order_count: number;
  created_at: string;
}

/** A product's serial number with what decides its warranty. */
export interface ProductSerialsTable {
  id: string;
  workspace_id: string;
  serial: string;
  product_line: string;
  model: string | null;
  /** `YYYY-MM-DD`, or null when unknown. */
  purchased_on: string | null;
  warranty_months: number | null;
  created_at: string;
}

export interface RepairOrdersTable {
  id: string;
  workspace_id: string;
  /** People's reference, e.g. `RO-261122-4K7Q2M`. */
  number: string;
  /** phone | web | counter */
  channel: string;
  customer_id: string;
  /** Division code of the customer's township (9 digits) or county (6). */
  area_code: string;
  /** Its official full name. */
  area_name: string;
  address_key_id: string;
  /** Sealed address detail (street, building, door). */
  address_ciphertext: string;
  product_line: string;
  serial: string | null;
  /** in_warranty | expired | unknown, at intake. */
  warranty_status: string;
  free_inspection: number;
  fault_category: string;
  description: string;
  preferred_date: string;
  preferred_slot: string;
  status: string;
  outlet_id: string | null;
  technician_id: string | null;
  booked_date: string | null;
  booked_slot: string | null;
  /** SHA-256 of the customer's status-link token. */
  link_token_hash: string;
  /** 1 once any SLA timer of the order was breached. */
  sla_breached: number;
  /** Bumped on every change (optimistic concurrency). */
  version: number;
  created_at: string;
  updated_at: string;
}

/** An order's history: every status change and dispatch decision, with who and why. */
export interface RepairOrderEventsTable {
  id: string;
  workspace_id: string;
  order_id: string;
  at: string;
  actor: string;
  /** The transition event (`accept`, …) or `intake`, `dispatch`, `assign`, `visit_recorded`, `confirmed`. */
  event: string;
  from_status: string | null;
  to_status: string;
  /** JSON: the dispatch explanation, a reason, a new slot… */
  explanation_json: string;
}

/** A notification that an SLA timer was breached, one per (timer, ladder level). */
export interface SlaEscalationsTable {
  id: string;
  workspace_id: string;
  order_id: string;
  /** response | arrival | resolution */
  timer_kind: string;
  timer_started_at: string;
  /** dispatcher | outlet_manager | brand */
  level: string;
  recipient_role: string;
  recipient_user_id: string | null;
  message_zh: string;
  message_en: string;
  due_at: string;
  created_at: string;
  acked_at: string | null;
  acked_by: string | null;
}

export interface RepairVisitsTable {
  order_id: string;
  workspace_id: string;
  technician_id: string | null;
  checked_in_at: string | null;
  checked_out_at: string | null;
  notes: string | null;
  /** JSON array of { name, quantity, priceFen }. */
  parts_json: string;
  fee_fen: number;
  confirmed_at: string | null;
  rating: number | null;
  rating_comment: string | null;
  updated_at: string;
}

export interface VisitMediaTable {
  id: string;
  workspace_id: string;
  order_id: string;
  /** photo | audio */
  kind: string;
  /** Sniffed from the bytes. */
  mime: string;
  blob_sha256: string;
  bytes: number;
  filename: string;
  created_by: string;
  created_at: string;
}

export interface RepairTables {
  service_customers: ServiceCustomersTable;
  product_serials: ProductSerialsTable;
  repair_orders: RepairOrdersTable;
  repair_order_events: RepairOrderEventsTable;
  sla_escalations: SlaEscalationsTable;
  repair_visits: RepairVisitsTable;
  visit_media: VisitMediaTable;
}
