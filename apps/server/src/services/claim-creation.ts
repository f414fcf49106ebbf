import { actorLabel, errors, type Actor, type ClaimType, type IdGenerator } from '@proofdesk/domain';
import type { Selectable } from 'kysely';
import { appendAuditBatch, type AuditEntry } from '../adapters/db/audit.repository.js';
import { newClaimRow } from '../adapters/db/claim-row.js';
import { toClaim, type Claim } from '../adapters/db/claim.repository.js';
import type { Dialect } from '../adapters/db/database.js';
import type { BatchWriter, Outcome } from '../adapters/db/group-commit.js';
import type { ClaimsTable } from '../adapters/db/schema.js';

/** One validated claim creation, waiting for its batch. */
export interface ClaimToCreate {
  readonly actor: Actor;
  /** The new claim's id and ISO creation time, fixed when the call was made. */
  readonly id: string;
  readonly at: string;
  readonly orderId: string;
  readonly type: ClaimType;
  readonly reason: string;
  readonly amountFen: number;
}

/** Most claim rows per insert statement (24 parameters each). */
const INSERT_CHUNK = 200;

/**
 * Writes a batch of claim creations in a handful of statements whatever its size: one read of every order named,
 * one multi-row insert of the claims, and the audit rows through {@link appendAuditBatch}. A creation whose order is
 * not in the actor's workspace (`not_found`) or worth less than the claim (`invalid_input`) is refused before
 * anything is written, so it needs no savepoint. One statement per claim cost a round trip each on PostgreSQL and
 * Kysely's query building on both (docs/adr/0012-api-throughput.md).
 */
export function claimCreationWriter(ids: IdGenerator, dialect: Dialect): BatchWriter<ClaimToCreate, Claim> {
  return async (trx, items) => {
    const orderIds = [...new Set(items.map((item) => item.orderId))];
    const orders = new Map(
      (
        await trx
          .selectFrom('orders')
          .select(['id', 'workspace_id', 'amount_fen', 'buyer_id'])
          .where('id', 'in', orderIds)
          .execute()
      ).map((order) => [order.id, order]),
    );
    const outcomes: Outcome<Claim>[] = [];
    const rows: Selectable<ClaimsTable>[] = [];
    const audit: AuditEntry[] = [];
    for (const item of items) {
      const order = orders.get(item.orderId);
      if (!order || order.workspace_id !== item.actor.workspaceId) {
        outcomes.push({ ok: false, error: errors.notFound('order', item.orderId) });
        continue;
      }
      const orderFen = Number(order.amount_fen);
      if (item.amountFen > orderFen) {
        outcomes.push({
          ok: false,
          error: errors.invalidInput('amountFen', {
            zh: `不能超过订单金额 ${orderFen} 分`,
            en: `must not exceed the order amount of ${orderFen} fen`,
          }),
        });
        continue;
      }
      const row = newClaimRow({
        id: item.id,
        workspaceId: item.actor.workspaceId,
        orderId: order.id,
        buyerId: order.buyer_id,
        type: item.type,
        reason: item.reason,
        amountFen: item.amountFen,
        at: item.at,
      }) as Selectable<ClaimsTable>;
      rows.push(row);
      audit.push({
        workspaceId: item.actor.workspaceId,
        at: item.at,
        actor: actorLabel(item.actor),
        action: 'claim.created',
        subjectType: 'claim',
        subjectId: item.id,
        data: { orderId: order.id, type: item.type, amountFen: item.amountFen, status: 'submitted' },
      });
      outcomes.push({ ok: true, value: toClaim(row) });
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await trx
        .insertInto('claims')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
    if (audit.length > 0) await appendAuditBatch(trx, ids, audit, dialect);
    return outcomes;
  };
}
