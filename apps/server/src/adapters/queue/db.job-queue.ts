import { errors, type Clock } from '@proofdesk/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database, JobsTable } from '../db/schema.js';
import { isoAt } from '../system/system-clock.js';
import { JOB_STATUSES, type JobKind, type JobPayload, type JobStatus } from '../../jobs/job-types.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';

/** A job a worker holds: its lease lasts until `lockedUntil` unless renewed. */
export interface ClaimedJob {
  readonly id: string;
  readonly kind: JobKind;
  readonly workspaceId: string | null;
  readonly payload: JobPayload;
  /** This attempt's number, from 1 (counted when the job is taken, so a crashed attempt counts too). */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly lockedBy: string;
  /** ISO time the lease ends. */
  readonly lockedUntil: string;
}

/** A job in the dead-letter state, as admins see it. */
export interface DeadJob {
  readonly id: string;
  readonly kind: string;
  readonly workspaceId: string | null;
  readonly payload: unknown;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  /** When it died. */
  readonly updatedAt: string;
}

/** Queue counts for `/metrics`. */
export interface JobQueueStats {
  readonly byStatus: Readonly<Record<JobStatus, number>>;
  readonly byKindAndStatus: readonly { readonly kind: string; readonly status: JobStatus; readonly count: number }[];
  /** How long the oldest due, queued job has waited past its `run_at`, in ms (0 when none is waiting). */
  readonly oldestDueLagMs: number;
}

/** What became of a failed job: queued again at `runAt`, or dead because its attempts are used up. */
export type RetryOutcome = { readonly status: 'queued'; readonly runAt: string } | { readonly status: 'dead' };

export interface DbJobQueueOptions {
  readonly backoff?: BackoffPolicy;
  /** Random source for the backoff jitter (tests pass a fixed one). */
  readonly random?: () => number;
}

const MAX_ERROR_CHARS = 2_000;

/**
 * The job queue over the `jobs` table, with the same code on SQLite and PostgreSQL. Jobs are enqueued with
 * `enqueueJob` inside the transaction of the change they follow; workers take them with {@link claimNext}, which
 * leases one due job atomically (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so any number of worker processes never take
 * the same job; SQLite: one `UPDATE … RETURNING` inside `BEGIN IMMEDIATE`). A job whose lease ran out (its worker
 * crashed) is taken again; one that used up its attempts that way goes to the dead-letter state.
 *
 * `complete`, `retryLater`, `deadLetter` and `renewLease` take the worker id: a worker that lost its lease (it was
 * too slow and another worker took the job) changes nothing and is told so (`false`).
 */
export class DbJobQueue {
  private readonly kysely: Kysely<Database>;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    options: DbJobQueueOptions = {},
  ) {
    this.kysely = db.kysely;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
  }

  /**
   * Takes one due job: a running one whose lease expired (its worker crashed) first, else the queued one with the
   * oldest `run_at` ≤ now. Returns undefined when none is due.
   * @param lockMs how long the lease lasts before another worker may take the job (renew with {@link renewLease})
   * @param kinds only these kinds (default all)
   */
  async claimNext(workerId: string, lockMs: number, kinds?: readonly JobKind[]): Promise<ClaimedJob | undefined> {
    if (kinds?.length === 0) return undefined;
    const nowMs = this.clock.nowMs();
    const now = isoAt(nowMs);
    const lockedUntil = isoAt(nowMs + lockMs);
    const take = async (trx: Kysely<Database>): Promise<Selectable<JobsTable> | undefined> => {
      await this.buryCrashLooped(trx, now);
      // Expired leases first (few rows: at most the workers' concurrency), then the queued job due longest ago;
      // each an index step on jobs_lease / jobs_due, however long the queue.
      const pick = (status: 'running' | 'queued') =>
        trx
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', status)
          .$if(status === 'running', (qb) => qb.where('locked_until', '<=', now).orderBy('locked_until'))
          .$if(status === 'queued', (qb) => qb.where('run_at', '<=', now).orderBy('run_at').orderBy('id'))
          .$if(kinds !== undefined, (qb) => qb.where('kind', 'in', kinds!))
          .limit(1)
          .$if(this.db.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked());
      const lease = (status: 'running' | 'queued') =>
        trx
          .updateTable('jobs')
          .set((eb) => ({
            status: 'running',
            attempts: eb('attempts', '+', 1),
            locked_by: workerId,
            locked_until: lockedUntil,
            updated_at: now,
          }))
          .where('id', '=', pick(status))
          .returningAll()
          .executeTakeFirst();
      return (await lease('running')) ?? (await lease('queued'));
    };
    const row = this.db.dialect === 'sqlite' ? await this.immediate(take) : await take(this.kysely);
    if (!row) return undefined;
    return {
      id: row.id,
      kind: row.kind as JobKind,
      workspaceId: row.workspace_id,
      payload: JSON.parse(row.payload_json) as JobPayload,
      attempts: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
      lockedBy: workerId,
      lockedUntil,
    };
  }

  /** Extends a held lease to now + `lockMs`; false when the worker no longer holds the job. */
  async renewLease(id: string, workerId: string, lockMs: number): Promise<boolean> {
    const nowMs = this.clock.nowMs();
    const result = await this.kysely
      .updateTable('jobs')
      .set({ locked_until: isoAt(nowMs + lockMs), updated_at: isoAt(nowMs) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks a held job done; false when the worker no longer holds it. */
  async complete(id: string, workerId: string): Promise<boolean> {
    const result = await this.kysely
      .updateTable('jobs')
      .set({ status: 'done', locked_by: null, locked_until: null, updated_at: isoAt(this.clock.nowMs()) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Puts a failed job back with exponential backoff and jitter after `attempts` attempts, or into the dead-letter
   * state when `attempts` reached its `max_attempts`. Undefined when the worker no longer holds the job.
   */
  async retryLater(id: string, workerId: string, error: string, attempts: number): Promise<RetryOutcome | undefined> {
    const nowMs = this.clock.nowMs();
    const runAt = isoAt(nowMs + backoffDelayMs(attempts, this.backoff, this.random));
    const row = await this.kysely
      .updateTable('jobs')
      .set((eb) => ({
        status: eb
          .case()
          .when('max_attempts', '<=', attempts)
          .then(eb.val<JobStatus>('dead'))
          .else(eb.val<JobStatus>('queued'))
          .end(),
        run_at: runAt,
        locked_by: null,
        locked_until: null,
        last_error: truncate(error),
        updated_at: isoAt(nowMs),
      }))
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .returning('status')
      .executeTakeFirst();
    if (!row) return undefined;
    return row.status === 'dead' ? { status: 'dead' } : { status: 'queued', runAt };
  }

  /** Moves a held job to the dead-letter state at once; false when the worker no longer holds it. */
  async deadLetter(id: string, workerId: string, error: string): Promise<boolean> {
    const result = await this.kysely
      .updateTable('jobs')
      .set({
        status: 'dead',
        locked_by: null,
        locked_until: null,
        last_error: truncate(error),
        updated_at: isoAt(this.clock.nowMs()),
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Dead jobs, most recently dead first, optionally of one workspace.
   * @param limit at most this many (default 100)
   */
  async listDead(workspaceId?: string, limit = 100): Promise<DeadJob[]> {
    const rows = await this.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', 'dead')
      .$if(workspaceId !== undefined, (qb) => qb.where('workspace_id', '=', workspaceId!))
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      workspaceId: row.workspace_id,
      payload: JSON.parse(row.payload_json) as unknown,
      attempts: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
      lastError: row.last_error,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  /**
   * An admin's second chance for a dead job: queued again, due now, with its attempts reset (its last error kept).
   * With `workspaceId`, only a job of that workspace (another workspace's job answers not found).
   * @throws {DomainError} `not_found` when there is no such job, `invalid_state` when it is not dead
   */
  async requeue(id: string, workspaceId?: string): Promise<void> {
    const now = isoAt(this.clock.nowMs());
    const result = await this.kysely
      .updateTable('jobs')
      .set({ status: 'queued', attempts: 0, run_at: now, locked_by: null, locked_until: null, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .$if(workspaceId !== undefined, (qb) => qb.where('workspace_id', '=', workspaceId!))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return;
    const row = await this.kysely
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', id)
      .$if(workspaceId !== undefined, (qb) => qb.where('workspace_id', '=', workspaceId!))
      .executeTakeFirst();
    if (!row) throw errors.notFound('job', id);
    throw errors.invalidState('job', row.status, 'requeue');
  }

  /** Counts per status and per kind and status, and the lag of the oldest due job. */
  async stats(): Promise<JobQueueStats> {
    const now = isoAt(this.clock.nowMs());
    const rows = await this.kysely
      .selectFrom('jobs')
      .select(['kind', 'status', (eb) => eb.fn.countAll<number | string | bigint>().as('count')])
      .groupBy(['kind', 'status'])
      .orderBy('kind')
      .orderBy('status')
      .execute();
    const oldest = await this.kysely
      .selectFrom('jobs')
      .select((eb) => eb.fn.min('run_at').as('run_at'))
      .where('status', '=', 'queued')
      .where('run_at', '<=', now)
      .executeTakeFirst();
    const byStatus = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
    const byKindAndStatus = rows.map((row) => {
      const count = Number(row.count);
      byStatus[row.status] += count;
      return { kind: row.kind, status: row.status, count };
    });
    const lag = oldest?.run_at ? Math.max(0, Date.parse(now) - Date.parse(oldest.run_at)) : 0;
    return { byStatus, byKindAndStatus, oldestDueLagMs: lag };
  }

  /**
   * A job whose lease ran out after its last attempt (its worker died on it, every time) is not taken again: it goes
   * to the dead-letter state, so a job that crashes its worker cannot crash every worker forever.
   */
  private async buryCrashLooped(trx: Kysely<Database>, now: string): Promise<void> {
    await trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'dead',
        last_error: sql<string>`${'lease expired on the last attempt (the worker stopped or crashed); last error: '} || coalesce(${eb.ref('last_error')}, ${'none'})`,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      }))
      .where('status', '=', 'running')
      .where('locked_until', '<=', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute();
  }

  /** Runs `work` inside `BEGIN IMMEDIATE` on SQLite: the write lock is taken up front, so no upgrade can fail. */
  private async immediate<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.kysely.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await work(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (error) {
        await sql`rollback`.execute(conn);
        throw error;
      }
    });
  }
}

function truncate(text: string): string {
  return text.length <= MAX_ERROR_CHARS ? text : `${text.slice(0, MAX_ERROR_CHARS - 1)}…`;
}
