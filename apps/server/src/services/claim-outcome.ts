import type { ClaimEvent, ClaimStatus, IdGenerator } from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import { refreshBuyerRecord } from './buyer-record.js';
import { enqueueFeedPublish } from './feed-publisher.service.js';

/** One claim status change, as the outcome effects see it. */
export interface ClaimStatusChange {
  readonly workspaceId: string;
  readonly claimId: string;
  readonly event: ClaimEvent;
  readonly from: ClaimStatus;
  readonly to: ClaimStatus;
  /** ISO time of the change. */
  readonly at: string;
}

/**
 * Effects of a claim's outcome on trust data, run by `applyClaimChange` after every claim status change inside the
 * same transaction (so they commit or roll back with the change): the buyer's record is recomputed from the buyer's
 * claims. Every effect reads the claim as it now stands, so a decision reversed on appeal undoes itself.
 */
export async function onClaimStatusChanged(
  trx: Kysely<Database>,
  ids: IdGenerator,
  change: ClaimStatusChange,
): Promise<void> {
  const claim = await trx
    .selectFrom('claims')
    .select(['buyer_id'])
    .where('workspace_id', '=', change.workspaceId)
    .where('id', '=', change.claimId)
    .executeTakeFirst();
  if (claim?.buyer_id) await refreshBuyerRecord(trx, change.workspaceId, claim.buyer_id, change.at);
  await enqueueFeedPublish(trx, ids, change);
}
