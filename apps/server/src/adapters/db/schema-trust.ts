/**
 * The trust tables as Kysely types (migration 0012, issue 7), merged into `Database` in schema.ts. Same conventions:
 * ISO 8601 UTC times, amounts in integer fen, JSON as text, booleans 0/1.
 */

/**
 * A buyer's record in one workspace, recomputed from the buyer's claims in the transaction of every claim status
 * change (see `BuyerRecord` in the domain for what each count means).
 */
export interface BuyerRecordsTable {
  workspace_id: string;
  buyer_id: string;
  claims_filed: number;
  approved: number;
  rejected_fraud: number;
  rejected_other: number;
  withdrawn: number;
  amount_claimed_fen: number;
  amount_approved_fen: number;
  fraud_amount_fen: number;
  fake_photos: number;
  updated_at: string;
}

/** A workspace's trust settings: sharing opt-in and legal thresholds. No row means the defaults (not sharing). */
export interface TrustSettingsTable {
  workspace_id: string;
  /** 1 when the workspace shares buyer signals with other opted-in workspaces of this installation (and sees theirs). */
  share_signals: number;
  /** JSON of LegalThresholdSettings. */
  thresholds_json: string;
  updated_by: string;
  updated_at: string;
}

export interface TrustTables {
  buyer_records: BuyerRecordsTable;
  trust_settings: TrustSettingsTable;
}
