/**
 * The fraud feeds' tables (migration 0013) as Kysely types; `Database` in schema.ts extends {@link FeedTables}.
 * Protocol and meaning: docs/feeds.md.
 */

/** A workspace's feed: publishing on/off, its Ed25519 key pair and the network key (both secrets sealed). */
export interface FeedSettingsTable {
  workspace_id: string;
  /** Unguessable id (base64url of 24 random bytes); null until the workspace first enables publishing. */
  feed_id: string | null;
  publishing: number;
  /** Raw 32-byte Ed25519 public key, base64url. */
  public_key: string | null;
  private_key_id: string | null;
  /** The PKCS#8 DER private key (base64), sealed with the contact cipher. */
  private_key_ciphertext: string | null;
  network_key_id: string | null;
  /** The network's shared HMAC key (base64), sealed with the contact cipher. */
  network_key_ciphertext: string | null;
  network_key_fingerprint: string | null;
  created_at: string;
  updated_at: string;
}

/** One entry of a workspace's own feed, as signed; `claim_id` is local and never published. */
export interface FeedEntriesTable {
  feed_id: string;
  seq: number;
  id: string;
  workspace_id: string;
  type: 'fraud_signal' | 'retraction';
  at: string;
  /** Canonical JSON of the body. */
  body_json: string;
  prev_hash: string;
  hash: string;
  signature: string;
  signal_id: string;
  claim_id: string;
}

export const FEED_SUBSCRIPTION_STATUSES = ['active', 'rejected', 'unreachable'] as const;
export type FeedSubscriptionStatus = (typeof FEED_SUBSCRIPTION_STATUSES)[number];

/** Another installation's feed this workspace pulls, with the publisher's pinned key and how far it has verified. */
export interface FeedSubscriptionsTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The feed's URL: `<origin>/api/v1/feeds/<feedId>`. */
  url: string;
  public_key: string;
  status: FeedSubscriptionStatus;
  last_seq: number;
  last_hash: string;
  last_pulled_at: string | null;
  /** When the periodic pull is next due; a periodic job scheduled for another time is a stale duplicate. */
  next_pull_at: string | null;
  /** JSON `{ code, text: { zh, en }, at }` of the last failure, or null. */
  last_error_json: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A fraud signal accepted from a subscription. */
export interface FeedSignalsTable {
  id: string;
  workspace_id: string;
  subscription_id: string;
  signal_id: string;
  seq: number;
  buyer_network_id: string | null;
  amount_fen: number;
  reason_code: string;
  confirmed_at: string;
  received_at: string;
  retracted_at: string | null;
  retraction_reason: string | null;
}

export interface FeedSignalHashesTable {
  signal_row_id: string;
  workspace_id: string;
  pdq_hash: string;
}

export interface FeedTables {
  feed_settings: FeedSettingsTable;
  feed_entries: FeedEntriesTable;
  feed_subscriptions: FeedSubscriptionsTable;
  feed_signals: FeedSignalsTable;
  feed_signal_hashes: FeedSignalHashesTable;
}
