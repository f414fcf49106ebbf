/**
 * The complaint tables as Kysely types (migration 0008), merged into `Database` in schema.ts. Same conventions:
 * ids UUIDv7 text, ISO 8601 UTC times, JSON as text, booleans 0/1.
 */

export interface ComplaintsTable {
  id: string;
  workspace_id: string;
  /** People's reference, e.g. `CP-261122-4K7Q2M`. */
  number: string;
  /** repair_order | technician | outlet | claim */
  subject_type: string;
  subject_id: string;
  /** The repair order the complaint is about (its status link may act on the complaint). */
  repair_order_id: string | null;
  /** The outlet and technician the complaint weighs on (rates, escalation), derived at filing. */
  outlet_id: string | null;
  technician_id: string | null;
  /** The outlet's province code: the "region" level of the escalation ladder. */
  region_code: string | null;
  /** status_page | hotline | merchant */
  channel: string;
  /** Actor label of who filed it. */
  filed_by: string;
  description: string;
  /** Sealed JSON { name, phone } of the customer, when given (hotline, merchant). */
  contact_key_id: string | null;
  contact_ciphertext: string | null;
  /** `张* 138****5678`. */
  contact_masked: string | null;
  status: string;
  resolution: string | null;
  /** 1 upheld, 0 not upheld (does not count in rates), null undecided. */
  upheld: number | null;
  /** When the current SLA cycle began: filing, or the latest reopening. */
  cycle_started_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  reopen_count: number;
  sla_breached: number;
  /** The highest ladder level reached in the current cycle. */
  escalation_level: string | null;
  /** SHA-256 of the customer's confirm / reopen link token. */
  link_token_hash: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ComplaintEventsTable {
  id: string;
  workspace_id: string;
  complaint_id: string;
  at: string;
  actor: string;
  /** `file`, a status event (`acknowledge`, …), or `escalate`. */
  event: string;
  from_status: string | null;
  to_status: string;
  data_json: string;
}

/** A call, message or visit with the customer, with notes. */
export interface ComplaintContactsTable {
  id: string;
  workspace_id: string;
  complaint_id: string;
  at: string;
  actor: string;
  /** call | message | visit */
  kind: string;
  /** outbound | inbound */
  direction: string;
  notes: string;
}

export interface ComplaintEscalationsTable {
  id: string;
  workspace_id: string;
  complaint_id: string;
  /** acknowledge | resolve */
  timer_kind: string;
  cycle_started_at: string;
  /** outlet | region | brand */
  level: string;
  recipient_role: string;
  recipient_user_id: string | null;
  region_code: string | null;
  message_zh: string;
  message_en: string;
  due_at: string;
  created_at: string;
}

export interface ComplaintTables {
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  complaint_contacts: ComplaintContactsTable;
  complaint_escalations: ComplaintEscalationsTable;
}
