import {
  auditEventHash,
  GENESIS_HASH,
  type AuditEventBody,
  type ChainedAuditEvent,
  type IdGenerator,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { AuditEventsTable, Database } from './schema.js';

/** What a service says happened; the repository adds the sequence number and the chain links. */
export interface AuditEntry {
  readonly workspaceId: string;
  /** ISO time. */
  readonly at: string;
  /** `user:<id>`, `apikey:<id>`, `buyer:<claim id>`, `system:<component>`. */
  readonly actor: string;
  /** Dotted, e.g. `claim.created`, `claim.status_changed`, `claim.decided`. */
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Appends one event to the workspace's hash chain. Call inside the transaction that makes the change it records:
 * the head row is updated first, which takes its row lock on PostgreSQL (and the write lock on SQLite), so
 * concurrent appenders of one workspace queue up and the chain never forks.
 */
export async function appendAudit(
  trx: Kysely<Database>,
  ids: IdGenerator,
  entry: AuditEntry,
): Promise<ChainedAuditEvent> {
  await trx
    .insertInto('audit_heads')
    .values({ workspace_id: entry.workspaceId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
  const head = await trx
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('workspace_id', '=', entry.workspaceId)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const body: AuditEventBody = {
    workspaceId: entry.workspaceId,
    seq: Number(head.seq),
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data,
  };
  const hash = auditEventHash(head.hash, body);
  const id = ids.next();
  await trx
    .insertInto('audit_events')
    .values({
      id,
      workspace_id: body.workspaceId,
      seq: body.seq,
      at: body.at,
      actor: body.actor,
      action: body.action,
      subject_type: body.subjectType,
      subject_id: body.subjectId,
      data_json: JSON.stringify(body.data),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_heads').set({ hash }).where('workspace_id', '=', entry.workspaceId).execute();
  return { ...body, id, prevHash: head.hash, hash };
}

/** A stored row as the chain verifier reads it. */
export function toChainedEvent(row: AuditEventsTable): ChainedAuditEvent {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    data: JSON.parse(row.data_json) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
