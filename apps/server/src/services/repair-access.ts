import { actorMay, errors, requirePermission, type Actor, type Permission } from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { RepairOrderRow } from '../adapters/db/repair.repository.js';

/**
 * Whether the actor sees repair orders only as a technician: holds `service.work` but neither takes orders in nor
 * dispatches them. Such an actor reaches only the orders assigned to their own technician record.
 */
export function isTechnicianOnly(actor: Actor): boolean {
  return actorMay(actor, 'service.work') && !actorMay(actor, 'service.dispatch') && !actorMay(actor, 'service.intake');
}

/** The technician record of a signed-in technician user, or null (not a user, or no technician record). */
export async function technicianIdOf(db: Kysely<Database>, actor: Actor): Promise<string | null> {
  if (actor.kind !== 'user') return null;
  const row = await db
    .selectFrom('technicians')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Checks that the actor may act on this order: `permission`, and for a technician-only actor the order must be
 * assigned to them (any other order answers `not_found`, like another workspace's, so ids do not leak).
 * @throws {DomainError} `forbidden`, `not_found`
 */
export async function requireOrderAccess(
  db: Kysely<Database>,
  actor: Actor,
  order: RepairOrderRow,
  permission: Permission,
): Promise<void> {
  requirePermission(actor, permission);
  if (!isTechnicianOnly(actor)) return;
  const own = await technicianIdOf(db, actor);
  if (own === null || order.technician_id !== own) throw errors.notFound('repair order', order.id);
}
