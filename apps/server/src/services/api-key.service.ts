import {
  actorLabel,
  errors,
  requirePermission,
  type Actor,
  type Clock,
  type IdGenerator,
  type Role,
} from '@proofdesk/domain';
import type { Selectable } from 'kysely';
import { API_KEY_PREFIX, newApiKey, sha256Hex } from '../adapters/crypto/tokens.js';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Db } from '../adapters/db/database.js';
import type { ApiKeysTable } from '../adapters/db/schema.js';
import { isoAt } from '../adapters/system/system-clock.js';
import { parseRoles } from './user.service.js';

/** An API key as admins see it: a prefix to tell keys apart, never the key. */
export interface ApiKeyView {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly roles: readonly Role[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

export interface ApiKeyServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

/** How often `last_used_at` is written for a busy key, in milliseconds. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a key that checked out is trusted without asking the database again, in milliseconds. Revoking a key
 * evicts it at once in the process that revokes it; another API process (scale-out on PostgreSQL) may accept a
 * revoked key for at most this long. Without it every request paid a query, which on SQLite also waited for the
 * group-commit transaction in flight (docs/adr/0012-api-throughput.md).
 */
export const API_KEY_CACHE_TTL_MS = 2_000;
/** Most keys remembered; the cache is cleared when it fills (unknown keys are never remembered). */
const API_KEY_CACHE_SIZE = 10_000;

interface CachedKey {
  readonly actor: Actor & { kind: 'api_key' };
  readonly untilMs: number;
}

function toView(row: Selectable<ApiKeysTable>): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    roles: parseRoles(row.roles_json),
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** API keys for platform integrations: scoped to one workspace, acting with fixed roles, stored as SHA-256. */
export function createApiKeyService({ db, clock, ids }: ApiKeyServiceDeps) {
  /** Keys that checked out, by key hash. */
  const cache = new Map<string, CachedKey>();
  /** Bumped by every revocation, so a lookup that raced one does not put the key back into the cache. */
  let revocations = 0;
  return {
    /**
     * Creates a key. The returned `key` is shown once; only its hash is stored.
     * @throws {DomainError} `invalid_input` for an empty name or no roles
     */
    async createApiKey(
      actor: Actor,
      input: { name: string; roles: readonly Role[] },
    ): Promise<{ key: string; apiKey: ApiKeyView }> {
      requirePermission(actor, 'workspace.admin');
      const name = input.name.trim();
      if (name.length === 0 || name.length > 100)
        throw errors.invalidInput('name', { zh: '长度须为 1–100 个字符', en: 'must be 1–100 characters' });
      if (input.roles.length === 0)
        throw errors.invalidInput('roles', { zh: '至少需要一个角色', en: 'at least one role' });
      const key = newApiKey();
      const row = {
        id: ids.next(),
        workspace_id: actor.workspaceId,
        name,
        prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        key_hash: sha256Hex(key),
        roles_json: JSON.stringify([...new Set(input.roles)]),
        created_by: actorLabel(actor),
        created_at: isoAt(clock.nowMs()),
        revoked_at: null,
        last_used_at: null,
      };
      await db.kysely.transaction().execute(async (trx) => {
        await trx.insertInto('api_keys').values(row).execute();
        await appendAudit(trx, ids, {
          workspaceId: actor.workspaceId,
          at: row.created_at,
          actor: row.created_by,
          action: 'api_key.created',
          subjectType: 'api_key',
          subjectId: row.id,
          data: { name, prefix: row.prefix, roles: parseRoles(row.roles_json) },
        });
      });
      return { key, apiKey: toView(row) };
    },

    /** The workspace's keys, revoked ones included, oldest first. */
    async listApiKeys(actor: Actor): Promise<ApiKeyView[]> {
      requirePermission(actor, 'workspace.admin');
      const rows = await db.kysely
        .selectFrom('api_keys')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .orderBy('id')
        .execute();
      return rows.map(toView);
    },

    /**
     * Revokes a key at once. Idempotent.
     * @throws {DomainError} `not_found` outside the workspace
     */
    async revokeApiKey(actor: Actor, keyId: string): Promise<ApiKeyView> {
      requirePermission(actor, 'workspace.admin');
      const { view, keyHash } = await db.kysely.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('api_keys')
          .selectAll()
          .where('id', '=', keyId)
          .where('workspace_id', '=', actor.workspaceId)
          .executeTakeFirst();
        if (!row) throw errors.notFound('api key', keyId);
        if (row.revoked_at) return { view: toView(row), keyHash: row.key_hash };
        const at = isoAt(clock.nowMs());
        await trx.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', keyId).execute();
        await appendAudit(trx, ids, {
          workspaceId: actor.workspaceId,
          at,
          actor: actorLabel(actor),
          action: 'api_key.revoked',
          subjectType: 'api_key',
          subjectId: keyId,
          data: { prefix: row.prefix },
        });
        return { view: toView({ ...row, revoked_at: at }), keyHash: row.key_hash };
      });
      // After the commit every lookup reads the revoked row. One that started earlier may still finish after this
      // line: the counter stops it from caching what it read.
      revocations += 1;
      cache.delete(keyHash);
      return view;
    },

    /**
     * The actor a presented key acts as.
     * @throws {DomainError} `unauthenticated` for an unknown or revoked key
     */
    async authenticate(key: string): Promise<Actor> {
      if (!key.startsWith(API_KEY_PREFIX)) throw errors.unauthenticated();
      const keyHash = sha256Hex(key);
      const nowMs = clock.nowMs();
      const cached = cache.get(keyHash);
      if (cached && nowMs < cached.untilMs) return cached.actor;
      const revocationsBefore = revocations;
      // The query-only connection: on SQLite it never waits for a write transaction in flight.
      const row = await db.reader.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
      if (!row || row.revoked_at) {
        cache.delete(keyHash);
        throw errors.unauthenticated();
      }
      if (!row.last_used_at || nowMs - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS)
        await db.kysely
          .updateTable('api_keys')
          .set({ last_used_at: isoAt(nowMs) })
          .where('id', '=', row.id)
          .execute();
      const actor = {
        kind: 'api_key',
        keyId: row.id,
        workspaceId: row.workspace_id,
        roles: parseRoles(row.roles_json),
      } as const;
      if (revocations === revocationsBefore) {
        if (cache.size >= API_KEY_CACHE_SIZE) cache.clear();
        cache.set(keyHash, { actor, untilMs: nowMs + API_KEY_CACHE_TTL_MS });
      }
      return actor;
    },
  };
}
