import { errors, resolvePolicy, type WorkspacePolicy } from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * The workspace's claim policy: its stored (partial) policy over the defaults.
 * @throws {DomainError} `not_found` when the workspace does not exist
 */
export async function loadWorkspacePolicy(db: Kysely<Database>, workspaceId: string): Promise<WorkspacePolicy> {
  const row = await db.selectFrom('workspaces').select('policy_json').where('id', '=', workspaceId).executeTakeFirst();
  if (!row) throw errors.notFound('workspace', workspaceId);
  return resolvePolicy(JSON.parse(row.policy_json) as Partial<WorkspacePolicy>);
}
