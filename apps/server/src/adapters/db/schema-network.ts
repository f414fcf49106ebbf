/**
 * The service network's tables (migration 0005) as Kysely types; `Database` in schema.ts extends
 * {@link NetworkTables}. Same conventions: text ids and ISO times, JSON as text, booleans as 0/1 integers.
 */
export interface OutletsTable {
  id: string;
  workspace_id: string;
  name: string;
  address: string;
  /** The division code (GB/T 2260 6 digits, or a 9-digit township) the outlet is in. */
  area_code: string;
  /** JSON array of the outlet's official phone numbers (business numbers, not personal data). */
  phones_json: string;
  manager_user_id: string | null;
  active: number;
  /** Bumped on every change of the row (optimistic concurrency for edits). */
  version: number;
  created_at: string;
  updated_at: string;
}

/** A coverage rule: the outlet serves (`include`) or does not serve (`exclude`) a division and everything under it. */
export interface OutletCoverageTable {
  workspace_id: string;
  outlet_id: string;
  code: string;
  mode: 'include' | 'exclude';
  created_at: string;
}

export interface TechniciansTable {
  id: string;
  workspace_id: string;
  name: string;
  /** HMAC blind index of the normalised phone (look-up by phone without decrypting). */
  phone_index: string;
  /** `138****5678`: what every response shows. */
  phone_masked: string;
  contact_key_id: string;
  /** AES-256-GCM sealed phone number. */
  phone_ciphertext: string;
  /** The technician's console user, when they have one (unique: one technician per user). */
  user_id: string | null;
  home_outlet_id: string;
  /** JSON of `{ productLines: string[], faultCategories: string[] }`. */
  skills_json: string;
  /** 0..5. */
  rating: number;
  /** Bookings per slot for this technician; null = the workspace's slot capacity. */
  capacity_override: number | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A technician's own calendar exceptions: `off` on a working day, `on` on a day off (weekend, holiday). */
export interface TechnicianCalendarTable {
  workspace_id: string;
  technician_id: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  kind: 'off' | 'on';
}

export interface ServiceSettingsTable {
  workspace_id: string;
  /** JSON of the full ServiceSettings (defaults filled in). */
  settings_json: string;
  version: number;
  updated_at: string;
}

/** One row per workspace: bumped in the transaction of every change to outlets, coverage, technicians, calendars. */
export interface NetworkVersionsTable {
  workspace_id: string;
  version: number;
}

export interface NetworkTables {
  outlets: OutletsTable;
  outlet_coverage: OutletCoverageTable;
  technicians: TechniciansTable;
  technician_calendar: TechnicianCalendarTable;
  service_settings: ServiceSettingsTable;
  network_versions: NetworkVersionsTable;
}
