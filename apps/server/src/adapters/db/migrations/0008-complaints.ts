import type { Kysely } from 'kysely';

/**
 * Complaints (issue 8): the complaint with the outlet and technician it weighs on (derived from its subject at
 * filing, for rates and escalation), its history, every contact with the customer, and SLA escalations (one per
 * timer cycle and ladder level). The customer's optional contact (hotline / merchant filings) is sealed with the
 * contact cipher; only a mask is stored beside it. The customer's confirm / reopen link is stored as a SHA-256.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('repair_order_id', 'text')
    .addColumn('outlet_id', 'text')
    .addColumn('technician_id', 'text')
    .addColumn('region_code', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact_key_id', 'text')
    .addColumn('contact_ciphertext', 'text')
    .addColumn('contact_masked', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('upheld', 'integer')
    .addColumn('cycle_started_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sla_breached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_level', 'text')
    .addColumn('link_token_hash', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('complaints_number_unique', ['workspace_id', 'number'])
    .addUniqueConstraint('complaints_link_unique', ['link_token_hash'])
    .execute();
  await db.schema.createIndex('complaints_status').on('complaints').columns(['workspace_id', 'status', 'id']).execute();
  await db.schema
    .createIndex('complaints_order')
    .on('complaints')
    .columns(['workspace_id', 'repair_order_id'])
    .execute();
  await db.schema.createIndex('complaints_rates').on('complaints').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('complaint_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_events_complaint')
    .on('complaint_events')
    .columns(['complaint_id', 'id'])
    .execute();

  await db.schema
    .createTable('complaint_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_contacts_complaint')
    .on('complaint_contacts')
    .columns(['complaint_id', 'id'])
    .execute();

  await db.schema
    .createTable('complaint_escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('timer_kind', 'text', (c) => c.notNull())
    .addColumn('cycle_started_at', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('recipient_role', 'text', (c) => c.notNull())
    .addColumn('recipient_user_id', 'text')
    .addColumn('region_code', 'text')
    .addColumn('message_zh', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('complaint_escalations_once', ['complaint_id', 'timer_kind', 'cycle_started_at', 'level'])
    .execute();
  await db.schema
    .createIndex('complaint_escalations_complaint')
    .on('complaint_escalations')
    .columns(['workspace_id', 'complaint_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['complaint_escalations', 'complaint_contacts', 'complaint_events', 'complaints'])
    await db.schema.dropTable(table).ifExists().execute();
}
