import {
  actorLabel,
  errors,
  FEED_GENESIS_HASH,
  feedKeyFingerprint,
  feedPublicKey,
  requirePermission,
  verifyFeedEntries,
  type Actor,
  type Bilingual,
  type ClaimStatus,
  type FeedEntry,
  type FeedHead,
} from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { FeedSubscriptionStatus, FeedSubscriptionsTable } from '../adapters/db/schema-feeds.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import type { JobResult } from '../jobs/job-types.js';
import { applyClaimChange } from './claim-transition.js';
import { loadClaimRow } from './claim-access.js';
import { hammingBits } from './feed-matching.js';
import { DEFAULT_FEED_FETCH_LIMITS, fetchRemoteJson, type FeedFetchLimits } from './feed-remote.js';
import { REUSE_RADIUS_BITS } from './reuse-index.service.js';
import { nowIso, requireText, type ServiceDeps } from './service-deps.js';

const FEED_ACTOR = 'system:feeds';
const UNDECIDED_WITH_EVIDENCE: readonly ClaimStatus[] = ['analysing', 'awaiting_merchant', 'in_review'];
/** Entries asked for per page, and pages per pull (a pull stops there; the next pull goes on). */
const PULL_PAGE = 200;
const PULL_PAGES = 10;
const FEED_PATH = /\/api\/v1\/feeds\/([A-Za-z0-9_-]{16,100})$/;

/** A subscription as admins see it. */
export interface FeedSubscription {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly status: FeedSubscriptionStatus;
  readonly lastSeq: number;
  readonly lastPulledAt: string | null;
  readonly nextPullAt: string | null;
  readonly lastError: { readonly code: string; readonly text: Bilingual; readonly at: string } | null;
  /** Accepted signals still live, and retracted ones. */
  readonly signals: number;
  readonly retracted: number;
  readonly createdAt: string;
}

export interface NewFeedSubscription {
  readonly name: string;
  /** The feed's URL: `<origin>/api/v1/feeds/<feedId>`. */
  readonly url: string;
  /** The publisher's raw Ed25519 public key (base64url), given out of band; pinned. */
  readonly publicKey: string;
}

export interface FeedSubscriptionOptions {
  /** Between periodic pulls (default 15 minutes). */
  readonly pullIntervalMs?: number;
  readonly fetchLimits?: FeedFetchLimits;
}

/** @throws {DomainError} `invalid_input` unless an http(s) URL ending in `/api/v1/feeds/<feedId>`, no credentials */
export function parseFeedUrl(value: unknown): { url: string; feedId: string } {
  const bad = errors.invalidInput('url', {
    zh: '须为 http(s)://主机/api/v1/feeds/<信号源 ID> 形式的地址',
    en: 'must be an http(s)://host/api/v1/feeds/<feed id> URL',
  });
  if (typeof value !== 'string' || value.length > 500) throw bad;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw bad;
  }
  const path = url.pathname.replace(/\/+$/, '');
  const match = FEED_PATH.exec(path);
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || !match) throw bad;
  return { url: `${url.origin}${path}`, feedId: match[1]! };
}

/**
 * The subscribing side of the fraud feeds (docs/feeds.md): admins pin another installation's feed URL and public
 * key; a job pulls it (on demand and periodically), verifies every entry against the pinned key and the chain,
 * stores the accepted signals and retractions, and sends undecided claims whose photos match a changed signal back
 * to analysis so their `reuse.seen_in_fraud_feed` finding is added or dropped.
 */
export class FeedSubscriptionService {
  private readonly pullIntervalMs: number;
  private readonly fetchLimits: FeedFetchLimits;

  constructor(
    private readonly deps: Pick<ServiceDeps, 'db' | 'clock' | 'ids' | 'logger' | 'onJobsEnqueued'>,
    options: FeedSubscriptionOptions = {},
  ) {
    this.pullIntervalMs = options.pullIntervalMs ?? 15 * 60_000;
    this.fetchLimits = options.fetchLimits ?? DEFAULT_FEED_FETCH_LIMITS;
  }

  /** @throws {DomainError} `forbidden` without `workspace.admin` */
  async list(actor: Actor): Promise<readonly FeedSubscription[]> {
    requirePermission(actor, 'workspace.admin');
    const rows = await this.deps.db.kysely
      .selectFrom('feed_subscriptions')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id')
      .execute();
    return Promise.all(rows.map((row) => this.view(this.deps.db.kysely, row)));
  }

  /** @throws {DomainError} `forbidden`; `not_found` (also another workspace's) */
  async get(actor: Actor, id: string): Promise<FeedSubscription> {
    requirePermission(actor, 'workspace.admin');
    return this.view(this.deps.db.kysely, await this.load(this.deps.db.kysely, actor.workspaceId, id));
  }

  /**
   * Subscribes to a feed, pinning its public key, and queues its first pull (which starts the periodic pulls).
   * @throws {DomainError} `forbidden`; `invalid_input` (name, URL, key); `conflict` when already subscribed to the URL
   */
  async create(actor: Actor, input: NewFeedSubscription): Promise<FeedSubscription> {
    requirePermission(actor, 'workspace.admin');
    const name = requireText('name', input.name, 100);
    const { url } = parseFeedUrl(input.url);
    if (!feedPublicKey(input.publicKey))
      throw errors.invalidInput('publicKey', {
        zh: '须为 Base64url 编码的 32 字节 Ed25519 公钥',
        en: 'must be a 32-byte Ed25519 public key, base64url',
      });
    const { db, ids, clock } = this.deps;
    const created = await db.kysely.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('feed_subscriptions')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('url', '=', url)
        .executeTakeFirst();
      if (taken)
        throw errors.conflict(
          { zh: '已订阅此信号源', en: 'This feed is already subscribed' },
          { subscriptionId: taken.id },
        );
      const at = nowIso(clock);
      const id = ids.next();
      await trx
        .insertInto('feed_subscriptions')
        .values({
          id,
          workspace_id: actor.workspaceId,
          name,
          url,
          public_key: input.publicKey,
          status: 'active',
          last_seq: 0,
          last_hash: FEED_GENESIS_HASH,
          last_pulled_at: null,
          next_pull_at: at,
          last_error_json: null,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await enqueueJob(
        trx,
        ids,
        { kind: 'feed.pull', workspaceId: actor.workspaceId, subscriptionId: id, scheduledAt: at },
        { runAt: at },
      );
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'feed.subscribed',
        subjectType: 'feed_subscription',
        subjectId: id,
        data: { url, fingerprint: feedKeyFingerprint(input.publicKey) },
      });
      return this.view(trx, await this.load(trx, actor.workspaceId, id));
    });
    this.deps.onJobsEnqueued?.();
    return created;
  }

  /**
   * Ends a subscription and forgets its signals (they stop counting in matching and credit at once).
   * @throws {DomainError} `forbidden`; `not_found`
   */
  async remove(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'workspace.admin');
    const { db, ids, clock } = this.deps;
    await db.kysely.transaction().execute(async (trx) => {
      const row = await this.load(trx, actor.workspaceId, id);
      const signalIds = trx.selectFrom('feed_signals').select('id').where('subscription_id', '=', id);
      await trx.deleteFrom('feed_signal_hashes').where('signal_row_id', 'in', signalIds).execute();
      await trx.deleteFrom('feed_signals').where('subscription_id', '=', id).execute();
      await trx.deleteFrom('feed_subscriptions').where('id', '=', id).execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at: nowIso(clock),
        actor: actorLabel(actor),
        action: 'feed.unsubscribed',
        subjectType: 'feed_subscription',
        subjectId: id,
        data: { url: row.url, lastSeq: Number(row.last_seq) },
      });
    });
  }

  /** Queues a pull now. @throws {DomainError} `forbidden`; `not_found` */
  async pullNow(actor: Actor, id: string): Promise<{ readonly jobId: string }> {
    requirePermission(actor, 'workspace.admin');
    const { db, ids, clock } = this.deps;
    const jobId = await db.kysely.transaction().execute(async (trx) => {
      await this.load(trx, actor.workspaceId, id);
      const at = nowIso(clock);
      return enqueueJob(
        trx,
        ids,
        { kind: 'feed.pull', workspaceId: actor.workspaceId, subscriptionId: id, scheduledAt: null },
        { runAt: at },
      );
    });
    this.deps.onJobsEnqueued?.();
    return { jobId };
  }

  /**
   * The `feed.pull` job: fetches pages after the accepted head, verifies every entry (shape, contiguous seq,
   * prevHash, recomputed hash, Ed25519 under the pinned key), stores what verified before any break, records the
   * status and a bilingual error, schedules the next periodic pull, and re-checks undecided claims.
   */
  async pull(workspaceId: string, subscriptionId: string, scheduledAt: string | null): Promise<JobResult> {
    const { db } = this.deps;
    const sub = await db.kysely
      .selectFrom('feed_subscriptions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', subscriptionId)
      .executeTakeFirst();
    if (!sub) return { outcome: 'skipped', why: `no subscription ${subscriptionId}` };
    if (scheduledAt !== null && sub.next_pull_at !== scheduledAt)
      return { outcome: 'skipped', why: 'a later periodic pull replaced this one' };
    const { feedId } = parseFeedUrl(sub.url);
    const startHead: FeedHead = { seq: Number(sub.last_seq), hash: sub.last_hash };
    let head = startHead;
    const accepted: FeedEntry[] = [];
    let failure: { status: FeedSubscriptionStatus; code: string; text: Bilingual } | null = null;
    for (let page = 0; page < PULL_PAGES; page++) {
      const answer = await fetchRemoteJson(`${sub.url}/entries?after=${head.seq}&limit=${PULL_PAGE}`, this.fetchLimits);
      if (!answer.ok) {
        failure = { status: 'unreachable', code: answer.code, text: answer.text };
        break;
      }
      const entries = (answer.json as { entries?: unknown } | null)?.entries;
      if (!Array.isArray(entries) || entries.length > PULL_PAGE) {
        failure = {
          status: 'unreachable',
          code: 'not_a_feed',
          text: { zh: '应答不是信号源的条目页', en: 'The answer is not a page of feed entries' },
        };
        break;
      }
      const verified = verifyFeedEntries(feedId, sub.public_key, entries, head);
      accepted.push(...verified.accepted);
      head = verified.head;
      if (verified.failure) {
        failure = { status: 'rejected', code: verified.failure.code, text: verified.failure.text };
        break;
      }
      if (entries.length < PULL_PAGE) break;
    }
    const changedHashes = await this.store(sub, startHead, head, accepted, failure, scheduledAt);
    if (changedHashes === null) return { outcome: 'skipped', why: 'another pull moved the head first' };
    const requeued = await this.recheckUndecided(workspaceId, subscriptionId, changedHashes);
    this.deps.logger.info(
      { workspaceId, subscriptionId, accepted: accepted.length, head: head.seq, failure: failure?.code, requeued },
      'feed pulled',
    );
    return { outcome: 'done' };
  }

  /** Stores a pull's outcome under the subscription's lock; null when another pull moved the head meanwhile. */
  private async store(
    sub: Selectable<FeedSubscriptionsTable>,
    startHead: FeedHead,
    head: FeedHead,
    accepted: readonly FeedEntry[],
    failure: { status: FeedSubscriptionStatus; code: string; text: Bilingual } | null,
    scheduledAt: string | null,
  ): Promise<string[] | null> {
    const { db, ids, clock } = this.deps;
    const result = await db.kysely.transaction().execute(async (trx) => {
      const at = nowIso(clock);
      const nextPullAt =
        scheduledAt !== null ? new Date(clock.nowMs() + this.pullIntervalMs).toISOString() : sub.next_pull_at;
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
  private async recheckUndecided(
    workspaceId: string,
    subscriptionId: string,
    hashes: readonly string[],
  ): Promise<number> {
    if (hashes.length === 0) return 0;
    const { db, ids, clock } = this.deps;
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
        const row = await loadClaimRow(trx, workspaceId, claimId);
        const from = row.status as ClaimStatus;
        if (!UNDECIDED_WITH_EVIDENCE.includes(from)) return 0;
        const at = nowIso(clock);
        if (from !== 'analysing')
          await applyClaimChange(trx, ids, {
            workspaceId,
            claimId,
            from,
            event: 'analysis_started',
            at,
            actor: FEED_ACTOR,
            patch: { analysis_return_status: from },
            auditData: { cause: 'fraud_feed_changed', subscriptionId },
          });
        for (const evidenceId of evidenceIds)
          await enqueueJob(trx, ids, { kind: 'analyse_evidence', workspaceId, evidenceId }, { runAt: at });
        return evidenceIds.length;
      });
    if (queued > 0) this.deps.onJobsEnqueued?.();
    return queued;
  }

  private async load(
    db: Kysely<Database>,
    workspaceId: string,
    id: string,
  ): Promise<Selectable<FeedSubscriptionsTable>> {
    const row = await db
      .selectFrom('feed_subscriptions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw errors.notFound('feed subscription', id);
    return row;
  }

  private async view(db: Kysely<Database>, row: Selectable<FeedSubscriptionsTable>): Promise<FeedSubscription> {
    const counts = await db
      .selectFrom('feed_signals')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('all'),
        eb.fn.count<number | string>('retracted_at').as('retracted'),
      ])
      .where('subscription_id', '=', row.id)
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      name: row.name,
      url: row.url,
      publicKey: row.public_key,
      fingerprint: feedKeyFingerprint(row.public_key),
      status: row.status,
      lastSeq: Number(row.last_seq),
      lastPulledAt: row.last_pulled_at,
      nextPullAt: row.next_pull_at,
      lastError: row.last_error_json ? (JSON.parse(row.last_error_json) as FeedSubscription['lastError']) : null,
      signals: Number(counts.all) - Number(counts.retracted),
      retracted: Number(counts.retracted),
      createdAt: row.created_at,
    };
  }
}
