import {
  errors,
  nextRepairOrderStatus,
  type IdGenerator,
  type RepairOrderEvent,
  type RepairOrderStatus,
} from '@proofdesk/domain';
import type { Kysely, Updateable } from 'kysely';
import { appendAudit, type AuditEntry } from '../adapters/db/audit.repository.js';
import { appendRepairOrderEvent, type RepairOrderRow } from '../adapters/db/repair.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { RepairOrdersTable } from '../adapters/db/schema-repair.js';
import { settleCoverageOnCompletion } from './plan-coverage.service.js';
import { notifyRepairChange } from './notification-repair.js';

/** One status change of a repair order, as the services ask for it. */
export interface RepairChange {
  /** The order as the caller read it (inside the same transaction); the change applies only to that version. */
  readonly row: RepairOrderRow;
  readonly event: RepairOrderEvent;
  /** ISO time of the change. */
  readonly at: string;
  /** Audit name of who acts. */
  readonly actor: string;
  /** Other columns to set with the status. */
  readonly patch?: Omit<Updateable<RepairOrdersTable>, 'id' | 'workspace_id' | 'status' | 'version' | 'updated_at'>;
  /** What the history and audit record besides from, to and event (dispatch explanation, reason, new slot). */
  readonly explanation?: Readonly<Record<string, unknown>>;
  /**
   * Where to put the audit entry instead of appending it now, for the caller to append as the transaction's last
   * statement: appending takes the workspace's audit-chain lock until the commit, so the later it comes, the less
   * concurrent changes wait.
   */
  readonly auditSink?: AuditEntry[];
}

/**
 * Applies a status change inside the caller's transaction: the next status from the pure transition table, a
 * conditional UPDATE that matches only the version read (of two concurrent changes one wins, the other fails with
 * `conflict`), the history entry and the `repair_order.status_changed` audit row (now, or handed to the caller
 * through `auditSink`). The caller schedules the SLA check in the same transaction (`SlaService.schedule`).
 * @returns the order row as changed
 * @throws {DomainError} `invalid_state` when the table has no such transition; `conflict` when the order changed
 *   since it was read
 */
export async function applyRepairChange(
  trx: Kysely<Database>,
  ids: IdGenerator,
  change: RepairChange,
): Promise<RepairOrderRow> {
  const { row } = change;
  const from = row.status as RepairOrderStatus;
  const to = nextRepairOrderStatus(from, change.event);
  const version = Number(row.version) + 1;
  const result = await trx
    .updateTable('repair_orders')
    .set({ ...change.patch, status: to, version, updated_at: change.at })
    .where('workspace_id', '=', row.workspace_id)
    .where('id', '=', row.id)
    .where('version', '=', Number(row.version))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw errors.conflict(
      {
        zh: '维修工单已被他人更改，请刷新后重试',
        en: 'The repair order was changed by someone else; reload it and try again',
      },
      { orderId: row.id, expectedVersion: Number(row.version) },
    );
  const explanation = change.explanation ?? {};
  await appendRepairOrderEvent(trx, ids, {
    workspaceId: row.workspace_id,
    orderId: row.id,
    at: change.at,
    actor: change.actor,
    event: change.event,
    fromStatus: from,
    toStatus: to,
    explanation,
  });
  const audit: AuditEntry = {
    workspaceId: row.workspace_id,
    at: change.at,
    actor: change.actor,
    action: 'repair_order.status_changed',
    subjectType: 'repair_order',
    subjectId: row.id,
    data: { from, to, event: change.event, ...explanation },
  };
  if (change.auditSink) change.auditSink.push(audit);
  else await appendAudit(trx, ids, audit);
  const changed = { ...row, ...change.patch, status: to, version, updated_at: change.at };
  // Notifications (issue 8): the status change and an assignment go into the outbox in this transaction.
  await notifyRepairChange(trx, ids, { before: row, after: changed, event: change.event, at: change.at });
  // Care plans (issue 8): the visit's labour and parts priced through the coverage, plan claims recorded.
  if (to === 'completed') await settleCoverageOnCompletion(trx, ids, changed, change.at, change.actor);
  return changed;
}
