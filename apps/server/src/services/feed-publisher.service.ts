import {
  actorLabel,
  errors,
  FEED_GENESIS_HASH,
  FEED_PROTOCOL,
  feedKeyFingerprint,
  requirePermission,
  type Actor,
  type FeedEntry,
  type FeedHead,
} from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { FeedEntriesTable } from '../adapters/db/schema-feeds.js';
import { generateFeedKeyPair, newFeedId } from '../adapters/crypto/ed25519.feed-keys.js';
import type { JobResult } from '../jobs/job-types.js';
import { appendForClaim, headOf } from './feed-append.js';
import { MIN_NETWORK_KEY_BYTES, networkKeyFingerprint } from './feed-network-id.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

export { enqueueFeedPublish } from './feed-append.js';

/** Largest page of entries the feed endpoint answers. */
export const MAX_FEED_PAGE = 500;
export const DEFAULT_FEED_PAGE = 100;

/** What an admin sees of the workspace's own feed and network key. */
export interface FeedSettingsView {
  readonly publishing: boolean;
  readonly feedId: string | null;
  /** The path subscribers pull: `/api/v1/feeds/<feedId>`. */
  readonly feedPath: string | null;
  readonly publicKey: string | null;
  readonly fingerprint: string | null;
  readonly head: FeedHead;
  readonly networkKey: { readonly set: boolean; readonly fingerprint: string | null };
}

/** The public description of a feed. */
export interface FeedInfo {
  readonly protocol: string;
  readonly feedId: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly head: FeedHead;
}

/** One page of a feed's entries, after a seq. */
export interface FeedPage {
  readonly feedId: string;
  readonly entries: readonly FeedEntry[];
  readonly head: FeedHead;
}

/** An entry of the workspace's own feed, with the claim it came from (local only, never published). */
export type OwnFeedEntry = FeedEntry & { readonly claimId: string };

function toEntry(row: Selectable<FeedEntriesTable>): FeedEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type,
    at: row.at,
    body: JSON.parse(row.body_json) as never,
    prevHash: row.prev_hash,
    hash: row.hash,
    signature: row.signature,
  };
}

function pageLimit(limit: number | undefined): number {
  const n = limit ?? DEFAULT_FEED_PAGE;
  if (!Number.isInteger(n) || n < 1 || n > MAX_FEED_PAGE)
    throw errors.invalidInput('limit', {
      zh: `须为 1 到 ${MAX_FEED_PAGE} 之间的整数`,
      en: `must be an integer from 1 to ${MAX_FEED_PAGE}`,
    });
  return n;
}

/**
 * The publishing side of the fraud feeds (docs/feeds.md): the workspace's key pair and feed id, the network key,
 * appending signed entries as claims become (or stop being) confirmed fraud, and the public read of a feed.
 */
export class FeedPublisherService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'cipher' | 'clock' | 'ids' | 'logger'>) {}

  /** @throws {DomainError} `forbidden` without `workspace.admin` */
  async settings(actor: Actor): Promise<FeedSettingsView> {
    requirePermission(actor, 'workspace.admin');
    return this.viewOf(this.deps.db.kysely, actor.workspaceId);
  }

  /**
   * Turns publishing on or off. The first time on, the workspace gets its feed id and Ed25519 key pair (the private
   * key sealed with the contact cipher). Off stops new signals; retractions of signals already out are still
   * appended, so a reversed decision never stays published.
   * @throws {DomainError} `forbidden` without `workspace.admin`
   */
  async setPublishing(actor: Actor, enabled: boolean): Promise<FeedSettingsView> {
    requirePermission(actor, 'workspace.admin');
    const { db, cipher, clock, ids } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const at = nowIso(clock);
      const row = await this.ensureRow(trx, actor.workspaceId, at);
      let created = false;
      if (enabled && !row.feed_id) {
        const keys = generateFeedKeyPair();
        const sealed = cipher.seal(keys.privateKeyPkcs8);
        await trx
          .updateTable('feed_settings')
          .set({
            feed_id: newFeedId(),
            public_key: keys.publicKey,
            private_key_id: sealed.keyId,
            private_key_ciphertext: sealed.ciphertext,
          })
          .where('workspace_id', '=', actor.workspaceId)
          .execute();
        created = true;
      }
      await trx
        .updateTable('feed_settings')
        .set({ publishing: enabled ? 1 : 0, updated_at: at })
        .where('workspace_id', '=', actor.workspaceId)
        .execute();
      const view = await this.viewOf(trx, actor.workspaceId);
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'feed.publishing_changed',
        subjectType: 'feed',
        subjectId: view.feedId ?? '-',
        data: { enabled, keyCreated: created, fingerprint: view.fingerprint },
      });
      return view;
    });
  }

  /**
   * Sets the key the network's participants share for buyer identities (base64 of at least 32 bytes), sealed at
   * rest; only its fingerprint is shown again. Buyers seen before have no network identity until seen again.
   * @throws {DomainError} `forbidden`; `invalid_input` when it is not base64 of at least 32 bytes
   */
  async setNetworkKey(actor: Actor, keyBase64: string): Promise<FeedSettingsView> {
    requirePermission(actor, 'workspace.admin');
    const trimmed = typeof keyBase64 === 'string' ? keyBase64.trim() : '';
    const key = Buffer.from(trimmed, 'base64');
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || key.length < MIN_NETWORK_KEY_BYTES)
      throw errors.invalidInput('key', {
        zh: `须为至少 ${MIN_NETWORK_KEY_BYTES} 字节的 Base64 密钥`,
        en: `must be base64 of at least ${MIN_NETWORK_KEY_BYTES} bytes`,
      });
    const { db, cipher, clock, ids } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const at = nowIso(clock);
      await this.ensureRow(trx, actor.workspaceId, at);
      const sealed = cipher.seal(key.toString('base64'));
      const fingerprint = networkKeyFingerprint(key);
      await trx
        .updateTable('feed_settings')
        .set({
          network_key_id: sealed.keyId,
          network_key_ciphertext: sealed.ciphertext,
          network_key_fingerprint: fingerprint,
          updated_at: at,
        })
        .where('workspace_id', '=', actor.workspaceId)
        .execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'feed.network_key_set',
        subjectType: 'workspace',
        subjectId: actor.workspaceId,
        data: { fingerprint },
      });
      return this.viewOf(trx, actor.workspaceId);
    });
  }

  /** The workspace's own entries after `after`, with their claims. @throws {DomainError} `forbidden`; `invalid_input` */
  async ownEntries(actor: Actor, after = 0, limit?: number): Promise<readonly OwnFeedEntry[]> {
    requirePermission(actor, 'workspace.admin');
    const rows = await this.deps.db.kysely
      .selectFrom('feed_entries')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageLimit(limit))
      .execute();
    return rows.map((row) => ({ ...toEntry(row), claimId: row.claim_id }));
  }

  /** A feed's public key and head, for anyone holding its id. @throws {DomainError} `not_found` */
  async feedInfo(feedId: string): Promise<FeedInfo> {
    const row = await this.publicRow(feedId);
    return {
      protocol: FEED_PROTOCOL,
      feedId,
      publicKey: row.public_key!,
      fingerprint: feedKeyFingerprint(row.public_key!),
      head: await headOf(this.deps.db.kysely, feedId),
    };
  }

  /** Up to `limit` (1..500) entries with seq > `after`, in order. @throws {DomainError} `not_found`; `invalid_input` */
  async feedEntries(feedId: string, after: number, limit?: number): Promise<FeedPage> {
    const size = pageLimit(limit);
    await this.publicRow(feedId);
    const rows = await this.deps.db.kysely
      .selectFrom('feed_entries')
      .selectAll()
      .where('feed_id', '=', feedId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(size)
      .execute();
    return { feedId, entries: rows.map(toEntry), head: await headOf(this.deps.db.kysely, feedId) };
  }

  /** The `feed.publish` job (see {@link appendForClaim}). */
  publishClaim(workspaceId: string, claimId: string): Promise<JobResult> {
    return appendForClaim(this.deps, workspaceId, claimId);
  }

  private async publicRow(feedId: string): Promise<Selectable<Database['feed_settings']>> {
    const row =
      typeof feedId === 'string' && feedId.length <= 100
        ? await this.deps.db.kysely
            .selectFrom('feed_settings')
            .selectAll()
            .where('feed_id', '=', feedId)
            .executeTakeFirst()
        : undefined;
    if (!row?.public_key) throw errors.notFound('feed', String(feedId).slice(0, 100));
    return row;
  }

  private async ensureRow(trx: Kysely<Database>, workspaceId: string, at: string) {
    await trx
      .insertInto('feed_settings')
      .values({ workspace_id: workspaceId, publishing: 0, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('workspace_id').doNothing())
      .execute();
    return trx
      .selectFrom('feed_settings')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
  }

  private async viewOf(db: Kysely<Database>, workspaceId: string): Promise<FeedSettingsView> {
    const row = await db
      .selectFrom('feed_settings')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    const feedId = row?.feed_id ?? null;
    return {
      publishing: Number(row?.publishing ?? 0) === 1,
      feedId,
      feedPath: feedId ? `/api/v1/feeds/${feedId}` : null,
      publicKey: row?.public_key ?? null,
      fingerprint: row?.public_key ? feedKeyFingerprint(row.public_key) : null,
      head: feedId ? await headOf(db, feedId) : { seq: 0, hash: FEED_GENESIS_HASH },
      networkKey: { set: Boolean(row?.network_key_id), fingerprint: row?.network_key_fingerprint ?? null },
    };
  }
}
