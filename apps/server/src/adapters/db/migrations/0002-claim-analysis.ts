import type { Kysely } from 'kysely';

/**
 * What the analysis jobs need to remember between runs:
 * - `claims.analysis_return_status`: where a claim goes back to when new evidence (merchant counter-evidence, a
 *   re-analysis after the references changed) is analysed while it was already with the merchant or a reviewer;
 *   null for a claim's first analysis.
 * - `evidence.references_key`: which set of reference photos an evidence photo was analysed against, so that a
 *   re-run with the same references is skipped (idempotent jobs).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('analysis_return_status', 'text').execute();
  await db.schema.alterTable('evidence').addColumn('references_key', 'text').execute();
  await db.schema.createIndex('evidence_workspace_status').on('evidence').columns(['workspace_id', 'status']).execute();
  await db.schema
    .createIndex('reference_photos_product')
    .on('reference_photos')
    .columns(['workspace_id', 'product_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reference_photos_product').ifExists().execute();
  await db.schema.dropIndex('evidence_workspace_status').ifExists().execute();
  await db.schema.alterTable('evidence').dropColumn('references_key').execute();
  await db.schema.alterTable('claims').dropColumn('analysis_return_status').execute();
}
