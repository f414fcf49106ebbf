import type { Kysely } from 'kysely';

/**
 * Care plans (extended warranty, accidental damage, after-sales insurance) and their sales on product serials,
 * the coverage decided for each repair order, and the claims paid by plans.
 *
 * Builds on 0006's serial registry (product_serials: serial, product line, purchase date, standard warranty
 * months) rather than adding a second one: plans are sold on its rows, registrations and changes are audited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('care_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('terms_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('care_plans_code_unique', ['workspace_id', 'code'])
    .execute();

  await db.schema
    .createTable('serial_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('serial_id', 'text', (c) => c.notNull().references('product_serials.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('care_plans.id'))
    .addColumn('plan_name_zh', 'text', (c) => c.notNull())
    .addColumn('plan_name_en', 'text', (c) => c.notNull())
    .addColumn('terms_json', 'text', (c) => c.notNull())
    .addColumn('price_fen', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sold_at', 'text', (c) => c.notNull())
    .addColumn('sold_by', 'text', (c) => c.notNull())
    .addColumn('activated_on', 'text')
    .addColumn('starts_on', 'text')
    .addColumn('claimable_from', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('refund_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claims_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claims_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('serial_plans_serial')
    .on('serial_plans')
    .columns(['workspace_id', 'serial_id', 'id'])
    .execute();
  await db.schema
    .createIndex('serial_plans_sold')
    .on('serial_plans')
    .columns(['workspace_id', 'plan_id', 'sold_at'])
    .execute();

  await db.schema
    .createTable('plan_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('serial_plan_id', 'text', (c) => c.notNull().references('serial_plans.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('care_plans.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('repair_orders.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_claims_once', ['serial_plan_id', 'order_id'])
    .execute();
  await db.schema
    .createIndex('plan_claims_plan')
    .on('plan_claims')
    .columns(['workspace_id', 'plan_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('repair_order_coverage')
    .addColumn('order_id', 'text', (c) => c.primaryKey().references('repair_orders.id'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('intake_json', 'text', (c) => c.notNull())
    .addColumn('completion_json', 'text')
    .addColumn('customer_pays_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['repair_order_coverage', 'plan_claims', 'serial_plans', 'care_plans'])
    await db.schema.dropTable(table).ifExists().execute();
}
