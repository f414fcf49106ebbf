import type { Kysely } from 'kysely';

/**
 * Evidence-package signing keys (issue 7 follow-up, docs/evidence-package.md, ADR 0018 addendum): one Ed25519 key
 * pair per workspace, made on its first export (or when staff first look the key up) and never replaced, the
 * private key sealed with the contact cipher. Dedicated: the fraud feed's key exists only while publishing and
 * signs another protocol.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('package_signing_keys')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('private_key_id', 'text', (c) => c.notNull())
    .addColumn('private_key_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('package_signing_keys').execute();
}
