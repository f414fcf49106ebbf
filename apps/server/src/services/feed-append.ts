import {
  FEED_GENESIS_HASH,
  isConfirmedFraud,
  signFeedEntry,
  type ClaimEvent,
  type FeedHead,
  type IdGenerator,
  type UnsignedFeedEntry,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import { loadFeedPrivateKey } from '../adapters/crypto/ed25519.feed-keys.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import type { JobResult } from '../jobs/job-types.js';
import { loadClaimRow } from './claim-access.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/**
 * Appending to a workspace's own fraud feed (docs/feeds.md): the claim outcome hook's enqueue, and the
 * `feed.publish` job that reconciles a claim with the feed.
 */

const PUBLISH_ACTOR = 'system:feeds';
/** The events that make or re-make a decision; only they can change whether a claim is confirmed fraud. */
const DECISION_EVENTS: readonly ClaimEvent[] = ['approved', 'partially_approved', 'rejected'];

/** The feed's last entry (seq 0 and the genesis hash before any). */
export async function headOf(db: Kysely<Database>, feedId: string): Promise<FeedHead> {
  const row = await db
    .selectFrom('feed_entries')
    .select(['seq', 'hash'])
    .where('feed_id', '=', feedId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : { seq: 0, hash: FEED_GENESIS_HASH };
}

/**
 * The claim outcome hook's feed effect (called from `onClaimStatusChanged`, in the claim change's transaction):
 * when a decision is made or re-made on a claim of a workspace that has a feed, and the claim is now confirmed fraud
 * or had a signal published, enqueue the publish job, which appends a signal or a retraction (or nothing) by
 * comparing the claim as it then stands with what the feed already says.
 */
export async function enqueueFeedPublish(
  trx: Kysely<Database>,
  ids: IdGenerator,
  change: { readonly workspaceId: string; readonly claimId: string; readonly event: ClaimEvent; readonly at: string },
): Promise<void> {
  if (!DECISION_EVENTS.includes(change.event)) return;
  const settings = await trx
    .selectFrom('feed_settings')
    .select(['feed_id'])
    .where('workspace_id', '=', change.workspaceId)
    .executeTakeFirst();
  if (!settings?.feed_id) return;
  const claim = await trx
    .selectFrom('claims')
    .select(['decision_outcome', 'decision_reason_code'])
    .where('workspace_id', '=', change.workspaceId)
    .where('id', '=', change.claimId)
    .executeTakeFirst();
  if (!claim) return;
  const published = await trx
    .selectFrom('feed_entries')
    .select('seq')
    .where('workspace_id', '=', change.workspaceId)
    .where('claim_id', '=', change.claimId)
    .limit(1)
    .executeTakeFirst();
  if (!isConfirmedFraud(claim.decision_outcome, claim.decision_reason_code) && !published) return;
  await enqueueJob(
    trx,
    ids,
    { kind: 'feed.publish', workspaceId: change.workspaceId, claimId: change.claimId },
    { runAt: change.at },
  );
}

/**
 * The `feed.publish` job: appends a signal when the claim is confirmed fraud and has no live signal (while
 * publishing is on), a retraction when it has a live signal and is no longer confirmed fraud; otherwise nothing.
 * Idempotent: it compares with the feed under the workspace's feed lock, so a retried job never appends twice.
 */
export async function appendForClaim(
  deps: Pick<ServiceDeps, 'db' | 'cipher' | 'clock' | 'ids' | 'logger'>,
  workspaceId: string,
  claimId: string,
): Promise<JobResult> {
  const { db, clock, ids, cipher } = deps;
  return db.kysely.transaction().execute(async (trx): Promise<JobResult> => {
    // The feed lock: appends of one workspace's feed are serialised (seq and prevHash come from the head).
    await trx
      .updateTable('feed_settings')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('workspace_id', '=', workspaceId)
      .execute();
    const settings = await trx
      .selectFrom('feed_settings')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!settings?.feed_id || !settings.private_key_id || !settings.private_key_ciphertext)
      return { outcome: 'skipped', why: 'the workspace has no feed' };
    const feedId = settings.feed_id;
    const claim = await loadClaimRow(trx, workspaceId, claimId);
    const fraud = isConfirmedFraud(claim.decision_outcome, claim.decision_reason_code);
    const mine = await trx
      .selectFrom('feed_entries')
      .select(['signal_id', 'type'])
      .where('workspace_id', '=', workspaceId)
      .where('claim_id', '=', claimId)
      .execute();
    const retracted = new Set(mine.filter((e) => e.type === 'retraction').map((e) => e.signal_id));
    const live = mine.find((e) => e.type === 'fraud_signal' && !retracted.has(e.signal_id));
    const at = nowIso(clock);
    let entry: Omit<UnsignedFeedEntry, 'seq' | 'prevHash'>;
    if (fraud && !live) {
      if (Number(settings.publishing) !== 1) return { outcome: 'skipped', why: 'publishing is off' };
      entry = {
        id: ids.next(),
        type: 'fraud_signal',
        at,
        body: {
          signalId: ids.next(),
          pdqHashes: await fakedPhotoHashes(trx, workspaceId, claimId),
          buyer: await buyerNetworkId(trx, workspaceId, claim.buyer_id),
          amountFen: Number(claim.amount_fen),
          confirmedAt: claim.decided_at ?? at,
          reasonCode: claim.decision_reason_code!,
        },
      };
    } else if (!fraud && live) {
      entry = {
        id: ids.next(),
        type: 'retraction',
        at,
        body: { signalId: live.signal_id, reason: `redecided:${claim.decision_outcome ?? 'none'}` },
      };
    } else return { outcome: 'skipped', why: fraud ? 'the signal is already published' : 'nothing to publish' };
    const head = await headOf(trx, feedId);
    const unsigned = { ...entry, seq: head.seq + 1, prevHash: head.hash } as UnsignedFeedEntry;
    const privateKey = loadFeedPrivateKey(cipher.open(settings.private_key_id, settings.private_key_ciphertext));
    const signed = signFeedEntry(feedId, unsigned, privateKey);
    await trx
      .insertInto('feed_entries')
      .values({
        feed_id: feedId,
        seq: signed.seq,
        id: signed.id,
        workspace_id: workspaceId,
        type: signed.type,
        at: signed.at,
        body_json: JSON.stringify(signed.body),
        prev_hash: signed.prevHash,
        hash: signed.hash,
        signature: signed.signature,
        signal_id: signed.body.signalId,
        claim_id: claimId,
      })
      .execute();
    await appendAudit(trx, ids, {
      workspaceId,
      at,
      actor: PUBLISH_ACTOR,
      action: 'feed.entry_appended',
      subjectType: 'claim',
      subjectId: claimId,
      data: { feedId, seq: signed.seq, type: signed.type, signalId: signed.body.signalId, hash: signed.hash },
    });
    deps.logger.info({ workspaceId, claimId, seq: signed.seq, type: signed.type }, 'feed entry appended');
    return { outcome: 'done' };
  });
}

/** The PDQ hashes of the claim's buyer photos the analysis flagged, or of all its hashed buyer photos if none was. */
async function fakedPhotoHashes(trx: Kysely<Database>, workspaceId: string, claimId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('evidence')
    .select(['pdq_hash', 'verdict'])
    .where('workspace_id', '=', workspaceId)
    .where('claim_id', '=', claimId)
    .where('submitted_by', '=', 'buyer')
    .where('pdq_hash', 'is not', null)
    .orderBy('id')
    .execute();
  const flagged = rows.filter((r) => r.verdict === 'suspicious' || r.verdict === 'forged');
  return [...new Set((flagged.length > 0 ? flagged : rows).map((r) => r.pdq_hash!))].slice(0, 32);
}

async function buyerNetworkId(
  trx: Kysely<Database>,
  workspaceId: string,
  buyerId: string | null,
): Promise<string | null> {
  if (!buyerId) return null;
  const row = await trx
    .selectFrom('buyers')
    .select('network_id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', buyerId)
    .executeTakeFirst();
  return row?.network_id ?? null;
}
