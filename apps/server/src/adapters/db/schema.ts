import type { NetworkTables } from './schema-network.js';
import type { RepairTables } from './schema-repair.js';
import type { OfficialTables } from './schema-official.js';
import type { PlanTables } from './schema-plans.js';
import type { NotifyTables } from './schema-notify.js';
import type { ComplaintTables } from './schema-complaints.js';
import type { FeedTables } from './schema-feeds.js';
import type { TrustTables } from './schema-trust.js';
import type { PackageTables } from './schema-packages.js';

/**
 * The database schema as Kysely types. One schema for both dialects: ids are text (time-ordered), times are ISO 8601
 * UTC text (they sort as strings), amounts are integer fen, JSON is text, booleans are 0/1 integers.
 */
export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  /** JSON of a partial WorkspacePolicy; merged over the defaults when read. */
  policy_json: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  workspace_id: string;
  email: string;
  display_name: string;
  /** scrypt$N$r$p$salt$hash */
  password_hash: string;
  /** JSON array of roles. */
  roles_json: string;
  locale: string;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  token_hash: string;
  user_id: string;
  workspace_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The first characters of the key, shown to admins to tell keys apart. */
  prefix: string;
  /** SHA-256 of the key. */
  key_hash: string;
  /** JSON array of roles the key acts with. */
  roles_json: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface ProductsTable {
  id: string;
  workspace_id: string;
  sku: string;
  name: string;
  created_at: string;
}

export interface ReferencePhotosTable {
  id: string;
  workspace_id: string;
  kind: 'listing' | 'packing';
  product_id: string | null;
  order_id: string | null;
  blob_sha256: string;
  filename: string;
  /** PDQ hash, 64 hex, of the oriented image. */
  pdq_hash: string | null;
  pdq_quality: number | null;
  width: number | null;
  height: number | null;
  created_at: string;
  deleted_at: string | null;
}

export interface BuyersTable {
  id: string;
  workspace_id: string;
  /** HMAC of (platform, account id). */
  identity_hmac: string;
  /** HMAC of the normalised phone, or null. */
  phone_index: string | null;
  contact_key_id: string | null;
  /** AES-256-GCM sealed JSON of BuyerContact. */
  contact_ciphertext: string | null;
  /** HMAC of (platform, account id) under the fraud network's shared key (migration 0013); null before it was set. */
  network_id?: string | null;
  created_at: string;
}

export interface OrdersTable {
  id: string;
  workspace_id: string;
  platform: string;
  platform_order_id: string;
  product_id: string | null;
  buyer_id: string | null;
  amount_fen: number;
  ordered_at: string | null;
  shipped_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface ClaimsTable {
  id: string;
  workspace_id: string;
  order_id: string;
  buyer_id: string | null;
  type: string;
  status: string;
  reason: string;
  amount_fen: number;
  /** Highest evidence score, 0..1, once analysed. */
  risk_score: number | null;
  /** 1 when any buyer evidence is flagged. */
  flagged: number;
  /** JSON of the last policy decision's reasons. */
  policy_json: string | null;
  merchant_deadline_at: string | null;
  merchant_statement: string | null;
  decision_outcome: string | null;
  decision_reason_code: string | null;
  decision_note: string | null;
  approved_amount_fen: number | null;
  decided_by: string | null;
  decided_at: string | null;
  appeal_count: number;
  appeal_reason: string | null;
  /** Where the claim returns after an analysis that started while it was with the merchant or a reviewer. */
  analysis_return_status: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvidenceTable {
  id: string;
  workspace_id: string;
  claim_id: string;
  submitted_by: 'buyer' | 'merchant';
  blob_sha256: string;
  filename: string;
  bytes: number;
  status: 'pending' | 'analysed' | 'failed';
  verdict: string | null;
  score: number | null;
  /** The forensic report (DESIGN.md's JSON report), as JSON text. */
  report_json: string | null;
  pdq_hash: string | null;
  /** SHA-256 over the ids of the reference photos the evidence was analysed against (re-runs with the same skip). */
  references_key: string | null;
  created_at: string;
  analysed_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  workspace_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  data_json: string;
  prev_hash: string;
  hash: string;
}

/** One row per workspace: the head of its audit chain, locked while appending. */
export interface AuditHeadsTable {
  workspace_id: string;
  seq: number;
  hash: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  workspace_id: string | null;
  payload_json: string;
  status: 'queued' | 'running' | 'done' | 'dead';
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface IdempotencyKeysTable {
  workspace_id: string;
  key: string;
  /** SHA-256 of method, route and body: a reused key with another request is refused. */
  request_hash: string;
  status_code: number;
  response_json: string;
  created_at: string;
}

/** The platform-wide reuse index: hashes only, no workspace, no claim. */
export interface PlatformHashesTable {
  pdq_hash: string;
  first_seen_at: string;
  seen_count: number;
}

export interface Database
  extends
    OfficialTables,
    NetworkTables,
    RepairTables,
    NotifyTables,
    ComplaintTables,
    PlanTables,
    TrustTables,
    FeedTables,
    PackageTables {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  products: ProductsTable;
  reference_photos: ReferencePhotosTable;
  buyers: BuyersTable;
  orders: OrdersTable;
  claims: ClaimsTable;
  evidence: EvidenceTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  jobs: JobsTable;
  idempotency_keys: IdempotencyKeysTable;
  platform_hashes: PlatformHashesTable;
}
