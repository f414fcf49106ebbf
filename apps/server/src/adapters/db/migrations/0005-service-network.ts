import type { Kysely } from 'kysely';

/**
 * The service network: outlets (网点) and the division codes they cover, technicians with their skills and working
 * calendar, one settings row per workspace (slots, SLA policy, escalation delays, product lines), and a per-workspace
 * network version that every change bumps, so the dispatch index cached by the server is rebuilt only when the
 * network changed. Same subset of the schema builder as 0001, so it runs on SQLite and PostgreSQL alike.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outlets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('phones_json', 'text', (c) => c.notNull())
    .addColumn('manager_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outlets_name_unique', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('outlet_coverage')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outlet_coverage_pk', ['outlet_id', 'code'])
    .execute();
  await db.schema.createIndex('outlet_coverage_code').on('outlet_coverage').columns(['workspace_id', 'code']).execute();

  await db.schema
    .createTable('technicians')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone_index', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('contact_key_id', 'text', (c) => c.notNull())
    .addColumn('phone_ciphertext', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').unique())
    .addColumn('home_outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addColumn('skills_json', 'text', (c) => c.notNull())
    .addColumn('rating', 'double precision', (c) => c.notNull())
    .addColumn('capacity_override', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('technicians_outlet')
    .on('technicians')
    .columns(['workspace_id', 'home_outlet_id'])
    .execute();
  await db.schema.createIndex('technicians_phone').on('technicians').columns(['workspace_id', 'phone_index']).execute();

  await db.schema
    .createTable('technician_calendar')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('technician_id', 'text', (c) => c.notNull().references('technicians.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('technician_calendar_pk', ['technician_id', 'date'])
    .execute();

  await db.schema
    .createTable('service_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('network_versions')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'network_versions',
    'service_settings',
    'technician_calendar',
    'technicians',
    'outlet_coverage',
    'outlets',
  ])
    await db.schema.dropTable(table).execute();
}
