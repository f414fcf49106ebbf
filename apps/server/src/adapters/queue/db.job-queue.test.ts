import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DomainError } from '@proofdesk/domain';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../testing/databases.js';
import type { JobPayload } from '../../jobs/job-types.js';
import { isoAt, ManualClock } from '../system/system-clock.js';
import { Uuid7IdGenerator } from '../system/uuid7.id-generator.js';
import { backoffDelayMs, DEFAULT_BACKOFF } from './backoff.js';
import { DbJobQueue } from './db.job-queue.js';
import { enqueueJob } from './enqueue-job.js';

describe('backoffDelayMs', () => {
  it('grows 1 s, 4 s, 16 s, 64 s … up to the cap, spread by the jitter', () => {
    const mid = () => 0.5;
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => backoffDelayMs(n, DEFAULT_BACKOFF, mid)),
      [1_000, 4_000, 16_000, 64_000],
    );
    assert.equal(backoffDelayMs(20, DEFAULT_BACKOFF, mid), 15 * 60_000);
    assert.equal(
      backoffDelayMs(2, DEFAULT_BACKOFF, () => 0),
      3_200,
    );
    assert.equal(
      backoffDelayMs(2, DEFAULT_BACKOFF, () => 0.999999),
      4_800,
    );
  });
});

const analyse = (workspaceId: string, n: number): JobPayload => ({
  kind: 'analyse_evidence',
  workspaceId,
  evidenceId: `e${n}`,
});

for (const dialect of TEST_DIALECTS) {
  describe(`DbJobQueue on ${dialect}`, () => {
    let t: TestDatabase;
    let queue: DbJobQueue;
    const clock = new ManualClock();
    const ids = new Uuid7IdGenerator(clock);
    const enqueue = (payload: JobPayload, maxAttempts?: number) =>
      t.db.kysely
        .transaction()
        .execute((trx) =>
          enqueueJob(trx, ids, payload, { runAt: isoAt(clock.nowMs()), ...(maxAttempts ? { maxAttempts } : {}) }),
        );

    before(async () => {
      t = await createTestDatabase(dialect);
      queue = new DbJobQueue(t.db, clock, { random: () => 0.5 });
    });
    after(() => t.dispose());
    beforeEach(async () => {
      await t.db.kysely.deleteFrom('jobs').execute();
    });

    it('has no job when the enqueuing transaction rolls back, and one when it commits', async () => {
      await assert.rejects(
        t.db.kysely.transaction().execute(async (trx) => {
          await enqueueJob(trx, ids, analyse('w1', 1), { runAt: isoAt(clock.nowMs()) });
          throw new Error('upload failed');
        }),
        /upload failed/,
      );
      assert.equal(await queue.claimNext('a', 30_000), undefined);
      const id = await enqueue(analyse('w1', 2));
      const job = await queue.claimNext('a', 30_000);
      assert.equal(job?.id, id);
      assert.deepEqual(job?.payload, analyse('w1', 2));
      assert.equal(job?.attempts, 1);
      assert.equal(job?.lockedBy, 'a');
      assert.equal(await queue.claimNext('b', 30_000), undefined, 'a leased job is not taken twice');
      assert.equal(await queue.complete(id, 'a'), true);
      assert.equal((await queue.stats()).byStatus.done, 1);
    });

    it('takes due jobs oldest first, leaves future ones, and filters by kind', async () => {
      const first = await enqueue(analyse('w1', 1));
      clock.advance(1);
      const second = await enqueue({ kind: 'expire_merchant_window', workspaceId: 'w1', claimId: 'c1' });
      await t.db.kysely
        .transaction()
        .execute((trx) => enqueueJob(trx, ids, analyse('w1', 3), { runAt: isoAt(clock.nowMs() + 60_000) }));
      assert.equal((await queue.claimNext('a', 1_000, ['expire_merchant_window']))?.id, second);
      assert.equal(await queue.claimNext('a', 1_000, ['expire_merchant_window']), undefined);
      assert.equal(await queue.claimNext('a', 1_000, []), undefined);
      assert.equal((await queue.claimNext('a', 1_000))?.id, first);
      assert.equal(await queue.claimNext('a', 1_000), undefined, 'the third is not due for a minute');
    });

    it('retries with exponential backoff, then dead-letters after max attempts; requeue gives it another life', async () => {
      const id = await enqueue(analyse('w1', 1), 3);
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 2; attempt++) {
        const job = await queue.claimNext('a', 30_000);
        assert.equal(job?.attempts, attempt);
        const outcome = await queue.retryLater(id, 'a', `boom ${attempt}`, attempt);
        assert.equal(outcome?.status, 'queued');
        const runAtMs = Date.parse(outcome?.status === 'queued' ? outcome.runAt : '');
        delays.push(runAtMs - clock.nowMs());
        clock.advance(runAtMs - clock.nowMs() - 1);
        assert.equal(await queue.claimNext('a', 30_000), undefined, 'not due 1 ms before its run_at');
        clock.advance(1);
      }
      assert.deepEqual(delays, [1_000, 4_000]);
      const last = await queue.claimNext('a', 30_000);
      assert.equal(last?.attempts, 3);
      assert.deepEqual(await queue.retryLater(id, 'a', 'boom 3', 3), { status: 'dead' });
      clock.advance(3_600_000);
      assert.equal(await queue.claimNext('a', 30_000), undefined, 'a dead job is never taken');

      const dead = await queue.listDead('w1');
      assert.equal(dead.length, 1);
      assert.equal(dead[0]?.id, id);
      assert.equal(dead[0]?.lastError, 'boom 3');
      assert.equal(dead[0]?.attempts, 3);
      assert.deepEqual(await queue.listDead('w2'), []);
      assert.equal((await queue.stats()).byStatus.dead, 1);

      await assert.rejects(queue.requeue(id, 'w2'), (e: unknown) => e instanceof DomainError && e.code === 'not_found');
      await queue.requeue(id, 'w1');
      await assert.rejects(queue.requeue(id), (e: unknown) => e instanceof DomainError && e.code === 'invalid_state');
      await assert.rejects(queue.requeue('nope'), (e: unknown) => e instanceof DomainError && e.code === 'not_found');
      const again = await queue.claimNext('a', 30_000);
      assert.equal(again?.id, id);
      assert.equal(again?.attempts, 1);
      assert.deepEqual(await queue.listDead(), []);
    });

    it('dead-letters at once on deadLetter', async () => {
      const id = await enqueue(analyse('w1', 1));
      await queue.claimNext('a', 30_000);
      assert.equal(await queue.deadLetter(id, 'a', 'photo is gone'), true);
      assert.equal((await queue.listDead())[0]?.lastError, 'photo is gone');
    });

    it("gives a crashed worker's job to another once the lease expires; the late worker changes nothing", async () => {
      const id = await enqueue(analyse('w1', 1));
      const crashed = await queue.claimNext('a', 30_000);
      assert.equal(crashed?.id, id);
      clock.advance(29_999);
      assert.equal(await queue.claimNext('b', 30_000), undefined, 'the lease still holds');
      clock.advance(1);
      const taken = await queue.claimNext('b', 30_000);
      assert.equal(taken?.id, id);
      assert.equal(taken?.attempts, 2, 'the crashed attempt counts');
      assert.equal(await queue.complete(id, 'a'), false);
      assert.equal(await queue.retryLater(id, 'a', 'late', 1), undefined);
      assert.equal(await queue.deadLetter(id, 'a', 'late'), false);
      assert.equal(await queue.renewLease(id, 'a', 30_000), false);
      assert.equal(await queue.renewLease(id, 'b', 30_000), true);
      assert.equal(await queue.complete(id, 'b'), true);
    });

    it('renewing the lease keeps a slow job from being taken', async () => {
      const id = await enqueue(analyse('w1', 1));
      await queue.claimNext('a', 30_000);
      clock.advance(20_000);
      assert.equal(await queue.renewLease(id, 'a', 30_000), true);
      clock.advance(20_000);
      assert.equal(await queue.claimNext('b', 30_000), undefined);
    });

    it('buries a job that crashed its worker on every attempt instead of handing it out forever', async () => {
      const id = await enqueue(analyse('w1', 1), 2);
      await queue.claimNext('a', 1_000);
      clock.advance(1_000);
      assert.equal((await queue.claimNext('b', 1_000))?.attempts, 2);
      clock.advance(1_000);
      assert.equal(await queue.claimNext('c', 1_000), undefined);
      const dead = await queue.listDead();
      assert.equal(dead[0]?.id, id);
      assert.match(dead[0]?.lastError ?? '', /lease expired on the last attempt/);
    });

    it('counts jobs per status and kind, with the lag of the oldest due job', async () => {
      await enqueue(analyse('w1', 1));
      await enqueue(analyse('w1', 2));
      await enqueue({ kind: 'reanalyse_workspace', workspaceId: 'w1', referencePhotoId: 'r1' });
      const job = await queue.claimNext('a', 30_000);
      clock.advance(5_000);
      const stats = await queue.stats();
      assert.deepEqual(stats.byStatus, { queued: 2, running: 1, done: 0, dead: 0 });
      assert.deepEqual(
        stats.byKindAndStatus.map((r) => [r.kind, r.status, r.count]),
        [
          ['analyse_evidence', 'queued', 1],
          ['analyse_evidence', 'running', 1],
          ['reanalyse_workspace', 'queued', 1],
        ],
      );
      assert.equal(stats.oldestDueLagMs, 5_000);
      assert.equal(job?.kind, 'analyse_evidence');
    });
  });
}
