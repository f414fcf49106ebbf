import { sql, type Kysely } from 'kysely';

/**
 * Buyer credit (issue 7): each buyer's record per workspace, recomputed from the buyer's claims on every claim status
 * change (ADR 0016), and each workspace's trust settings (sharing opt-in, legal thresholds). Existing buyers are
 * backfilled here from their claims with the same rules as the domain's `summariseBuyerClaims` (frozen copies of the
 * fraud reason codes, as a migration must not change meaning when the domain later does).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('buyer_records')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.id'))
    .addColumn('claims_filed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_fraud', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_other', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_claimed_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_approved_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fraud_amount_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fake_photos', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('buyer_records_pk', ['workspace_id', 'buyer_id'])
    .execute();
  // The thresholds list: buyers at or over an amount, largest first.
  await db.schema
    .createIndex('buyer_records_fraud_amount')
    .on('buyer_records')
    .columns(['workspace_id', 'fraud_amount_fen'])
    .execute();
  // Recomputing a buyer's record reads all of the buyer's claims.
  await db.schema.createIndex('claims_workspace_buyer').on('claims').columns(['workspace_id', 'buyer_id']).execute();
  // Shared signals look the same buyer up in other workspaces by the installation-wide identity HMAC.
  await db.schema.createIndex('buyers_identity_hmac').on('buyers').columns(['identity_hmac']).execute();

  await db.schema
    .createTable('trust_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('share_signals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('thresholds_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  const fraud = sql`c.decision_outcome = 'rejected' and c.decision_reason_code in ('evidence_forged', 'ai_generated', 'evidence_reused') and c.status <> 'withdrawn'`;
  const approved = sql`c.status <> 'withdrawn' and c.decision_outcome in ('approved', 'partially_approved')`;
  const rejectedOther = sql`c.status <> 'withdrawn' and c.decision_outcome = 'rejected' and (c.decision_reason_code is null or c.decision_reason_code not in ('evidence_forged', 'ai_generated', 'evidence_reused'))`;
  await sql`
    insert into buyer_records (workspace_id, buyer_id, claims_filed, approved, rejected_fraud, rejected_other, withdrawn,
      amount_claimed_fen, amount_approved_fen, fraud_amount_fen, fake_photos, updated_at)
    select c.workspace_id, c.buyer_id, count(*),
      sum(case when ${approved} then 1 else 0 end),
      sum(case when ${fraud} then 1 else 0 end),
      sum(case when ${rejectedOther} then 1 else 0 end),
      sum(case when c.status = 'withdrawn' then 1 else 0 end),
      sum(c.amount_fen),
      sum(case when ${approved} then coalesce(c.approved_amount_fen, 0) else 0 end),
      sum(case when ${fraud} then c.amount_fen else 0 end),
      sum(case when ${fraud} then coalesce(p.photos, 0) else 0 end),
      max(c.updated_at)
    from claims c
    left join (
      select claim_id, count(*) as photos from evidence where submitted_by = 'buyer' group by claim_id
    ) p on p.claim_id = c.id
    where c.buyer_id is not null and c.status <> 'submitted'
    group by c.workspace_id, c.buyer_id
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('trust_settings').ifExists().execute();
  await db.schema.dropIndex('buyers_identity_hmac').ifExists().execute();
  await db.schema.dropIndex('claims_workspace_buyer').ifExists().execute();
  await db.schema.dropIndex('buyer_records_fraud_amount').ifExists().execute();
  await db.schema.dropTable('buyer_records').ifExists().execute();
}
