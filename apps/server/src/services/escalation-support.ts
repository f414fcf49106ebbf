import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';

/**
 * What the repair-order and complaint SLA ladders share when they escalate: who manages the outlet, and the due time
 * as people there read it.
 */

/** The outlet's manager (a user id), or null without an outlet or a manager. */
export async function outletManagerOf(
  trx: Kysely<Database>,
  workspaceId: string,
  outletId: string | null,
): Promise<string | null> {
  if (!outletId) return null;
  const outlet = await trx
    .selectFrom('outlets')
    .select('manager_user_id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', outletId)
    .executeTakeFirst();
  return outlet?.manager_user_id ?? null;
}

/** An instant as Beijing wall-clock minutes (`2026-11-23 14:30`): China has one time zone, UTC+8, no DST. */
export function beijingMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
