import { summariseBuyerClaims, type BuyerRecord } from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { BuyerRecordsTable } from '../adapters/db/schema-trust.js';

/**
 * Recomputes one buyer's record in a workspace from all of the buyer's claims, inside the caller's transaction, and
 * stores it (ADR 0016: recomputing is always right, even when an appeal reverses a decision; a buyer has few claims
 * and `claims_workspace_buyer` finds them). Safe under concurrent changes of one buyer's claims: `applyClaimChange`
 * appends the audit row before this runs, which locks the workspace's audit head until commit, so two changes in
 * one workspace reach this point one after the other and the later one reads the earlier one's committed claim
 * (PostgreSQL reads committed data per statement; SQLite has one writer). Tested with concurrent decisions.
 * @returns the record as stored
 */
export async function refreshBuyerRecord(
  trx: Kysely<Database>,
  workspaceId: string,
  buyerId: string,
  at: string,
): Promise<BuyerRecord> {
  const claims = await trx
    .selectFrom('claims')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('evidence')
          .select(['evidence.claim_id', (e) => e.fn.countAll<number | string>().as('photos')])
          .where('evidence.workspace_id', '=', workspaceId)
          .where('evidence.submitted_by', '=', 'buyer')
          .groupBy('evidence.claim_id')
          .as('p'),
      (join) => join.onRef('p.claim_id', '=', 'claims.id'),
    )
    .select([
      'claims.status',
      'claims.decision_outcome',
      'claims.decision_reason_code',
      'claims.amount_fen',
      'claims.approved_amount_fen',
      'p.photos',
    ])
    .where('claims.workspace_id', '=', workspaceId)
    .where('claims.buyer_id', '=', buyerId)
    .execute();
  const record = summariseBuyerClaims(
    claims.map((c) => ({
      status: c.status,
      decisionOutcome: c.decision_outcome,
      decisionReasonCode: c.decision_reason_code,
      amountFen: Number(c.amount_fen),
      approvedAmountFen: c.approved_amount_fen === null ? null : Number(c.approved_amount_fen),
      buyerPhotos: Number(c.photos ?? 0),
    })),
  );
  const row = {
    claims_filed: record.claimsFiled,
    approved: record.approved,
    rejected_fraud: record.rejectedFraud,
    rejected_other: record.rejectedOther,
    withdrawn: record.withdrawn,
    amount_claimed_fen: record.amountClaimedFen,
    amount_approved_fen: record.amountApprovedFen,
    fraud_amount_fen: record.fraudAmountFen,
    fake_photos: record.fakePhotos,
    updated_at: at,
  };
  await trx
    .insertInto('buyer_records')
    .values({ workspace_id: workspaceId, buyer_id: buyerId, ...row })
    .onConflict((oc) => oc.columns(['workspace_id', 'buyer_id']).doUpdateSet(row))
    .execute();
  return record;
}

/** A stored record row as the domain's record (PostgreSQL may answer integers as strings). */
export function toBuyerRecord(
  row: Selectable<BuyerRecordsTable> | undefined,
): BuyerRecord & { updatedAt: string | null } {
  return {
    claimsFiled: Number(row?.claims_filed ?? 0),
    approved: Number(row?.approved ?? 0),
    rejectedFraud: Number(row?.rejected_fraud ?? 0),
    rejectedOther: Number(row?.rejected_other ?? 0),
    withdrawn: Number(row?.withdrawn ?? 0),
    amountClaimedFen: Number(row?.amount_claimed_fen ?? 0),
    amountApprovedFen: Number(row?.amount_approved_fen ?? 0),
    fraudAmountFen: Number(row?.fraud_amount_fen ?? 0),
    fakePhotos: Number(row?.fake_photos ?? 0),
    updatedAt: row?.updated_at ?? null,
  };
}
