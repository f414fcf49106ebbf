/**
 * The notification tables as Kysely types (migration 0007), merged into `Database` in schema.ts. Same conventions:
 * ids UUIDv7 text, ISO 8601 UTC times, JSON as text, booleans 0/1.
 */

/** One notification to one recipient on one channel: the outbox row and its delivery state. */
export interface NotificationsTable {
  /** UUIDv7; also the delivery id a receiver de-duplicates on (`Proofdesk-Delivery`, the e-mail's Message-ID). */
  id: string;
  workspace_id: string;
  /** `sla.breach`, `repair.assigned`, `repair.status`, `complaint.updated`, … */
  topic: string;
  /** What it is about, e.g. `repair_order` + its id. */
  subject_type: string | null;
  subject_id: string | null;
  /** console | email | webhook | sms */
  channel: string;
  /** user | email | webhook */
  recipient_kind: string;
  /** The user id (console, e-mail to a user) or the webhook endpoint id; null for a bare address. */
  recipient_ref: string | null;
  /**
   * A bare e-mail address (a customer's) sealed with the contact cipher, or sealed JSON `{ address, link }` when the
   * link is a credential (a customer's status link) that must not sit in `link` in clear.
   */
  address_key_id: string | null;
  address_ciphertext: string | null;
  /** zh-CN | en: the language an e-mail is written in. */
  locale: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  /** A link the recipient can follow (console path or the customer's status link). */
  link: string | null;
  /** JSON of the event's fields (webhook payload `data`). */
  data_json: string;
  /** Callers' idempotency key: the same key in a workspace is enqueued once. */
  dedupe_key: string | null;
  /** pending | sending | sent | failed | dead */
  status: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** Console notifications: when the user marked it read. */
  read_at: string | null;
}

/** A workspace's e-mail channel settings. */
export interface NotificationSettingsTable {
  workspace_id: string;
  smtp_host: string | null;
  smtp_port: number | null;
  /** 1: TLS from the start (port 465); 0: plain, upgraded with STARTTLS when the server offers it. */
  smtp_secure: number;
  smtp_user: string | null;
  smtp_password_key_id: string | null;
  smtp_password_ciphertext: string | null;
  /** The From address, e.g. `售后服务 <service@brand.example>`. */
  mail_from: string | null;
  updated_at: string;
}

/** An HTTPS endpoint of the brand's own systems that receives signed events. */
export interface NotificationWebhooksTable {
  id: string;
  workspace_id: string;
  name: string;
  url: string;
  /** JSON array of topics it receives (`*` for all). */
  topics_json: string;
  /** The HMAC-SHA256 signing secret, sealed with the contact cipher. */
  secret_key_id: string;
  secret_ciphertext: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

/** A repair customer's subscription to status e-mails of their order (migration 0011). */
export interface NotificationSubscriptionsTable {
  id: string;
  workspace_id: string;
  /** `repair_order` */
  subject_type: string;
  subject_id: string;
  /** `email` */
  channel: string;
  /** Sealed JSON `{ address, link }`: the address and the customer's status link (a credential). */
  key_id: string;
  ciphertext: string;
  locale: string;
  created_at: string;
}

export interface NotifyTables {
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  notification_webhooks: NotificationWebhooksTable;
  notification_subscriptions: NotificationSubscriptionsTable;
}
