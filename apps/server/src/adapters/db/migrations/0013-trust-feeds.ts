import type { Kysely } from 'kysely';

/**
 * Signed fraud feeds between installations (issue 7, docs/feeds.md): a workspace's publishing settings and sealed
 * keys, its own append-only feed, its subscriptions to other installations' feeds and the signals accepted from
 * them (one row per PDQ hash for matching), and each buyer's network identity (HMAC under the key the network's
 * participants share; null for buyers seen before the workspace set that key). Same schema-builder subset as 0001.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feed_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('feed_id', 'text', (c) => c.unique())
    .addColumn('publishing', 'integer', (c) => c.notNull())
    .addColumn('public_key', 'text')
    .addColumn('private_key_id', 'text')
    .addColumn('private_key_ciphertext', 'text')
    .addColumn('network_key_id', 'text')
    .addColumn('network_key_ciphertext', 'text')
    .addColumn('network_key_fingerprint', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('feed_entries')
    .addColumn('feed_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('signal_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_entries_pk', ['feed_id', 'seq'])
    .addUniqueConstraint('feed_entries_once', ['feed_id', 'signal_id', 'type'])
    .execute();
  await db.schema.createIndex('feed_entries_claim').on('feed_entries').columns(['workspace_id', 'claim_id']).execute();

  await db.schema
    .createTable('feed_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addColumn('last_pulled_at', 'text')
    .addColumn('next_pull_at', 'text')
    .addColumn('last_error_json', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('feed_subscriptions_url', ['workspace_id', 'url'])
    .execute();

  await db.schema
    .createTable('feed_signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('feed_subscriptions.id'))
    .addColumn('signal_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('buyer_network_id', 'text')
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('retracted_at', 'text')
    .addColumn('retraction_reason', 'text')
    .addUniqueConstraint('feed_signals_once', ['subscription_id', 'signal_id'])
    .execute();
  await db.schema
    .createIndex('feed_signals_buyer')
    .on('feed_signals')
    .columns(['workspace_id', 'buyer_network_id'])
    .execute();

  await db.schema
    .createTable('feed_signal_hashes')
    .addColumn('signal_row_id', 'text', (c) => c.notNull().references('feed_signals.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('pdq_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_signal_hashes_pk', ['signal_row_id', 'pdq_hash'])
    .execute();
  await db.schema.createIndex('feed_signal_hashes_ws').on('feed_signal_hashes').column('workspace_id').execute();

  await db.schema.alterTable('buyers').addColumn('network_id', 'text').execute();
  await db.schema.createIndex('buyers_network_id').on('buyers').columns(['workspace_id', 'network_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('buyers_network_id').ifExists().execute();
  await db.schema.alterTable('buyers').dropColumn('network_id').execute();
  for (const table of ['feed_signal_hashes', 'feed_signals', 'feed_subscriptions', 'feed_entries', 'feed_settings'])
    await db.schema.dropTable(table).ifExists().execute();
}
