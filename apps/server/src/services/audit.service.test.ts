import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditEventHash } from '@proofdesk/domain';
import { sql } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.js';
import { verifyAllChains, verifyWorkspaceChain } from './audit.service.js';

const ids = new Uuid7IdGenerator();

/** Appends `n` events to the chain of `workspaceId`, each in its own transaction as the services do. */
async function appendEvents(t: TestDatabase, workspaceId: string, n: number): Promise<void> {
  for (let i = 1; i <= n; i++)
    await t.db.kysely.transaction().execute((trx) =>
      appendAudit(trx, ids, {
        workspaceId,
        at: `2026-11-01T08:00:${String(i % 60).padStart(2, '0')}.000Z`,
        actor: 'user:reviewer-1',
        action: 'claim.decided',
        subjectType: 'claim',
        subjectId: `c${i}`,
        data: { outcome: 'rejected', note: '照片与商品主图一致，仅添加了裂纹', amountFen: 1990 + i },
      }),
    );
}

const idOf = async (t: TestDatabase, workspaceId: string, seq: number) =>
  (
    await t.db.kysely
      .selectFrom('audit_events')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow()
  ).id;

for (const dialect of TEST_DIALECTS) {
  describe(`audit service on ${dialect}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
      for (const ws of ['ws-ok', 'ws-edit', 'ws-gap', 'ws-tail', 'ws-rehash', 'ws-garbage'])
        await appendEvents(t, ws, 8);
    });
    after(() => t.dispose());

    it('verifies an intact chain across page boundaries, and an unknown workspace as empty', async () => {
      for (const pageSize of [1, 3, 8, 1000])
        assert.deepEqual(await verifyWorkspaceChain(t.db, 'ws-ok', { pageSize }), {
          workspaceId: 'ws-ok',
          ok: true,
          checked: 8,
        });
      assert.deepEqual(await verifyWorkspaceChain(t.db, 'nobody'), { workspaceId: 'nobody', ok: true, checked: 0 });
    });

    it('names the row whose data_json was altered with plain SQL, whatever the page size', async () => {
      await sql`update audit_events set data_json = ${JSON.stringify({ outcome: 'approved', amountFen: 1995 })}
        where workspace_id = ${'ws-edit'} and seq = ${5}`.execute(t.db.kysely);
      const id = await idOf(t, 'ws-edit', 5);
      for (const pageSize of [2, 4, 1000]) {
        const report = await verifyWorkspaceChain(t.db, 'ws-edit', { pageSize });
        assert.equal(report.ok, false);
        assert.equal(report.checked, 4);
        assert.deepEqual(
          { id: report.firstBreak?.id, seq: report.firstBreak?.seq, reason: report.firstBreak?.reason },
          { id, seq: 5, reason: 'hash_mismatch' },
        );
        assert.match(report.firstBreak?.text.zh ?? '', /被修改/);
      }
    });

    it('names the row after a deleted one (sequence gap)', async () => {
      await sql`delete from audit_events where workspace_id = ${'ws-gap'} and seq = ${3}`.execute(t.db.kysely);
      const report = await verifyWorkspaceChain(t.db, 'ws-gap', { pageSize: 2 });
      assert.deepEqual(
        { id: report.firstBreak?.id, seq: report.firstBreak?.seq, reason: report.firstBreak?.reason },
        { id: await idOf(t, 'ws-gap', 4), seq: 4, reason: 'sequence_gap' },
      );
    });

    it('notices rows deleted from the end through the recorded head', async () => {
      await sql`delete from audit_events where workspace_id = ${'ws-tail'} and seq >= ${7}`.execute(t.db.kysely);
      const report = await verifyWorkspaceChain(t.db, 'ws-tail');
      assert.equal(report.ok, false);
      assert.equal(report.checked, 6);
      assert.deepEqual(
        { id: report.firstBreak?.id, seq: report.firstBreak?.seq, reason: report.firstBreak?.reason },
        { id: null, seq: 7, reason: 'head_mismatch' },
      );
    });

    it('notices a last row rewritten and re-hashed so that the chain itself holds', async () => {
      const row = await t.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('workspace_id', '=', 'ws-rehash')
        .where('seq', '=', 8)
        .executeTakeFirstOrThrow();
      const data = { outcome: 'approved' };
      const hash = auditEventHash(row.prev_hash, {
        workspaceId: row.workspace_id,
        seq: 8,
        at: row.at,
        actor: row.actor,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        data,
      });
      await t.db.kysely
        .updateTable('audit_events')
        .set({ data_json: JSON.stringify(data), hash })
        .where('id', '=', row.id)
        .execute();
      const report = await verifyWorkspaceChain(t.db, 'ws-rehash');
      assert.deepEqual(
        { id: report.firstBreak?.id, seq: report.firstBreak?.seq, reason: report.firstBreak?.reason },
        { id: row.id, seq: 8, reason: 'head_mismatch' },
      );
    });

    it('reads data_json that is no longer JSON as an altered row instead of crashing', async () => {
      await sql`update audit_events set data_json = ${'{oops'} where workspace_id = ${'ws-garbage'} and seq = ${1}`.execute(
        t.db.kysely,
      );
      const report = await verifyWorkspaceChain(t.db, 'ws-garbage');
      assert.equal(report.firstBreak?.reason, 'hash_mismatch');
      assert.equal(report.firstBreak?.seq, 1);
    });

    it('verifies every workspace in id order and reports each as it goes', async () => {
      const seen: string[] = [];
      const reports = await verifyAllChains(t.db, { pageSize: 3, onReport: (r) => seen.push(r.workspaceId) });
      assert.deepEqual(
        reports.map((r) => [r.workspaceId, r.ok]),
        [
          ['ws-edit', false],
          ['ws-gap', false],
          ['ws-garbage', false],
          ['ws-ok', true],
          ['ws-rehash', false],
          ['ws-tail', false],
        ],
      );
      assert.deepEqual(
        seen,
        reports.map((r) => r.workspaceId),
      );
    });
  });
}
