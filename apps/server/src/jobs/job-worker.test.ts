import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, beforeEach, describe, it } from 'node:test';
import { openDatabase } from '../adapters/db/database.js';
import { DbJobQueue } from '../adapters/queue/db.job-queue.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import { isoAt, ManualClock, systemClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.js';
import type { JobPayload, JobResult } from './job-types.js';
import { JobWorker, type JobHandlers, type JobLogger } from './job-worker.js';

/** Keeps log lines in memory, so tests can read what the worker said. */
class MemoryLogger implements JobLogger {
  readonly lines: { level: string; msg: string; obj: Record<string, unknown> }[] = [];
  info(obj: object, msg: string): void {
    this.lines.push({ level: 'info', msg, obj: obj as Record<string, unknown> });
  }
  warn(obj: object, msg: string): void {
    this.lines.push({ level: 'warn', msg, obj: obj as Record<string, unknown> });
  }
  error(obj: object, msg: string): void {
    this.lines.push({ level: 'error', msg, obj: obj as Record<string, unknown> });
  }
}

/** Handlers whose analyse_evidence behaviour is chosen per evidence id: `results` is consumed one per attempt. */
function scriptedHandlers(script: Map<string, (JobResult | Error)[]>, calls: string[]): JobHandlers {
  return {
    analyse_evidence: (payload, ctx) => {
      calls.push(`${payload.evidenceId}#${ctx.attempt}`);
      const next = script.get(payload.evidenceId)?.shift() ?? { outcome: 'done' };
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    reanalyse_workspace: (payload) =>
      Promise.resolve({ outcome: 'skipped', why: `no claims for ${payload.referencePhotoId}` }),
    expire_merchant_window: () => Promise.resolve({ outcome: 'done' }),
    'sla.check': () => Promise.resolve({ outcome: 'done' }),
    'notify.deliver': () => Promise.resolve({ outcome: 'done' }),
    'complaint.sla_check': () => Promise.resolve({ outcome: 'done' }),
    'feed.publish': () => Promise.resolve({ outcome: 'done' }),
    'feed.pull': () => Promise.resolve({ outcome: 'done' }),
  } satisfies JobHandlers;
}

const analyse = (n: number): JobPayload => ({ kind: 'analyse_evidence', workspaceId: 'w1', evidenceId: `e${n}` });

for (const dialect of TEST_DIALECTS) {
  describe(`JobWorker on ${dialect}`, () => {
    let t: TestDatabase;
    const clock = new ManualClock();
    const ids = new Uuid7IdGenerator(clock);
    const enqueue = (payload: JobPayload, maxAttempts = 5) =>
      t.db.kysely
        .transaction()
        .execute((trx) => enqueueJob(trx, ids, payload, { runAt: isoAt(clock.nowMs()), maxAttempts }));
    const statusOf = async (id: string) =>
      (
        await t.db.kysely
          .selectFrom('jobs')
          .select(['status', 'attempts'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;

    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(() => t.dispose());
    beforeEach(async () => {
      await t.db.kysely.deleteFrom('jobs').execute();
    });

    it('maps handler results: done and skipped finish, failed is dead at once, a throw is retried with backoff', async () => {
      const calls: string[] = [];
      const logger = new MemoryLogger();
      const script = new Map<string, (JobResult | Error)[]>([
        ['e1', [new Error('decoder crashed'), { outcome: 'retry', why: 'blob not there yet' }, { outcome: 'done' }]],
        ['e2', [{ outcome: 'failed', why: 'evidence deleted' }]],
      ]);
      const queue = new DbJobQueue(t.db, clock, { random: () => 0.5 });
      const worker = new JobWorker({ queue, handlers: scriptedHandlers(script, calls), logger, workerId: 'w-a' });
      const e1 = await enqueue(analyse(1));
      const e2 = await enqueue(analyse(2));
      const re = await enqueue({ kind: 'reanalyse_workspace', workspaceId: 'w1', referencePhotoId: 'r9' });

      assert.equal(await worker.runUntilIdle(), 3);
      assert.equal(await statusOf(e1), 'queued');
      assert.equal(await statusOf(e2), 'dead');
      assert.equal(await statusOf(re), 'done');
      clock.advance(999);
      assert.equal(await worker.runUntilIdle(), 0, 'the first retry waits 1 s');
      clock.advance(1);
      assert.equal(await worker.runUntilIdle(), 1);
      clock.advance(3_999);
      assert.equal(await worker.runUntilIdle(), 0, 'the second retry waits 4 s');
      clock.advance(1);
      assert.equal(await worker.runUntilIdle(), 1);
      assert.equal(await statusOf(e1), 'done');
      assert.deepEqual(calls, ['e1#1', 'e2#1', 'e1#2', 'e1#3']);
      assert.deepEqual(
        (await queue.listDead()).map((j) => [j.id, j.lastError]),
        [[e2, 'evidence deleted']],
      );
      assert.ok(logger.lines.some((l) => l.msg === 'job skipped' && l.obj.why === 'no claims for r9'));
      assert.ok(logger.lines.some((l) => l.msg === 'job handler threw' && l.obj.jobId === e1 && l.obj.attempt === 1));
      assert.ok(logger.lines.some((l) => l.level === 'error' && l.msg === 'job failed' && l.obj.jobId === e2));
    });

    it('dead-letters a job that keeps throwing after max attempts; requeued, it runs again', async () => {
      const calls: string[] = [];
      const logger = new MemoryLogger();
      const script = new Map<string, (JobResult | Error)[]>([['e1', [new Error('1'), new Error('2'), new Error('3')]]]);
      const queue = new DbJobQueue(t.db, clock, { random: () => 0.5 });
      const worker = new JobWorker({ queue, handlers: scriptedHandlers(script, calls), logger });
      const id = await enqueue(analyse(1), 3);
      for (let i = 0; i < 3; i++) {
        await worker.runUntilIdle();
        clock.advance(60_000);
      }
      assert.equal(await statusOf(id), 'dead');
      assert.equal((await queue.listDead('w1'))[0]?.lastError, 'Error: 3');
      assert.ok(logger.lines.some((l) => l.msg === 'job dead after its last attempt'));
      await queue.requeue(id, 'w1');
      assert.equal(await worker.runUntilIdle(), 1);
      assert.equal(await statusOf(id), 'done');
      assert.deepEqual(calls, ['e1#1', 'e1#2', 'e1#3', 'e1#1']);
    });

    it("takes over a crashed worker's job after its lease expires", async () => {
      const calls: string[] = [];
      const queue = new DbJobQueue(t.db, clock);
      const id = await enqueue(analyse(1));
      // Worker A takes the job and dies without a word.
      assert.equal((await queue.claimNext('crashed-worker', 60_000))?.id, id);
      const b = new JobWorker({ queue, handlers: scriptedHandlers(new Map(), calls), logger: new MemoryLogger() });
      assert.equal(await b.runUntilIdle(), 0);
      clock.advance(60_000);
      assert.equal(await b.runUntilIdle(), 1);
      assert.deepEqual(calls, ['e1#2']);
      assert.equal(await statusOf(id), 'done');
    });

    it('runs a job enqueued in the same process at once on notify(), and stop() waits for the running job', async () => {
      const queue = new DbJobQueue(t.db, systemClock);
      let release: () => void = () => undefined;
      const started: string[] = [];
      const finished: string[] = [];
      const handlers: JobHandlers = {
        analyse_evidence: async (payload) => {
          started.push(payload.evidenceId);
          await new Promise<void>((resolve) => (release = resolve));
          finished.push(payload.evidenceId);
          return { outcome: 'done' };
        },
        reanalyse_workspace: () => Promise.resolve({ outcome: 'done' }),
        expire_merchant_window: () => Promise.resolve({ outcome: 'done' }),
        'sla.check': () => Promise.resolve({ outcome: 'done' }),
        'notify.deliver': () => Promise.resolve({ outcome: 'done' }),
        'complaint.sla_check': () => Promise.resolve({ outcome: 'done' }),
        'feed.publish': () => Promise.resolve({ outcome: 'done' }),
        'feed.pull': () => Promise.resolve({ outcome: 'done' }),
      };
      const worker = new JobWorker({ queue, handlers, logger: new MemoryLogger(), pollIntervalMs: 60_000 });
      worker.start();
      await sleep(50); // the loop found nothing and sleeps for a minute
      const sentAtMs = Date.now();
      const id = await t.db.kysely
        .transaction()
        .execute((trx) => enqueueJob(trx, ids, analyse(7), { runAt: isoAt(Date.now()) }));
      worker.notify();
      while (started.length === 0) {
        assert.ok(Date.now() - sentAtMs < 5_000, 'notify() did not wake the worker');
        await sleep(5);
      }
      const stopping = worker.stop();
      let stopped = false;
      void stopping.then(() => (stopped = true));
      await sleep(50);
      assert.equal(stopped, false, 'stop() must wait for the running job');
      release();
      await stopping;
      assert.deepEqual(finished, ['e7']);
      assert.equal(await statusOf(id), 'done');
    });

    it('two workers (concurrency 2 each; on PostgreSQL with separate pools) run 200 jobs exactly once', async () => {
      const count = 200;
      await t.db.kysely.transaction().execute(async (trx) => {
        for (let n = 0; n < count; n++) await enqueueJob(trx, ids, analyse(n), { runAt: isoAt(Date.now()) });
      });
      const runs = new Map<string, number>();
      const byWorker = new Map<string, number>();
      const handlersFor = (name: string): JobHandlers => ({
        analyse_evidence: async (payload) => {
          runs.set(payload.evidenceId, (runs.get(payload.evidenceId) ?? 0) + 1);
          byWorker.set(name, (byWorker.get(name) ?? 0) + 1);
          await sleep(1);
          return { outcome: 'done' };
        },
        reanalyse_workspace: () => Promise.resolve({ outcome: 'done' }),
        expire_merchant_window: () => Promise.resolve({ outcome: 'done' }),
        'sla.check': () => Promise.resolve({ outcome: 'done' }),
        'notify.deliver': () => Promise.resolve({ outcome: 'done' }),
        'complaint.sla_check': () => Promise.resolve({ outcome: 'done' }),
        'feed.publish': () => Promise.resolve({ outcome: 'done' }),
        'feed.pull': () => Promise.resolve({ outcome: 'done' }),
      });
      // PostgreSQL: a second pool, as a second worker process would have. SQLite: one connection per process (two
      // better-sqlite3 connections in one process block each other's event loop on the write lock), so both workers
      // share it, as in embedded mode.
      const second = dialect === 'postgres' ? await openDatabase(t.spec) : t.db;
      try {
        const workers = [
          new JobWorker({
            queue: new DbJobQueue(t.db, systemClock),
            handlers: handlersFor('a'),
            logger: new MemoryLogger(),
            concurrency: 2,
            pollIntervalMs: 20,
          }),
          new JobWorker({
            queue: new DbJobQueue(second, systemClock),
            handlers: handlersFor('b'),
            logger: new MemoryLogger(),
            concurrency: 2,
            pollIntervalMs: 20,
          }),
        ];
        const startedMs = Date.now();
        for (const w of workers) w.start();
        for (;;) {
          const done = await t.db.kysely
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('status', '=', 'done')
            .executeTakeFirstOrThrow();
          if (Number(done.n) === count) break;
          assert.ok(Date.now() - startedMs < 30_000, `only ${String(done.n)} of ${count} done after 30 s`);
          await sleep(20);
        }
        await Promise.all(workers.map((w) => w.stop()));
      } finally {
        if (second !== t.db) await second.close();
      }
      assert.equal(runs.size, count);
      assert.deepEqual([...new Set(runs.values())], [1], 'a job ran twice');
      const attempts = await t.db.kysely.selectFrom('jobs').select('attempts').distinct().execute();
      assert.deepEqual(
        attempts.map((r) => Number(r.attempts)),
        [1],
      );
      assert.ok(
        (byWorker.get('a') ?? 0) > 0 && (byWorker.get('b') ?? 0) > 0,
        `both workers worked: ${JSON.stringify([...byWorker])}`,
      );
    });
  });
}
