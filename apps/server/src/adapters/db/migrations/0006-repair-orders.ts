import type { Kysely } from 'kysely';

/**
 * Repair orders and what hangs off them: service customers (contact sealed, phone blind index, order count for the
 * free first inspection), a minimal product-serial registry (warranty at intake), the orders with their history,
 * SLA escalation records, visits and visit media.
 *
 * Outlet and technician ids are plain text without a foreign key: they point into the service network's tables
 * (0005), which a workspace may rebuild (an outlet removed keeps its old orders readable).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('phone_index', 'text', (c) => c.notNull())
    .addColumn('contact_key_id', 'text', (c) => c.notNull())
    .addColumn('contact_ciphertext', 'text', (c) => c.notNull())
    .addColumn('order_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('service_customers_phone_unique', ['workspace_id', 'phone_index'])
    .execute();

  await db.schema
    .createTable('product_serials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('product_line', 'text', (c) => c.notNull())
    .addColumn('model', 'text')
    .addColumn('purchased_on', 'text')
    .addColumn('warranty_months', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('product_serials_unique', ['workspace_id', 'serial'])
    .execute();

  await db.schema
    .createTable('repair_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('service_customers.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('area_name', 'text', (c) => c.notNull())
    .addColumn('address_key_id', 'text', (c) => c.notNull())
    .addColumn('address_ciphertext', 'text', (c) => c.notNull())
    .addColumn('product_line', 'text', (c) => c.notNull())
    .addColumn('serial', 'text')
    .addColumn('warranty_status', 'text', (c) => c.notNull())
    .addColumn('free_inspection', 'integer', (c) => c.notNull())
    .addColumn('fault_category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('preferred_date', 'text', (c) => c.notNull())
    .addColumn('preferred_slot', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outlet_id', 'text')
    .addColumn('technician_id', 'text')
    .addColumn('booked_date', 'text')
    .addColumn('booked_slot', 'text')
    .addColumn('link_token_hash', 'text', (c) => c.notNull())
    .addColumn('sla_breached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('repair_orders_number_unique', ['workspace_id', 'number'])
    .addUniqueConstraint('repair_orders_link_unique', ['link_token_hash'])
    .execute();
  await db.schema
    .createIndex('repair_orders_status')
    .on('repair_orders')
    .columns(['workspace_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('repair_orders_booking')
    .on('repair_orders')
    .columns(['workspace_id', 'booked_date', 'booked_slot', 'technician_id'])
    .execute();
  await db.schema
    .createIndex('repair_orders_technician')
    .on('repair_orders')
    .columns(['workspace_id', 'technician_id', 'id'])
    .execute();
  await db.schema
    .createIndex('repair_orders_customer')
    .on('repair_orders')
    .columns(['workspace_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('repair_order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('explanation_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('repair_order_events_order')
    .on('repair_order_events')
    .columns(['order_id', 'id'])
    .execute();

  await db.schema
    .createTable('sla_escalations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('timer_kind', 'text', (c) => c.notNull())
    .addColumn('timer_started_at', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('recipient_role', 'text', (c) => c.notNull())
    .addColumn('recipient_user_id', 'text')
    .addColumn('message_zh', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acked_at', 'text')
    .addColumn('acked_by', 'text')
    .addUniqueConstraint('sla_escalations_once', ['order_id', 'timer_kind', 'timer_started_at', 'level'])
    .execute();
  await db.schema
    .createIndex('sla_escalations_workspace')
    .on('sla_escalations')
    .columns(['workspace_id', 'acked_at', 'id'])
    .execute();

  await db.schema
    .createTable('repair_visits')
    .addColumn('order_id', 'text', (c) => c.primaryKey().references('repair_orders.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('technician_id', 'text')
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_out_at', 'text')
    .addColumn('notes', 'text')
    .addColumn('parts_json', 'text', (c) => c.notNull())
    .addColumn('fee_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirmed_at', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('visit_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('blob_sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visit_media_order').on('visit_media').columns(['order_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'visit_media',
    'repair_visits',
    'sla_escalations',
    'repair_order_events',
    'repair_orders',
    'product_serials',
    'service_customers',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
