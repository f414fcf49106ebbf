import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../testing/databases.js';
import { createNotifyHarness, startWebhookReceiver } from './notification-test-harness.js';
import { WEBHOOK_HEADERS } from '../adapters/notify/webhook-signature.js';

/**
 * A process that commits a change with its notification and is killed with SIGKILL before anything delivers it:
 * the outbox row and its job are in the database, and the next worker (here, the test's) delivers it.
 */
function crashAfterCommit(spec: string, topic: string): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  const dist = new URL('../', import.meta.url).href;
  const script = `
    const { openDatabase } = await import(${JSON.stringify(`${dist}adapters/db/database.js`)});
    const { NotificationOutbox } = await import(${JSON.stringify(`${dist}services/notification-outbox.js`)});
    const { Uuid7IdGenerator } = await import(${JSON.stringify(`${dist}adapters/system/uuid7.id-generator.js`)});
    const db = await openDatabase(process.env.SPEC);
    const ids = new Uuid7IdGenerator({ nowMs: () => Date.now() });
    const written = await db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('workspaces').set({ name: 'changed before the crash' }).where('id', '=', 'ws1').execute();
      return new NotificationOutbox({ ids }).enqueue(trx, {
        workspaceId: 'ws1', topic: process.env.TOPIC, title: { zh: '崩溃前提交', en: 'Committed before the crash' },
        body: { zh: '进程随后被杀死', en: 'then the process was killed' }, recipients: [{ kind: 'webhooks' }],
        at: new Date().toISOString(),
      });
    });
    process.stdout.write(JSON.stringify(written.ids), () => process.kill(process.pid, 'SIGKILL'));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, SPEC: spec, TOPIC: topic },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (_code, signal) => resolve({ signal, stdout }));
  });
}

for (const dialect of TEST_DIALECTS) {
  describe(`notifications survive kill -9 after the commit (${dialect})`, () => {
    let h: Awaited<ReturnType<typeof createNotifyHarness>>;
    let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
    before(async () => {
      h = await createNotifyHarness(dialect);
      receiver = await startWebhookReceiver([200]);
      await h.notifications.createWebhook(h.admin, { name: 'CRM', url: receiver.url, topics: ['crash.test'] });
    });
    after(async () => {
      await receiver.close();
      await h.dispose();
    });

    it('delivers what a killed process committed, on the next worker run', async () => {
      const { signal, stdout } = await crashAfterCommit(h.t.spec, 'crash.test');
      assert.equal(signal, 'SIGKILL');
      const ids = JSON.parse(stdout) as string[];
      assert.equal(ids.length, 1);
      const row = await h.t.db.kysely
        .selectFrom('notifications')
        .select(['status'])
        .where('id', '=', ids[0]!)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending', 'the row survived the crash, undelivered');
      assert.equal(receiver.received.length, 0);
      h.clock.set(Date.now() + 1_000);
      assert.equal(await h.runJobs(), 1);
      assert.deepEqual(
        receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.delivery]),
        ids,
      );
      const sent = await h.t.db.kysely
        .selectFrom('notifications')
        .select(['status'])
        .where('id', '=', ids[0]!)
        .executeTakeFirstOrThrow();
      assert.equal(sent.status, 'sent');
    });
  });
}
