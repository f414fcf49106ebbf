import {
  auditEventHash,
  GENESIS_HASH,
  type AuditEventBody,
  type ChainedAuditEvent,
  type IdGenerator,
} from '@proofdesk/domain';
import type { Insertable, Kysely, QueryCreator } from 'kysely';
import type { Dialect } from './database.js';
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
 * @param dialect pass `'postgres'` where the transaction is on PostgreSQL to save a round trip; the default is the
 *   statement sequence both dialects accept
 */
export async function appendAudit(
  trx: Kysely<Database>,
  ids: IdGenerator,
  entry: AuditEntry,
  dialect?: Dialect,
): Promise<ChainedAuditEvent> {
  const [event] = await appendAuditBatch(trx, ids, [entry], dialect);
  return event!;
}

/** Most audit rows per insert statement (11 parameters each; SQLite allows 32,766 per statement). */
const INSERT_CHUNK = 500;

/**
 * Appends events in the given order, the same chain as {@link appendAudit} one by one, in a few statements: per
 * workspace one bump of the head by the number of its events (which takes the head's lock and returns the previous
 * hash), then one multi-row insert of every event, then per workspace one update of the head's hash (on PostgreSQL,
 * for one workspace, in the same statement as the insert, as a CTE). The head row is created the first time only,
 * when the bump finds none. Heads are taken in workspace id order, so two batches never wait for each other in a
 * cycle.
 * @returns the chained events, in the order of `entries`
 */
export async function appendAuditBatch(
  trx: Kysely<Database>,
  ids: IdGenerator,
  entries: readonly AuditEntry[],
  dialect?: Dialect,
): Promise<ChainedAuditEvent[]> {
  const byWorkspace = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    const list = byWorkspace.get(entry.workspaceId);
    if (list) list.push(i);
    else byWorkspace.set(entry.workspaceId, [i]);
  });
  const events: ChainedAuditEvent[] = new Array<ChainedAuditEvent>(entries.length);
  const rows: Insertable<AuditEventsTable>[] = [];
  const heads: { readonly workspaceId: string; readonly hash: string }[] = [];
  for (const [workspaceId, indices] of [...byWorkspace].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const head =
      (await bumpHead(trx, workspaceId, indices.length)) ?? (await createHead(trx, workspaceId, indices.length));
    let seq = Number(head.seq) - indices.length;
    let prevHash = head.hash;
    for (const i of indices) {
      const entry = entries[i]!;
      seq += 1;
      const body: AuditEventBody = {
        workspaceId,
        seq,
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        data: entry.data,
      };
      const hash = auditEventHash(prevHash, body);
      const id = ids.next();
      rows.push({
        id,
        workspace_id: workspaceId,
        seq,
        at: body.at,
        actor: body.actor,
        action: body.action,
        subject_type: body.subjectType,
        subject_id: body.subjectId,
        data_json: JSON.stringify(body.data),
        prev_hash: prevHash,
        hash,
      });
      events[i] = { ...body, id, prevHash, hash };
      prevHash = hash;
    }
    heads.push({ workspaceId, hash: prevHash });
  }
  const setHeadHash = (db: QueryCreator<Database>, head: (typeof heads)[number]) =>
    db.updateTable('audit_heads').set({ hash: head.hash }).where('workspace_id', '=', head.workspaceId);
  if (dialect === 'postgres' && heads.length === 1 && rows.length <= INSERT_CHUNK) {
    await setHeadHash(
      trx.with('event', (db) => db.insertInto('audit_events').values(rows)),
      heads[0]!,
    ).execute();
    return events;
  }
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  for (const head of heads) await setHeadHash(trx, head).execute();
  return events;
}

/**
 * Takes the next `count` sequence numbers of the workspace's chain (and the head's lock), returning the last one and
 * the hash before them; undefined before the workspace's first event.
 */
function bumpHead(trx: Kysely<Database>, workspaceId: string, count: number) {
  return trx
    .updateTable('audit_heads')
    .set((eb) => ({ seq: eb('seq', '+', count) }))
    .where('workspace_id', '=', workspaceId)
    .returning(['seq', 'hash'])
    .executeTakeFirst();
}

/** Starts the workspace's chain at the genesis hash (a concurrent starter is waited for), then bumps it. */
async function createHead(trx: Kysely<Database>, workspaceId: string, count: number) {
  await trx
    .insertInto('audit_heads')
    .values({ workspace_id: workspaceId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
  const head = await bumpHead(trx, workspaceId, count);
  if (!head) throw new Error(`The audit head of workspace ${workspaceId} vanished while appending`);
  return head;
}

/** A stored row as the chain verifier reads it. @throws {SyntaxError} when `data_json` is not JSON */
export function toChainedEvent(row: AuditEventsTable): ChainedAuditEvent {
  return toChainedEventWithData(row, JSON.parse(row.data_json) as unknown);
}

/**
 * A stored row as the chain verifier reads it, its `data_json` already decoded by the caller (which decides what
 * undecodable data reads as).
 */
export function toChainedEventWithData(row: AuditEventsTable, data: unknown): ChainedAuditEvent {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
