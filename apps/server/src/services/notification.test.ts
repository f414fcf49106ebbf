import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@proofdesk/domain';
import { openDatabase } from '../adapters/db/database.js';
import { verifyWebhook, WEBHOOK_HEADERS } from '../adapters/notify/webhook-signature.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/smtp-server.js';
import {
  createNotifyHarness,
  notifyServices,
  startWebhookReceiver,
  type NotifyHarness,
} from './notification-test-harness.js';
import type { NotificationMessage } from './notification-outbox.js';

const code = (c: string) => (error: unknown) => error instanceof DomainError && error.code === c;

function message(h: NotifyHarness, over: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    workspaceId: 'ws1',
    topic: 'sla.breach',
    subject: { type: 'repair_order', id: 'ro-1' },
    title: { zh: '工单 RO-1 超出响应时限', en: 'Order RO-1 breached its response SLA' },
    body: { zh: '请尽快处理：门锁指纹无法识别。', en: 'Please act: fingerprint not recognised.' },
    link: '/service/orders/ro-1',
    data: { orderId: 'ro-1', level: 'dispatcher' },
    recipients: [{ kind: 'role', role: 'dispatcher' }],
    at: new Date(h.clock.nowMs()).toISOString(),
    ...over,
  };
}

async function rows(h: NotifyHarness) {
  return h.t.db.kysely.selectFrom('notifications').selectAll().orderBy('id').execute();
}

async function deliveryJobs(h: NotifyHarness) {
  return h.t.db.kysely.selectFrom('jobs').selectAll().where('kind', '=', 'notify.deliver').execute();
}

for (const dialect of TEST_DIALECTS) {
  describe(`notifications (${dialect})`, () => {
    let h: Awaited<ReturnType<typeof createNotifyHarness>>;
    let smtp: TestSmtpServer;
    before(async () => {
      h = await createNotifyHarness(dialect);
      smtp = await startTestSmtpServer();
    });
    after(async () => {
      await smtp.stop();
      await h.dispose();
    });

    it('writes nothing when the caller rolls back, and a role reaches each of its users in the console once', async () => {
      await assert.rejects(
        h.t.db.kysely.transaction().execute(async (trx) => {
          await h.outbox.enqueue(
            trx,
            message(h, { recipients: [{ kind: 'webhooks' }, { kind: 'role', role: 'admin' }] }),
          );
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      assert.equal((await rows(h)).length, 0);
      assert.equal((await deliveryJobs(h)).length, 0);

      const first = await h.t.db.kysely
        .transaction()
        .execute((trx) => h.outbox.enqueue(trx, message(h, { dedupeKey: 'esc-1' })));
      const again = await h.t.db.kysely
        .transaction()
        .execute((trx) => h.outbox.enqueue(trx, message(h, { dedupeKey: 'esc-1' })));
      assert.equal(first.ids.length, 2, 'both dispatchers of ws1, nobody of ws2');
      assert.equal(first.queued, 0, 'console rows are delivered by being written');
      assert.equal(again.ids.length, 0, 'the same dedupe key is not written twice');
      const written = await rows(h);
      assert.deepEqual(written.map((r) => [r.recipient_ref, r.channel, r.status]).sort(), [
        ['u-disp', 'console', 'sent'],
        ['u-disp2', 'console', 'sent'],
      ]);
      await assert.rejects(
        h.t.db.kysely.transaction().execute((trx) => h.outbox.enqueue(trx, message(h, { topic: 'Breach!' }))),
        code('invalid_input'),
      );
    });

    it('lists my console notifications and marks one read; another user or workspace gets 404', async () => {
      const mine = await h.notifications.mine(h.dispatcher, {});
      assert.equal(mine.items.length, 1);
      const id = mine.items[0]!.id;
      assert.equal(mine.items[0]!.title.zh, '工单 RO-1 超出响应时限');
      const read = await h.notifications.markRead(h.dispatcher, id);
      assert.ok(read.readAt);
      assert.equal((await h.notifications.mine(h.dispatcher, { unread: true })).items.length, 0);
      await assert.rejects(h.notifications.markRead(h.admin, id), code('not_found'));
      await assert.rejects(h.notifications.markRead(h.outsider, id), code('not_found'));
    });

    it('sends e-mail through a real SMTP server: zh-CN subject encoded, body, recipients, delivery id', async () => {
      await h.notifications.putEmailSettings(h.admin, {
        smtpHost: '127.0.0.1',
        smtpPort: smtp.port,
        smtpSecure: false,
        mailFrom: '售后服务 <service@brand.example>',
        smtpPassword: 'hunter2-smtp',
      });
      const settings = await h.t.db.kysely.selectFrom('notification_settings').selectAll().execute();
      assert.ok(!JSON.stringify(settings).includes('hunter2-smtp'), 'the SMTP password is sealed at rest');
      assert.equal((await h.notifications.emailSettings(h.admin)).passwordSet, true);

      const before = smtp.received().length;
      const result = await h.t.db.kysely.transaction().execute((trx) =>
        h.outbox.enqueue(
          trx,
          message(h, {
            topic: 'repair.status',
            title: { zh: '您的维修工单 RO-1 已派单', en: 'Your repair order RO-1 was assigned' },
            body: { zh: '师傅将于明天上午上门。', en: 'A technician comes tomorrow morning.' },
            link: 'https://brand.example/s/abc',
            recipients: [
              { kind: 'user', userId: 'u-disp' },
              { kind: 'email', address: 'kehu@example.cn' },
            ],
            userChannels: ['email'],
          }),
        ),
      );
      assert.equal(result.queued, 2);
      const stored = JSON.stringify(await rows(h));
      assert.ok(!stored.includes('kehu@example.cn'), "the customer's address is sealed in the outbox");
      // Nothing leaves before the worker runs (after the commit).
      assert.equal(smtp.received().length, before);
      assert.equal(await h.runJobs(), 2);
      const mails = (await smtp.waitFor(before + 2)).slice(before);
      assert.equal(mails.length, 2);
      const toCustomer = mails.find((m) => m.rcptTos.includes('kehu@example.cn'));
      const toUser = mails.find((m) => m.rcptTos.includes('u-disp@example.com'));
      assert.ok(toCustomer && toUser);
      assert.equal(toCustomer.subject, '您的维修工单 RO-1 已派单');
      assert.match(toCustomer.rawSubject, /Subject: =\?UTF-8\?[BQ]\?/i, 'RFC 2047 encoded on the wire');
      assert.ok(toCustomer.text?.includes('师傅将于明天上午上门。'));
      assert.ok(toCustomer.text?.includes('https://brand.example/s/abc'));
      assert.equal(toUser.subject, 'Your repair order RO-1 was assigned', 'the user reads English');
      assert.equal(toCustomer.mailFrom, 'service@brand.example');
      const sent = (await rows(h)).filter((r) => r.channel === 'email');
      assert.deepEqual(
        sent.map((r) => r.status),
        ['sent', 'sent'],
      );
      assert.deepEqual(
        sent.map((r) => r.id).sort(),
        mails.map((m) => m.headers['x-proofdesk-delivery']).sort(),
        'the delivery id travels with the mail',
      );
    });

    it('signs webhooks, retries a 500 with backoff under the same delivery id, and a receiver can verify it', async () => {
      const receiver = await startWebhookReceiver([500, 200]);
      try {
        const hook = await h.notifications.createWebhook(h.admin, {
          name: 'CRM',
          url: receiver.url,
          topics: ['sla.breach'],
        });
        assert.match(hook.secret, /^whsec_/);
        const endpoints = await h.t.db.kysely.selectFrom('notification_webhooks').selectAll().execute();
        assert.ok(!JSON.stringify(endpoints).includes(hook.secret), 'the signing secret is sealed at rest');
        const other = await h.t.db.kysely
          .transaction()
          .execute((trx) =>
            h.outbox.enqueue(trx, message(h, { topic: 'repair.status', recipients: [{ kind: 'webhooks' }] })),
          );
        assert.equal(other.ids.length, 0, 'an endpoint hears only its topics');
        const queued = await h.t.db.kysely
          .transaction()
          .execute((trx) => h.outbox.enqueue(trx, message(h, { recipients: [{ kind: 'webhooks' }] })));
        assert.equal(queued.queued, 1);
        const id = queued.ids[0]!;
        assert.equal(await h.runJobs(), 1);
        let row = (await rows(h)).find((r) => r.id === id)!;
        assert.equal(row.status, 'failed');
        assert.equal(Number(row.attempts), 1);
        assert.equal(row.last_error, 'webhook: HTTP 500');
        assert.equal(Date.parse(row.next_attempt_at!) - h.clock.nowMs(), 30_000, 'first retry after 30 s');
        assert.equal(await h.runJobs(), 0, 'not due yet');
        h.clock.advance(30_000);
        assert.equal(await h.runJobs(), 1);
        row = (await rows(h)).find((r) => r.id === id)!;
        assert.equal(row.status, 'sent');
        assert.equal(Number(row.attempts), 2);
        assert.equal(receiver.received.length, 2);
        for (const got of receiver.received) {
          assert.equal(got.headers[WEBHOOK_HEADERS.delivery], id, 'same delivery id on the retry');
          const headers = {
            timestamp: String(got.headers[WEBHOOK_HEADERS.timestamp]),
            signature: String(got.headers[WEBHOOK_HEADERS.signature]),
          };
          const at = Number(headers.timestamp) * 1000;
          assert.deepEqual(verifyWebhook(hook.secret, headers, got.body, at), { ok: true });
          assert.deepEqual(verifyWebhook('whsec_wrong', headers, got.body, at), { ok: false, reason: 'bad_signature' });
          assert.deepEqual(verifyWebhook(hook.secret, headers, got.body.replace('RO-1', 'RO-2'), at), {
            ok: false,
            reason: 'bad_signature',
          });
          assert.deepEqual(verifyWebhook(hook.secret, headers, got.body, at + 301_000), {
            ok: false,
            reason: 'stale_timestamp',
          });
        }
        const payload = JSON.parse(receiver.received[1]!.body) as Record<string, unknown>;
        assert.equal(payload.id, id);
        assert.equal(payload.topic, 'sla.breach');
        assert.deepEqual(payload.data, { orderId: 'ro-1', level: 'dispatcher' });
        await h.notifications.setWebhookEnabled(h.admin, hook.id, false);
      } finally {
        await receiver.close();
      }
    });

    it('dead-letters a refused webhook at once and after the last attempt; admins requeue a dead one', async () => {
      const receiver = await startWebhookReceiver([400, 503, 503, 503, 503, 503, 503, 503, 503, 200]);
      try {
        const hook = await h.notifications.createWebhook(h.admin, { name: 'ERP', url: receiver.url, topics: ['*'] });
        const { ids } = await h.t.db.kysely
          .transaction()
          .execute((trx) =>
            h.outbox.enqueue(trx, message(h, { topic: 'repair.assigned', recipients: [{ kind: 'webhooks' }] })),
          );
        const id = ids[0]!;
        await h.runJobs();
        let row = (await rows(h)).find((r) => r.id === id)!;
        assert.equal(row.status, 'dead', 'a 400 will not change on retry');
        assert.equal(Number(row.attempts), 1);
        const dead = await h.notifications.outbox(h.admin, { status: 'dead' });
        assert.ok(dead.items.some((n) => n.id === id));

        await assert.rejects(h.notifications.requeue(h.dispatcher, id), code('forbidden'));
        await assert.rejects(h.notifications.requeue(h.outsider, id), code('not_found'));
        await h.notifications.requeue(h.admin, id);
        // 503 eight times: backoff 30 s, 2 min, 8 min, 32 min, 2 h 8 min, then capped at 6 h.
        for (let attempt = 1; attempt <= 8; attempt += 1) {
          assert.equal(await h.runJobs(), 1, `attempt ${attempt} runs`);
          row = (await rows(h)).find((r) => r.id === id)!;
          if (attempt < 8) {
            assert.equal(row.status, 'failed');
            h.clock.set(Date.parse(row.next_attempt_at!));
          }
        }
        assert.equal(row.status, 'dead');
        assert.equal(Number(row.attempts), 8);
        const audit = await h.t.db.kysely
          .selectFrom('audit_events')
          .select('action')
          .where('subject_id', '=', id)
          .orderBy('seq')
          .execute();
        assert.deepEqual(
          audit.map((a) => a.action),
          ['notification.dead', 'notification.requeued', 'notification.dead'],
        );
        await h.notifications.requeue(h.admin, id);
        await h.runJobs();
        row = (await rows(h)).find((r) => r.id === id)!;
        assert.equal(row.status, 'sent');
        await assert.rejects(h.notifications.requeue(h.admin, id), code('invalid_state'));
        await h.notifications.setWebhookEnabled(h.admin, hook.id, false);
      } finally {
        await receiver.close();
      }
    });

    it('loses nothing to a crash after the commit or during the send: the next worker run delivers', async () => {
      const receiver = await startWebhookReceiver([200]);
      try {
        await h.notifications.createWebhook(h.admin, { name: 'BI', url: receiver.url, topics: ['complaint.updated'] });
        const { ids } = await h.t.db.kysely.transaction().execute(async (trx) => {
          const first = await h.outbox.enqueue(
            trx,
            message(h, { topic: 'complaint.updated', recipients: [{ kind: 'webhooks' }] }),
          );
          const second = await h.outbox.enqueue(
            trx,
            message(h, { topic: 'complaint.updated', dedupeKey: 'c2', recipients: [{ kind: 'webhooks' }] }),
          );
          return { ids: [...first.ids, ...second.ids] };
        });
        // The process dies here: nothing was delivered. The second row's worker died mid-send (row sending, job
        // leased by a worker that never comes back).
        await h.t.db.kysely.updateTable('notifications').set({ status: 'sending' }).where('id', '=', ids[1]!).execute();
        await h.t.db.kysely
          .updateTable('jobs')
          .set({
            status: 'running',
            locked_by: 'dead-worker',
            locked_until: new Date(h.clock.nowMs() + 60_000).toISOString(),
            attempts: 1,
          })
          .where('kind', '=', 'notify.deliver')
          .where('payload_json', 'like', `%${ids[1]!}%`)
          .execute();
        assert.equal(receiver.received.length, 0);
        // A new process: its own connection and services over the same database.
        const reopened = await openDatabase(h.t.spec);
        try {
          const fresh = notifyServices({ ...h.t, db: reopened }, h.clock, h.cipher);
          assert.equal(await fresh.runJobs(), 1, 'the pending one at once');
          h.clock.advance(61_000);
          assert.equal(await fresh.runJobs(), 1, 'the one whose worker died, once its lease ran out');
          fresh.email.close();
        } finally {
          await reopened.close();
        }
        const states = (await rows(h)).filter((r) => ids.includes(r.id)).map((r) => r.status);
        assert.deepEqual(states, ['sent', 'sent']);
        assert.deepEqual(receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.delivery]).sort(), [...ids].sort());
      } finally {
        await receiver.close();
      }
    });
  });
}
