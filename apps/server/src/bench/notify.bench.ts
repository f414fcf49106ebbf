/**
 * Notifications: what the outbox costs the transaction that writes it, and how fast one worker delivers through the
 * real channel adapters to local receivers (Debian's aiosmtpd, a node HTTP server), on SQLite or PostgreSQL.
 *
 * Measured, each over `--n` transactions or deliveries:
 * - per transaction: a job enqueued alone (a write, so the commit pays its fsync) against the same job plus one
 *   outbox enqueue to a webhook endpoint (one more row and one more job) — the outbox's own share;
 * - webhook deliveries per second (one worker, `runUntilIdle`), every one received;
 * - e-mail deliveries per second through the pooled SMTP transport, every one received by the server.
 *
 * Run: `npm run build && node apps/server/dist/bench/notify.bench.js [--dialect sqlite|postgres] [--n 300]`
 * (PostgreSQL at PROOFDESK_TEST_POSTGRES_URL; aiosmtpd from `scripts/install-test-deps.sh`).
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Dialect } from '../adapters/db/database.js';
import type { Database } from '../adapters/db/schema.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import type { NotificationMessage } from '../services/notification-outbox.js';
import { createNotifyHarness, startWebhookReceiver } from '../services/notification-test-harness.js';
import { startTestSmtpServer } from '../testing/smtp-server.js';

const { values } = parseArgs({
  options: { dialect: { type: 'string', default: 'sqlite' }, n: { type: 'string', default: '300' } },
});
const dialect = values.dialect as Dialect;
const n = Number(values.n);

const h = await createNotifyHarness(dialect);
const smtp = await startTestSmtpServer();
const receiver = await startWebhookReceiver([200]);
try {
  await h.notifications.putEmailSettings(h.admin, {
    smtpHost: '127.0.0.1',
    smtpPort: smtp.port,
    mailFrom: 'service@brand.example',
  });
  await h.notifications.createWebhook(h.admin, { name: 'bench', url: receiver.url, topics: ['bench.hook'] });
  const at = () => new Date(h.clock.nowMs()).toISOString();
  const message = (topic: string, recipients: NotificationMessage['recipients']): NotificationMessage => ({
    workspaceId: 'ws1',
    topic,
    title: { zh: '您的维修工单状态更新', en: 'Your repair order was updated' },
    body: { zh: '师傅已出发，预计 30 分钟到达。', en: 'The technician is on the way.' },
    recipients,
    at: at(),
  });
  const job = (trx: Kysely<Database>) =>
    enqueueJob(trx, h.deps.ids, { kind: 'sla.check', workspaceId: 'ws1', orderId: 'bench' }, { runAt: at() });
  const perTx = async (work: (trx: Kysely<Database>) => Promise<unknown>): Promise<number> => {
    const started = performance.now();
    for (let i = 0; i < n; i += 1) await h.t.db.kysely.transaction().execute(work);
    return (performance.now() - started) / n;
  };
  const alone = await perTx(job);
  const withOutbox = await perTx(async (trx) => {
    await job(trx);
    await h.outbox.enqueue(trx, message('bench.hook', [{ kind: 'webhooks' }]));
  });
  await h.t.db.kysely.updateTable('jobs').set({ status: 'done' }).where('kind', '=', 'sla.check').execute();
  console.log(
    `${dialect}: a transaction enqueuing a job ${alone.toFixed(2)} ms, with one outbox notification too ` +
      `${withOutbox.toFixed(2)} ms (+${(withOutbox - alone).toFixed(2)} ms), mean of ${n}`,
  );
  let started = performance.now();
  const hooks = await h.runJobs();
  let ms = performance.now() - started;
  console.log(
    `${dialect}: ${hooks} webhooks delivered in ${ms.toFixed(0)} ms = ${((hooks / ms) * 1000).toFixed(0)}/s ` +
      `(one worker), ${receiver.received.length} received`,
  );
  for (let i = 0; i < n; i += 1)
    await h.t.db.kysely
      .transaction()
      .execute((trx) =>
        h.outbox.enqueue(trx, message('bench.mail', [{ kind: 'email', address: `kehu${i}@example.cn` }])),
      );
  started = performance.now();
  const mails = await h.runJobs();
  ms = performance.now() - started;
  const received = (await smtp.waitFor(n, 10_000)).length;
  console.log(
    `${dialect}: ${mails} e-mails delivered in ${ms.toFixed(0)} ms = ${((mails / ms) * 1000).toFixed(0)}/s ` +
      `(one worker, pooled SMTP), ${received} received`,
  );
} finally {
  await receiver.close();
  await smtp.stop();
  await h.dispose();
}
