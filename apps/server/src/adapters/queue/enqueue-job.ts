import type { IdGenerator } from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { JobPayload } from '../../jobs/job-types.js';
import type { Database } from '../db/schema.js';

export interface EnqueueOptions {
  /** ISO time the job becomes due (default: now). */
  readonly runAt: string;
  /** Attempts before the job goes to the dead-letter state (default 5). */
  readonly maxAttempts?: number;
}

/**
 * Enqueues a job. Call it inside the transaction that makes the change the job follows from (an upload, a status
 * change): the job exists exactly when the change committed.
 */
export async function enqueueJob(
  trx: Kysely<Database>,
  ids: IdGenerator,
  payload: JobPayload,
  options: EnqueueOptions,
): Promise<string> {
  const id = ids.next();
  await trx
    .insertInto('jobs')
    .values({
      id,
      kind: payload.kind,
      workspace_id: payload.workspaceId,
      payload_json: JSON.stringify(payload),
      status: 'queued',
      attempts: 0,
      max_attempts: options.maxAttempts ?? 5,
      run_at: options.runAt,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: options.runAt,
      updated_at: options.runAt,
    })
    .execute();
  return id;
}
