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
  type FeedEntry,
  type FeedHead,
} from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { FeedSubscriptionStatus, FeedSubscriptionsTable } from '../adapters/db/schema-feeds.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import type { JobResult } from '../jobs/job-types.js';
import { recheckUndecidedClaims, storePull } from './feed-pull-store.js';
import { DEFAULT_FEED_FETCH_LIMITS, fetchRemoteJson, type FeedFetchLimits } from './feed-remote.js';
import { nowIso, requireText, type ServiceDeps } from './service-deps.js';

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
    const changedHashes = await storePull(this.deps, this.pullIntervalMs, {
      sub,
      startHead,
      head,
      accepted,
      failure,
      scheduledAt,
    });
    if (changedHashes === null) return { outcome: 'skipped', why: 'another pull moved the head first' };
    const requeued = await recheckUndecidedClaims(this.deps, workspaceId, subscriptionId, changedHashes);
    this.deps.logger.info(
      { workspaceId, subscriptionId, accepted: accepted.length, head: head.seq, failure: failure?.code, requeued },
      'feed pulled',
    );
    return { outcome: 'done' };
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
