import { canonicalJson, DomainError, errors } from '@proofdesk/domain';
import { sha256Hex } from '../adapters/crypto/tokens.js';
import type { Db } from '../adapters/db/database.js';
import { isoAt } from '../adapters/system/system-clock.js';

/** A stored answer: replayed as is for a repeated request. */
export interface IdempotentResponse {
  readonly status: number;
  readonly body: unknown;
}

/** `status_code` of a key whose first request is still running. */
const IN_PROGRESS = 0;
/** A reservation older than this is taken to be from a request that died, and may be run again. */
const ABANDONED_AFTER_MS = 5 * 60_000;

/**
 * Runs a create request at most once per `Idempotency-Key` in a workspace. The key is reserved before `run` (a
 * concurrent repeat answers 409 `conflict` instead of creating twice); a success is stored and replayed for the same
 * key and the same request (method, route, body); the same key with another request answers 409
 * `idempotency_mismatch`. A failure releases the key so the client can retry.
 * @throws {DomainError} `idempotency_mismatch`, `conflict`, or whatever `run` throws
 */
export async function idempotent(
  db: Db,
  scope: { workspaceId: string; key: string; method: string; route: string; body: unknown; nowMs: number },
  run: () => Promise<IdempotentResponse>,
): Promise<IdempotentResponse & { replayed: boolean }> {
  const requestHash = sha256Hex(`${scope.method} ${scope.route}\n${canonicalJson(scope.body)}`);
  const where = { workspace_id: scope.workspaceId, key: scope.key };
  const reserved = await db.kysely
    .insertInto('idempotency_keys')
    .values({
      ...where,
      request_hash: requestHash,
      status_code: IN_PROGRESS,
      response_json: 'null',
      created_at: isoAt(scope.nowMs),
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(reserved.numInsertedOrUpdatedRows ?? 0n) === 0) {
    const row = await db.kysely
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('workspace_id', '=', where.workspace_id)
      .where('key', '=', where.key)
      .executeTakeFirst();
    if (!row) throw errors.conflict({ zh: '请重试', en: 'Please retry' });
    if (row.request_hash !== requestHash)
      throw new DomainError(
        'idempotency_mismatch',
        {
          zh: '此 Idempotency-Key 已用于另一个不同的请求',
          en: 'This Idempotency-Key was already used for a different request',
        },
        { key: scope.key },
      );
    if (Number(row.status_code) !== IN_PROGRESS)
      return { status: Number(row.status_code), body: JSON.parse(row.response_json) as unknown, replayed: true };
    if (scope.nowMs - Date.parse(row.created_at) < ABANDONED_AFTER_MS)
      throw errors.conflict(
        { zh: '相同 Idempotency-Key 的请求正在处理中', en: 'A request with this Idempotency-Key is still in progress' },
        { key: scope.key },
      );
    await db.kysely
      .updateTable('idempotency_keys')
      .set({ created_at: isoAt(scope.nowMs) })
      .where('workspace_id', '=', where.workspace_id)
      .where('key', '=', where.key)
      .execute();
  }
  let response: IdempotentResponse;
  try {
    response = await run();
  } catch (error) {
    await db.kysely
      .deleteFrom('idempotency_keys')
      .where('workspace_id', '=', where.workspace_id)
      .where('key', '=', where.key)
      .execute();
    throw error;
  }
  await db.kysely
    .updateTable('idempotency_keys')
    .set({ status_code: response.status, response_json: JSON.stringify(response.body) })
    .where('workspace_id', '=', where.workspace_id)
    .where('key', '=', where.key)
    .execute();
  return { ...response, replayed: false };
}
