/**
 * `proofdesk audit verify` end to end: the built CLI in a child process, against a real SQLite file and a real
 * PostgreSQL schema whose audit rows are then altered and deleted with plain SQL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { appendAudit } from '../../adapters/db/audit.repository.js';
import { Uuid7IdGenerator } from '../../adapters/system/uuid7.id-generator.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../testing/databases.js';
import { runCli } from '../../testing/cli-process.js';

const ids = new Uuid7IdGenerator();
async function appendEvents(t: TestDatabase, workspaceId: string, n: number): Promise<void> {
  for (let i = 1; i <= n; i++)
    await t.db.kysely.transaction().execute((trx) =>
      appendAudit(trx, ids, {
        workspaceId,
        at: '2026-11-01T08:00:00.000Z',
        actor: 'system:analysis',
        action: 'claim.status_changed',
        subjectType: 'claim',
        subjectId: `c${i}`,
        data: { from: 'analysing', to: 'awaiting_merchant' },
      }),
    );
}

interface JsonReport {
  ok: boolean;
  workspaces: {
    workspaceId: string;
    ok: boolean;
    checked: number;
    firstBreak?: { id: string; seq: number; reason: string };
  }[];
}

for (const dialect of TEST_DIALECTS) {
  describe(`proofdesk audit verify on ${dialect} (built CLI)`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
      await appendEvents(t, 'shop-a', 5);
      await appendEvents(t, 'shop-b', 3);
    });
    after(() => t.dispose());

    it('prints ok <n> events per workspace and exits 0 while every chain holds', async () => {
      const { status, stdout, stderr } = await runCli(['audit', 'verify', '--database', t.spec]);
      assert.equal(stderr, '');
      assert.equal(status, 0);
      assert.match(stdout, /^shop-a\t完好 5 条记录 \/ ok 5 events$/m);
      assert.match(stdout, /^shop-b\t完好 3 条记录 \/ ok 3 events$/m);
      assert.match(stdout, /审计链全部完好（2 个工作区）\/ all 2 audit chain\(s\) verify/);
    });

    it('names the altered row and the row after a deleted one, exits 1, and --workspace narrows it', async () => {
      await sql`update audit_events set data_json = ${'{"from":"analysing","to":"approved"}'}
        where workspace_id = ${'shop-a'} and seq = ${4}`.execute(t.db.kysely);
      await sql`delete from audit_events where workspace_id = ${'shop-b'} and seq = ${2}`.execute(t.db.kysely);
      const altered = await t.db.kysely
        .selectFrom('audit_events')
        .select('id')
        .where('workspace_id', '=', 'shop-a')
        .where('seq', '=', 4)
        .executeTakeFirstOrThrow();

      const text = await runCli(['audit', 'verify', '--database', t.spec]);
      assert.equal(text.status, 1);
      assert.match(
        text.stdout,
        new RegExp(`^shop-a\\t已损坏 / BROKEN\\tseq 4\\tid ${altered.id}\\thash_mismatch\\t.*被修改.*altered`, 'm'),
      );
      assert.match(text.stdout, /^shop-b\t已损坏 \/ BROKEN\tseq 3\tid \S+\tsequence_gap\t/m);
      assert.match(text.stdout, /2 个工作区的审计链已损坏（共 2 个）\/ 2 of 2 audit chain\(s\) are broken/);

      const json = await runCli(['audit', 'verify', '--database', t.spec, '--workspace', 'shop-a', '--json']);
      assert.equal(json.status, 1);
      const report = JSON.parse(json.stdout) as JsonReport;
      assert.equal(report.ok, false);
      assert.equal(report.workspaces.length, 1);
      assert.deepEqual(report.workspaces[0]?.firstBreak && { ...report.workspaces[0].firstBreak, text: undefined }, {
        id: altered.id,
        seq: 4,
        reason: 'hash_mismatch',
        text: undefined,
      });
      assert.equal(report.workspaces[0]?.checked, 3);
    });
  });
}

describe('proofdesk audit verify usage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proofdesk-audit-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 without the verify subcommand, with an unknown flag, or where there is no database', async () => {
    for (const args of [
      ['audit'],
      ['audit', 'check'],
      ['audit', 'verify', '--bogus'],
      ['audit', 'verify', '--data', dir],
    ]) {
      const { status, stderr } = await runCli(args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /proofdesk audit verify \[--database/, 'prints the usage');
    }
    const { stderr } = await runCli(['audit', 'verify', '--data', dir]);
    assert.match(stderr, new RegExp(`no database at ${join(dir, 'proofdesk.db')}`));
  });
});
