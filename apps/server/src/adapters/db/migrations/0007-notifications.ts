import type { Kysely } from 'kysely';

/**
 * Notifications (issue 8): the outbox every notification is written to in the transaction of the change it tells
 * of, the per-workspace channel settings (SMTP server and sender; the SMTP password sealed with the contact cipher)
 * and webhook endpoints (their signing secrets sealed too).
 *
 * Delivery is a `notify.deliver` job on the existing queue, enqueued in the same transaction: the row and its job
 * exist exactly when the change committed. The outbox row carries the delivery state (pending → sending → sent, or
 * failed with `next_attempt_at` → … → dead); its id is the delivery id receivers de-duplicate on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_ref', 'text')
    .addColumn('address_key_id', 'text')
    .addColumn('address_ciphertext', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('read_at', 'text')
    .addUniqueConstraint('notifications_dedupe', ['workspace_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('notifications_workspace_status')
    .on('notifications')
    .columns(['workspace_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_inbox')
    .on('notifications')
    .columns(['workspace_id', 'channel', 'recipient_ref', 'id'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('smtp_host', 'text')
    .addColumn('smtp_port', 'integer')
    .addColumn('smtp_secure', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('smtp_user', 'text')
    .addColumn('smtp_password_key_id', 'text')
    .addColumn('smtp_password_ciphertext', 'text')
    .addColumn('mail_from', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('topics_json', 'text', (c) => c.notNull())
    .addColumn('secret_key_id', 'text', (c) => c.notNull())
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notification_webhooks_workspace')
    .on('notification_webhooks')
    .columns(['workspace_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notification_webhooks', 'notification_settings', 'notifications'])
    await db.schema.dropTable(table).ifExists().execute();
}
