import type { Kysely } from 'kysely';

/**
 * Official-channel verification (issue 8): the hotlines and websites a brand registers (its outlets and technicians
 * are official through the service network), the codes behind the QR on a technician's work order, and the log of
 * public verification queries — which holds no customer data: a keyed hash of an input that might be a person's
 * number, in clear only a business service number or a website's host. Same schema-builder subset as 0001.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('official_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('display', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('official_channels_value_unique', ['workspace_id', 'kind', 'value'])
    .execute();

  await db.schema
    .createTable('technician_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id'))
    .addColumn('repair_order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('technician_codes_order')
    .on('technician_codes')
    .columns(['workspace_id', 'repair_order_id', 'technician_id'])
    .execute();

  await db.schema
    .createTable('official_verify_queries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('input_kind', 'text', (c) => c.notNull())
    .addColumn('phone_kind', 'text')
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('match_kind', 'text')
    .addColumn('match_id', 'text')
    .addColumn('input_hash', 'text')
    .addColumn('service_number', 'text')
    .addColumn('website_host', 'text')
    .addColumn('lookalike_of', 'text')
    .addColumn('district_code', 'text')
    .execute();
  await db.schema
    .createIndex('official_verify_queries_at')
    .on('official_verify_queries')
    .columns(['workspace_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['official_verify_queries', 'technician_codes', 'official_channels'])
    await db.schema.dropTable(table).execute();
}
