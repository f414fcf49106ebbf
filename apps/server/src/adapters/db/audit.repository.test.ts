import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditChain } from '@proofdesk/domain';
import { createTestDatabase, insertBareWorkspaces, TEST_DIALECTS, type TestDatabase } from '../../testing/databases.js';
import { Uuid7IdGenerator } from '../system/uuid7.id-generator.js';
import { appendAudit, appendAuditBatch, toChainedEvent } from './audit.repository.js';

for (const dialect of TEST_DIALECTS) {
  describe(`audit chain on ${dialect}`, () => {
    let t: TestDatabase;
    const ids = new Uuid7IdGenerator();
    before(async () => {
      t = await createTestDatabase(dialect);
      await insertBareWorkspaces(t.db, ['w1', 'w2', 'w3', 'w4']);
    });
    after(() => t.dispose());

    const entry = (workspaceId: string, n: number) => ({
      workspaceId,
      at: `2026-11-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
      actor: 'user:u1',
      action: 'claim.status_changed',
      subjectType: 'claim',
      subjectId: `c${n}`,
      data: { n, to: 'in_review', nested: { b: 1, a: [1, 2] } },
    });

    it('appends concurrently without forking, one chain per workspace, and verifies', async () => {
      await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          t.db.kysely.transaction().execute((trx) => appendAudit(trx, ids, entry(n % 2 ? 'w1' : 'w2', n))),
        ),
      );
      for (const ws of ['w1', 'w2']) {
        const rows = await t.db.kysely
          .selectFrom('audit_events')
          .selectAll()
          .where('workspace_id', '=', ws)
          .orderBy('seq')
          .execute();
        assert.equal(rows.length, 20);
        assert.deepEqual(verifyAuditChain(rows.map(toChainedEvent)), { ok: true, checked: 20 });
      }
    });

    it('names the first broken row when a stored event is altered', async () => {
      const rows = await t.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('workspace_id', '=', 'w1')
        .orderBy('seq')
        .execute();
      const events = rows.map(toChainedEvent);
      const target = events[6]!;
      events[6] = { ...target, data: { n: 999 } };
      const result = verifyAuditChain(events);
      assert.equal(result.ok, false);
      assert.deepEqual(result.firstBreak, { id: target.id, seq: 7, reason: 'hash_mismatch' });
    });

    it('appends a batch across workspaces as the same chain as one by one, between single appends', async () => {
      await t.db.kysely.transaction().execute(async (trx) => {
        await appendAudit(trx, ids, entry('w3', 1), dialect);
        const mixed = [entry('w3', 2), entry('w4', 3), entry('w3', 4), entry('w4', 5)];
        const events = await appendAuditBatch(trx, ids, mixed, dialect);
        assert.deepEqual(
          events.map((e) => [e.workspaceId, e.seq]),
          [
            ['w3', 2],
            ['w4', 1],
            ['w3', 3],
            ['w4', 2],
          ],
        );
        await appendAudit(trx, ids, entry('w3', 6));
      });
      for (const [ws, count] of [
        ['w3', 4],
        ['w4', 2],
      ] as const) {
        const rows = await t.db.kysely
          .selectFrom('audit_events')
          .selectAll()
          .where('workspace_id', '=', ws)
          .orderBy('seq')
          .execute();
        assert.deepEqual(verifyAuditChain(rows.map(toChainedEvent)), { ok: true, checked: count });
      }
    });

    it('rolls the chain back with the transaction that failed', async () => {
      await assert.rejects(
        t.db.kysely.transaction().execute(async (trx) => {
          await appendAudit(trx, ids, entry('w1', 100));
          throw new Error('change failed');
        }),
      );
      await t.db.kysely.transaction().execute((trx) => appendAudit(trx, ids, entry('w1', 101)));
      const rows = await t.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('workspace_id', '=', 'w1')
        .orderBy('seq')
        .execute();
      assert.equal(rows.length, 21);
      assert.equal(verifyAuditChain(rows.map(toChainedEvent)).ok, true);
    });
  });
}
