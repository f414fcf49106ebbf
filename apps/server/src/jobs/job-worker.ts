import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { ClaimedJob, DbJobQueue } from '../adapters/queue/db.job-queue.js';
import type { JobKind, JobPayload, JobResult } from './job-types.js';

/** What a handler learns of the run besides the payload. */
export interface JobContext {
  /** This attempt's number, from 1. */
  readonly attempt: number;
  readonly jobId: string;
}

/**
 * One handler per job kind, each typed by its own payload. Build the map with `satisfies JobHandlers` so a new kind
 * without a handler fails to compile. Handlers must be idempotent: a job may run again after a crash.
 */
export type JobHandlers = {
  readonly [K in JobKind]: (payload: Extract<JobPayload, { kind: K }>, ctx: JobContext) => Promise<JobResult>;
};

/** A pino-compatible structured logger. */
export interface JobLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobWorkerOptions {
  readonly queue: DbJobQueue;
  readonly handlers: JobHandlers;
  readonly logger: JobLogger;
  /** Names this worker in `jobs.locked_by` (default `<host>:<pid>:<random>`). */
  readonly workerId?: string;
  /** Jobs run at once (default 1, the embedded mode's setting). */
  readonly concurrency?: number;
  /** How often an idle worker looks for due jobs, in ms (default 1000). `notify()` wakes it sooner. */
  readonly pollIntervalMs?: number;
  /** Lease length, in ms (default 60 s); renewed every third of it while a handler runs. */
  readonly lockMs?: number;
  /** Only these kinds (default all). */
  readonly kinds?: readonly JobKind[];
}

/** What one run of a job came to, for tests and logs. */
export type JobRunOutcome = 'done' | 'skipped' | 'retry' | 'dead' | 'lost_lease';

/**
 * Runs queued jobs: `start()` polls in `concurrency` loops until `stop()`; `notify()` wakes idle loops (call it after
 * committing an enqueue in the same process); `runUntilIdle()` runs every due job once and returns (tests, CLI).
 *
 * A handler's result decides the job's fate: `done` / `skipped` → done; `retry` or a thrown error → retried with
 * backoff until `max_attempts`, then dead; `failed` → dead at once. While a handler runs its lease is renewed, so
 * only a crashed worker's job is taken over by another.
 */
export class JobWorker {
  readonly workerId: string;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly lockMs: number;
  private running = false;
  private loops: Promise<void>[] = [];
  private wakers = new Set<() => void>();
  /** Counts `notify()` calls, so a loop that was querying the queue when one came does not go to sleep after it. */
  private notified = 0;

  constructor(private readonly options: JobWorkerOptions) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.lockMs = options.lockMs ?? 60_000;
  }

  /** Starts the polling loops; does nothing when already started. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.logger.info(
      { workerId: this.workerId, concurrency: this.concurrency, kinds: this.options.kinds ?? 'all' },
      'job worker started',
    );
    this.loops = Array.from({ length: this.concurrency }, () => this.loop());
  }

  /** Stops taking jobs and resolves when the jobs already running have finished. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeAll();
    await Promise.all(this.loops);
    this.loops = [];
    this.options.logger.info({ workerId: this.workerId }, 'job worker stopped');
  }

  /** Wakes idle loops now: a job was just enqueued (and committed). */
  notify(): void {
    this.notified += 1;
    this.wakeAll();
  }

  /**
   * Takes and runs due jobs one at a time until none is due; returns how many ran. Jobs retried with a delay are not
   * due yet, so they wait for a later call (tests move a manual clock between calls).
   */
  async runUntilIdle(): Promise<number> {
    let ran = 0;
    for (;;) {
      const job = await this.options.queue.claimNext(this.workerId, this.lockMs, this.options.kinds);
      if (!job) return ran;
      await this.run(job);
      ran += 1;
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const notifiedBefore = this.notified;
      let job: ClaimedJob | undefined;
      try {
        job = await this.options.queue.claimNext(this.workerId, this.lockMs, this.options.kinds);
      } catch (error) {
        this.options.logger.error({ workerId: this.workerId, err: error }, 'job worker could not poll the queue');
      }
      if (job) await this.run(job);
      else if (this.notified === notifiedBefore) await this.idle();
    }
  }

  private idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      this.wakers.add(wake);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** Runs one claimed job and records its outcome; never throws. */
  async run(job: ClaimedJob): Promise<JobRunOutcome> {
    const { queue, logger } = this.options;
    const fields = { jobId: job.id, kind: job.kind, workspaceId: job.workspaceId, attempt: job.attempts };
    const startedMs = Date.now();
    const renew = setInterval(
      () => {
        queue.renewLease(job.id, this.workerId, this.lockMs).then(
          (held) => {
            if (!held) logger.warn(fields, 'job lease lost while running');
          },
          (error: unknown) => logger.warn({ ...fields, err: error }, 'job lease renewal failed'),
        );
      },
      Math.max(1_000, Math.floor(this.lockMs / 3)),
    );
    renew.unref();
    let result: JobResult;
    try {
      const handler = this.options.handlers[job.kind] as
        ((payload: JobPayload, ctx: JobContext) => Promise<JobResult>) | undefined;
      if (!handler) result = { outcome: 'failed', why: `no handler for job kind "${job.kind}"` };
      else result = await handler(job.payload, { attempt: job.attempts, jobId: job.id });
    } catch (error) {
      result = { outcome: 'retry', why: describeError(error) };
      logger.warn({ ...fields, err: error }, 'job handler threw');
    } finally {
      clearInterval(renew);
    }
    const durationMs = Date.now() - startedMs;
    try {
      return await this.settle(job, result, { ...fields, durationMs });
    } catch (error) {
      // The outcome could not be stored: the lease runs out and the job is taken again (handlers are idempotent).
      logger.error({ ...fields, err: error }, 'job outcome could not be recorded');
      return 'lost_lease';
    }
  }

  private async settle(job: ClaimedJob, result: JobResult, fields: object): Promise<JobRunOutcome> {
    const { queue, logger } = this.options;
    const lost = (): JobRunOutcome => {
      logger.warn(fields, 'job lease lost before its outcome was recorded; another worker owns it');
      return 'lost_lease';
    };
    switch (result.outcome) {
      case 'done':
      case 'skipped': {
        if (!(await queue.complete(job.id, this.workerId))) return lost();
        if (result.outcome === 'skipped') logger.info({ ...fields, why: result.why }, 'job skipped');
        else logger.info(fields, 'job done');
        return result.outcome;
      }
      case 'retry': {
        const next = await queue.retryLater(job.id, this.workerId, result.why, job.attempts);
        if (!next) return lost();
        if (next.status === 'dead') {
          logger.error({ ...fields, why: result.why }, 'job dead after its last attempt');
          return 'dead';
        }
        logger.warn({ ...fields, why: result.why, runAt: next.runAt }, 'job will be retried');
        return 'retry';
      }
      case 'failed': {
        if (!(await queue.deadLetter(job.id, this.workerId, result.why))) return lost();
        logger.error({ ...fields, why: result.why }, 'job failed');
        return 'dead';
      }
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
