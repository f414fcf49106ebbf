import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyAuditChain } from '@proofdesk/domain';
import { createTestDatabase, insertBareWorkspaces, TEST_DIALECTS, type TestDatabase } from '../../testing/databases.js';
import { Uuid7IdGenerator } from '../system/uuid7.id-generator.js';
import { appendAudit, toChainedEvent } from './audit.repository.js';
import { BatchCommitter, GroupCommitter } from './group-commit.js';

for (const dialect of TEST_DIALECTS) {
  describe(`group commit on ${dialect}`, () => {
    let t: TestDatabase;
    const ids = new Uuid7IdGenerator();
    before(async () => {
      t = await createTestDatabase(dialect);
      await insertBareWorkspaces(t.db, ['w']);
    });
    after(() => t.dispose());

    it('commits concurrent calls, rolls back only the ones that fail, and resolves each after its commit', async () => {
      const committer = new GroupCommitter(t.db, 16);
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, (_, n) =>
          committer.run(async (trx) => {
            await appendAudit(trx, ids, {
              workspaceId: 'w',
              at: '2026-11-01T00:00:00.000Z',
              actor: 'user:u',
              action: 'test.written',
              subjectType: 'test',
              subjectId: `s${n}`,
              data: { n },
            });
            if (n % 5 === 4) throw new Error(`call ${n} fails`);
            // Visible to a reader outside the transaction only once committed: the caller is told after that.
            return n;
          }),
        ),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      assert.equal(ok.length, 48);
      assert.equal(results.filter((r) => r.status === 'rejected').length, 12);
      const rows = await t.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('workspace_id', '=', 'w')
        .orderBy('seq')
        .execute();
      assert.equal(rows.length, 48);
      assert.ok(rows.every((r) => (JSON.parse(r.data_json) as { n: number }).n % 5 !== 4));
      assert.deepEqual(verifyAuditChain(rows.map(toChainedEvent)), { ok: true, checked: 48 });
    });

    it('batches the calls of one turn and, when a batch statement fails, writes each call alone so only it fails', async () => {
      const batchSizes: number[] = [];
      const committer = new BatchCommitter<string, string>(t.db, async (trx, subjects) => {
        batchSizes.push(subjects.length);
        // A duplicate id breaks the multi-row insert: the whole batch, until each call is written alone.
        await trx
          .insertInto('workspaces')
          .values(subjects.map((s) => ({ id: s, slug: s, name: s, policy_json: '{}', created_at: '2026-11-01' })))
          .execute();
        return subjects.map((s) => ({ ok: true, value: s }));
      });
      const results = await Promise.allSettled(['b1', 'b2', 'w', 'b3'].map((s) => committer.run(s)));
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'fulfilled', 'rejected', 'fulfilled'],
      );
      assert.deepEqual(batchSizes, [4, 1, 1, 1, 1]);
      const stored = await t.db.kysely.selectFrom('workspaces').select('id').where('id', 'like', 'b%').execute();
      assert.deepEqual(stored.map((r) => r.id).sort(), ['b1', 'b2', 'b3']);
    });
  });
}
