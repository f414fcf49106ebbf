import { errors, nextClaimStatus, type ClaimEvent, type ClaimStatus, type IdGenerator } from '@proofdesk/domain';
import type { Kysely, Updateable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { ClaimsTable, Database } from '../adapters/db/schema.js';
import { loadClaimRow } from './claim-access.js';
import { onClaimStatusChanged } from './claim-outcome.js';

/** One status change of a claim, as the services ask for it. */
export interface ClaimChange {
  readonly workspaceId: string;
  readonly claimId: string;
  /** The status the caller read; the change applies only if the claim is still in it. */
  readonly from: ClaimStatus;
  readonly event: ClaimEvent;
  /** ISO time of the change. */
  readonly at: string;
  /** Audit name of who acts. */
  readonly actor: string;
  /** Other columns to set with the status. */
  readonly patch?: Omit<Updateable<ClaimsTable>, 'id' | 'workspace_id' | 'status' | 'updated_at'>;
  /** What the audit row records besides from, to and event (reasons, amounts, evidence ids). */
  readonly auditData?: Readonly<Record<string, unknown>>;
}

/**
 * Applies a status change inside the caller's transaction: the next status from the pure transition table, a
 * conditional UPDATE that only matches while the claim is still in `from` (so of two concurrent changes one wins
 * and the other fails), the `claim.status_changed` audit row, and the outcome effects (`onClaimStatusChanged`: the
 * buyer's record, the fraud feed) in the same transaction.
 * @returns the new status
 * @throws {DomainError} `invalid_state` when the table has no such transition; `conflict` when the claim changed
 *   since it was read
 */
export async function applyClaimChange(
  trx: Kysely<Database>,
  ids: IdGenerator,
  change: ClaimChange,
): Promise<ClaimStatus> {
  const to = nextClaimStatus(change.from, change.event);
  const result = await trx
    .updateTable('claims')
    .set({ ...change.patch, status: to, updated_at: change.at })
    .where('workspace_id', '=', change.workspaceId)
    .where('id', '=', change.claimId)
    .where('status', '=', change.from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw errors.conflict(
      {
        zh: '售后申请已被他人更改，请刷新后重试',
        en: 'The claim was changed by someone else; reload it and try again',
      },
      { claimId: change.claimId, expectedStatus: change.from },
    );
  await appendAudit(trx, ids, {
    workspaceId: change.workspaceId,
    at: change.at,
    actor: change.actor,
    action: 'claim.status_changed',
    subjectType: 'claim',
    subjectId: change.claimId,
    data: { from: change.from, to, event: change.event, ...change.auditData },
  });
  await onClaimStatusChanged(trx, ids, {
    workspaceId: change.workspaceId,
    claimId: change.claimId,
    event: change.event,
    from: change.from,
    to,
    at: change.at,
  });
  return to;
}

/** Statuses of a claim that has evidence and no decision yet: new references or fraud signals re-analyse it. */
export const UNDECIDED_WITH_EVIDENCE: readonly ClaimStatus[] = ['analysing', 'awaiting_merchant', 'in_review'];

/** Why an undecided claim goes back to analysis: who sends it, when, and the cause for the audit row. */
export interface Reopening {
  readonly workspaceId: string;
  readonly claimId: string;
  readonly at: string;
  readonly actor: string;
  readonly auditData: Readonly<Record<string, unknown>>;
}

/**
 * Sends an undecided claim back to `analysing` inside the caller's transaction, remembering where it was so the
 * analysis returns it there (merchant window and deadline unchanged). Re-reads the claim in the transaction first.
 * @returns false, changing nothing, when the claim was decided or withdrawn meanwhile; the caller then queues nothing
 */
export async function reopenForAnalysis(trx: Kysely<Database>, ids: IdGenerator, input: Reopening): Promise<boolean> {
  const row = await loadClaimRow(trx, input.workspaceId, input.claimId);
  const from = row.status as ClaimStatus;
  if (!UNDECIDED_WITH_EVIDENCE.includes(from)) return false;
  if (from !== 'analysing')
    await applyClaimChange(trx, ids, {
      workspaceId: input.workspaceId,
      claimId: input.claimId,
      from,
      event: 'analysis_started',
      at: input.at,
      actor: input.actor,
      patch: { analysis_return_status: from },
      auditData: input.auditData,
    });
  return true;
}
