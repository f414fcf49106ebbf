import { errors, requirePermission, type Actor, type Permission } from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import type { ClaimsTable, Database } from '../adapters/db/schema.js';

/**
 * Checks that the actor may act on this claim: staff need `permission`; a buyer reaches only the one claim its link
 * names (any other id answers `not_found`, like another workspace's claim) and may act only where `buyerMay`.
 * @throws {DomainError} `forbidden`, `not_found`
 */
export function requireClaimAccess(actor: Actor, claimId: string, permission: Permission, buyerMay = true): void {
  if (actor.kind === 'buyer') {
    if (actor.claimId !== claimId) throw errors.notFound('claim', claimId);
    if (!buyerMay) throw errors.forbidden(permission);
    requirePermission(actor, 'claim.buyer');
    return;
  }
  requirePermission(actor, permission);
}

/**
 * The claim row, scoped to the workspace.
 * @throws {DomainError} `not_found` for an unknown id or another workspace's claim
 */
export async function loadClaimRow(
  db: Kysely<Database>,
  workspaceId: string,
  claimId: string,
): Promise<Selectable<ClaimsTable>> {
  const row = await db
    .selectFrom('claims')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', claimId)
    .executeTakeFirst();
  if (!row) throw errors.notFound('claim', claimId);
  return row;
}

/**
 * Checks that a buyer belongs to the workspace (a buyer id is only meaningful inside its workspace).
 * @throws {DomainError} `not_found` for an unknown buyer or another workspace's
 */
export async function requireWorkspaceBuyer(db: Kysely<Database>, workspaceId: string, buyerId: string): Promise<void> {
  const buyer = await db
    .selectFrom('buyers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', buyerId)
    .executeTakeFirst();
  if (!buyer) throw errors.notFound('buyer', buyerId);
}
