/**
 * Official-channel verification's tables (migration 0010) as Kysely types; `Database` in schema.ts extends
 * {@link OfficialTables}.
 */
export interface OfficialChannelsTable {
  id: string;
  workspace_id: string;
  kind: 'hotline' | 'website';
  /** Canonical: phone digits from parsePhone, or the ASCII host from parseWebsite. Unique per workspace and kind. */
  value: string;
  /** How it is shown: `400-186-5909`, `dessmann.com.cn`. */
  display: string;
  label: string;
  /** Division the hotline serves; null = nationwide (websites: always null). */
  area_code: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/**
 * The code behind the QR on a technician's work order. Not a secret credential: it only lets anyone read that this
 * technician is the brand's and is on an order, so it is stored as is. It stops verifying when it expires, when the
 * order is reassigned to someone else or cancelled, or when the technician is deactivated.
 */
export interface TechnicianCodesTable {
  /** 12 Crockford base32 characters (printed `XXXX-XXXX-XXXX`). */
  code: string;
  workspace_id: string;
  technician_id: string;
  repair_order_id: string;
  /** Actor label of who issued it (the technician opening their order, or a dispatcher). */
  issued_by: string;
  created_at: string;
  expires_at: string;
}

/**
 * One public verification query. No customer data: a number that might be a person's (mobile, landline) or an outlet
 * name as typed is kept only as a keyed hash (HMAC, so it can be counted but not read back or guessed offline); a
 * business service number (400/800/95) and a website's host are kept in clear, since they are what the brand needs to
 * see to chase impersonators. No IP address is stored; the district is cut to its county.
 */
export interface OfficialVerifyQueriesTable {
  id: string;
  workspace_id: string;
  at: string;
  input_kind: string;
  phone_kind: string | null;
  verdict: string;
  match_kind: string | null;
  match_id: string | null;
  input_hash: string | null;
  service_number: string | null;
  website_host: string | null;
  lookalike_of: string | null;
  district_code: string | null;
}

export interface OfficialTables {
  official_channels: OfficialChannelsTable;
  technician_codes: TechnicianCodesTable;
  official_verify_queries: OfficialVerifyQueriesTable;
}
