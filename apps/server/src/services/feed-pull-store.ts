import type { Bilingual, FeedEntry, FeedHead } from '@proofdesk/domain';
import type { Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { FeedSubscriptionStatus, FeedSubscriptionsTable } from '../adapters/db/schema-feeds.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import { reopenForAnalysis, UNDECIDED_WITH_EVIDENCE } from './claim-transition.js';
import { hammingBits } from './feed-matching.js';
import { REUSE_RADIUS_BITS } from './reuse-index.service.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/** After a feed pull has verified what it received: storing it, and re-checking the claims it concerns. */

const FEED_ACTOR = 'system:feeds';

export type PullDeps = Pick<ServiceDeps, 'db' | 'clock' | 'ids' | 'logger' | 'onJobsEnqueued'>;

/** What one pull verified: the head before and after, the accepted entries, and the first failure if any. */
export interface PullOutcome {
  readonly sub: Selectable<FeedSubscriptionsTable>;
  readonly startHead: FeedHead;
  readonly head: FeedHead;
  readonly accepted: readonly FeedEntry[];
  readonly failure: { readonly status: FeedSubscriptionStatus; readonly code: string; readonly text: Bilingual } | null;
  /** The periodic pull's due time, or null for "pull now". */
  readonly scheduledAt: string | null;
}

/** Stores a pull's outcome under the subscription's lock; null when another pull moved the head meanwhile. */
export async function storePull(deps: PullDeps, pullIntervalMs: number, pull: PullOutcome): Promise<string[] | null> {
  const { sub, startHead, head, accepted, failure, scheduledAt } = pull;
  const { db, ids, clock } = deps;
  const result = await db.kysely.transaction().execute(async (trx) => {
    const at = nowIso(clock);
    const nextPullAt = scheduledAt !== null ? new Date(clock.nowMs() + pullIntervalMs).toISOString() : sub.next_pull_at;
    const locked = await trx
      .updateTable('feed_subscriptions')
      .set({
        version: Number(sub.version) + 1,
        last_seq: head.seq,
        last_hash: head.hash,
        status: failure?.status ?? 'active',
        last_error_json: failure ? JSON.stringify({ code: failure.code, text: failure.text, at }) : null,
        last_pulled_at: at,
        next_pull_at: nextPullAt,
        updated_at: at,
      })
      .where('id', '=', sub.id)
      .where('last_seq', '=', startHead.seq)
      .where('version', '=', sub.version)
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) === 0) return null;
    const changed: string[] = [];
    for (const entry of accepted) {
      if (entry.type === 'fraud_signal') {
        const rowId = ids.next();
        const inserted = await trx
          .insertInto('feed_signals')
          .values({
            id: rowId,
            workspace_id: sub.workspace_id,
            subscription_id: sub.id,
            signal_id: entry.body.signalId,
            seq: entry.seq,
            buyer_network_id: entry.body.buyer,
            amount_fen: entry.body.amountFen,
            reason_code: entry.body.reasonCode,
            confirmed_at: entry.body.confirmedAt,
            received_at: at,
            retracted_at: null,
            retraction_reason: null,
          })
          .onConflict((oc) => oc.columns(['subscription_id', 'signal_id']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
        for (const pdqHash of new Set(entry.body.pdqHashes)) {
          await trx
            .insertInto('feed_signal_hashes')
            .values({ signal_row_id: rowId, workspace_id: sub.workspace_id, pdq_hash: pdqHash })
            .execute();
          changed.push(pdqHash);
        }
      } else {
        const retracted = await trx
          .updateTable('feed_signals')
          .set({ retracted_at: entry.at, retraction_reason: entry.body.reason })
          .where('subscription_id', '=', sub.id)
          .where('signal_id', '=', entry.body.signalId)
          .where('retracted_at', 'is', null)
          .returning('id')
          .execute();
        for (const { id } of retracted) {
          const hashes = await trx
            .selectFrom('feed_signal_hashes')
            .select('pdq_hash')
            .where('signal_row_id', '=', id)
            .execute();
          changed.push(...hashes.map((h) => h.pdq_hash));
        }
      }
    }
    if (accepted.length > 0 || failure?.status === 'rejected')
      await appendAudit(trx, ids, {
        workspaceId: sub.workspace_id,
        at,
        actor: FEED_ACTOR,
        action: failure?.status === 'rejected' ? 'feed.rejected' : 'feed.pulled',
        subjectType: 'feed_subscription',
        subjectId: sub.id,
        data: { accepted: accepted.length, head: head.seq, ...(failure ? { failure: failure.code } : {}) },
      });
    if (scheduledAt !== null && nextPullAt)
      await enqueueJob(
        trx,
        ids,
        {
          kind: 'feed.pull',
          workspaceId: sub.workspace_id,
          subscriptionId: sub.id,
          scheduledAt: nextPullAt,
        },
        { runAt: nextPullAt },
      );
    return changed;
  });
  return result;
}

/**
 * Sends undecided claims whose buyer photos are within the reuse radius of a signal hash that arrived or was
 * retracted back to analysis (remembering where they were), and queues those photos: the analysis adds or drops
 * their feed finding and re-assesses the claim. Decided claims are left as decided.
 * @returns the number of photos queued
 */
export async function recheckUndecidedClaims(
  deps: PullDeps,
  workspaceId: string,
  subscriptionId: string,
  hashes: readonly string[],
): Promise<number> {
  if (hashes.length === 0) return 0;
  const { db, ids, clock } = deps;
  const rows = await db.kysely
    .selectFrom('evidence')
    .innerJoin('claims', 'claims.id', 'evidence.claim_id')
    .select(['evidence.id', 'evidence.claim_id', 'evidence.pdq_hash'])
    .where('evidence.workspace_id', '=', workspaceId)
    .where('claims.workspace_id', '=', workspaceId)
    .where('claims.status', 'in', UNDECIDED_WITH_EVIDENCE)
    .where('evidence.submitted_by', '=', 'buyer')
    .where('evidence.pdq_hash', 'is not', null)
    .execute();
  const byClaim = new Map<string, string[]>();
  for (const row of rows)
    if (hashes.some((h) => hammingBits(h, row.pdq_hash!) <= REUSE_RADIUS_BITS))
      byClaim.set(row.claim_id, [...(byClaim.get(row.claim_id) ?? []), row.id]);
  let queued = 0;
  for (const [claimId, evidenceIds] of byClaim)
    queued += await db.kysely.transaction().execute(async (trx) => {
      const at = nowIso(clock);
      const auditData = { cause: 'fraud_feed_changed', subscriptionId };
      if (!(await reopenForAnalysis(trx, ids, { workspaceId, claimId, at, actor: FEED_ACTOR, auditData }))) return 0;
      for (const evidenceId of evidenceIds)
        await enqueueJob(trx, ids, { kind: 'analyse_evidence', workspaceId, evidenceId }, { runAt: at });
      return evidenceIds.length;
    });
  if (queued > 0) deps.onJobsEnqueued?.();
  return queued;
}
