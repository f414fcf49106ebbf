import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyWebhook, WEBHOOK_HEADERS } from '../adapters/notify/webhook-signature.js';
import { createTestApp, type TestApp } from '../http/test-app.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { startTestSmtpServer } from '../testing/smtp-server.js';
import { startWebhookReceiver } from './notification-test-harness.js';
import { intakeOf, MONDAY_10AM_MS, seedRepairNetwork, type RepairNetworkFixture } from './repair-test-fixtures.js';

const userIdOf = (h: TestApp, who: 'admin' | 'dispatcher' | 'technician') =>
  (h.actors[who] as { userId: string }).userId;

for (const dialect of TEST_DIALECTS) {
  describe(`repair notifications on ${dialect}`, () => {
    let h: TestApp;
    let net: RepairNetworkFixture;
    let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
    let secret: string;

    before(async () => {
      h = await createTestApp(dialect);
      h.clock.set(MONDAY_10AM_MS);
      net = await seedRepairNetwork(h);
      receiver = await startWebhookReceiver([200]);
      const hook = await h.services.notifications.createWebhook(h.actors.admin, {
        name: 'CRM',
        url: receiver.url,
        topics: ['repair.status', 'sla.breach'],
      });
      secret = hook.secret;
    });
    after(async () => {
      await receiver.close();
      await h.dispose();
    });

    const notificationsOf = (orderId: string) =>
      h.t.db.kysely.selectFrom('notifications').selectAll().where('subject_id', '=', orderId).orderBy('id').execute();

    it('tells the technician of an assignment and the webhooks of each status change, in the same transaction', async () => {
      const s = h.services;
      const { order } = await s.repairOrders.intake(h.actors.agent, intakeOf());
      await s.repairWorkflow.assign(
        h.actors.dispatcher,
        order.id,
        { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'afternoon' },
        { mode: 'manual' },
      );
      let rows = await notificationsOf(order.id);
      const assigned = rows.filter((r) => r.topic === 'repair.assigned');
      assert.deepEqual(
        assigned.map((r) => [r.channel, r.recipient_ref]),
        [['console', userIdOf(h, 'technician')]],
        'the technician in the console (no SMTP configured, so no e-mail)',
      );
      assert.match(assigned[0]!.title_zh, /已派给您/);
      const mine = await s.notifications.mine(h.actors.technician, { unread: true });
      assert.ok(mine.items.some((n) => n.subject?.id === order.id && n.topic === 'repair.assigned'));
      const status = rows.filter((r) => r.topic === 'repair.status');
      assert.deepEqual(
        status.map((r) => [r.channel, r.status]),
        [['webhook', 'pending']],
      );

      await s.repairWorkflow.technicianEvent(h.actors.technician, order.id, 'accept');
      await h.runJobs();
      rows = await notificationsOf(order.id);
      const hooks = rows.filter((r) => r.channel === 'webhook');
      assert.deepEqual(
        hooks.map((r) => r.status),
        ['sent', 'sent'],
        'assign and accept delivered after their commits',
      );
      const bodies = receiver.received
        .map((r) => JSON.parse(r.body) as { subject: { id: string } | null; data: { event: string; to: string } })
        .filter((b) => b.subject?.id === order.id);
      assert.deepEqual(
        bodies.map((b) => [b.data.event, b.data.to]),
        [
          ['assign', 'assigned'],
          ['accept', 'accepted'],
        ],
      );
      for (const got of receiver.received) {
        const ok = verifyWebhook(
          secret,
          {
            timestamp: String(got.headers[WEBHOOK_HEADERS.timestamp]),
            signature: String(got.headers[WEBHOOK_HEADERS.signature]),
          },
          got.body,
          h.clock.nowMs(),
        );
        assert.deepEqual(ok, { ok: true });
      }
    });

    it('e-mails a customer who subscribed through their status link, with the link, never storing either in clear', async () => {
      const s = h.services;
      const smtp = await startTestSmtpServer();
      try {
        await s.notifications.putEmailSettings(h.actors.admin, {
          smtpHost: '127.0.0.1',
          smtpPort: smtp.port,
          mailFrom: '安途售后 <service@antu.example>',
        });
        const { order, statusToken } = await s.repairOrders.intake(h.actors.agent, intakeOf());
        const url = `/api/v1/public/repair-orders/${statusToken}/notifications`;
        const bad = await h.app.inject({ method: 'POST', url, payload: { email: 'not-an-address' } });
        assert.equal(bad.statusCode, 422, bad.body);
        const unknown = await h.app.inject({
          method: 'POST',
          url: `/api/v1/public/repair-orders/${'x'.repeat(32)}/notifications`,
          payload: { email: 'kehu@example.cn' },
        });
        assert.equal(unknown.statusCode, 404);
        const subscribed = await h.app.inject({ method: 'POST', url, payload: { email: 'wang.kehu@example.cn' } });
        assert.equal(subscribed.statusCode, 201, subscribed.body);
        assert.deepEqual(subscribed.json(), { email: 'w***@example.cn' });
        await s.repairWorkflow.assign(
          h.actors.dispatcher,
          order.id,
          { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'afternoon' },
          { mode: 'manual' },
        );
        const stored = JSON.stringify([
          await h.t.db.kysely.selectFrom('notifications').selectAll().execute(),
          await h.t.db.kysely.selectFrom('notification_subscriptions').selectAll().execute(),
        ]);
        assert.ok(!stored.includes('wang.kehu') && !stored.includes(statusToken), 'address and link sealed');
        const before = smtp.received().length;
        await h.runJobs();
        const mails = (await smtp.waitFor(before + 1)).slice(before);
        const toCustomer = mails.filter((m) => m.rcptTos.includes('wang.kehu@example.cn'));
        assert.equal(toCustomer.length, 1);
        assert.equal(toCustomer[0]!.subject, `您的维修工单 ${order.number}：已派单`);
        assert.ok(toCustomer[0]!.text?.includes(`/repair/status?token=${statusToken}`), toCustomer[0]!.text ?? '');
        const stop = await h.app.inject({ method: 'DELETE', url });
        assert.equal(stop.statusCode, 200, stop.body);
        await s.repairWorkflow.technicianEvent(h.actors.technician, order.id, 'accept');
        await h.runJobs();
        assert.equal(
          (await smtp.waitFor(before + 2, 500)).filter((m) => m.rcptTos.includes('wang.kehu@example.cn')).length,
          1,
          'no e-mail after unsubscribing',
        );
        await s.notifications.putEmailSettings(h.actors.admin, { smtpHost: null });
      } finally {
        await smtp.stop();
      }
    });

    it('tells each escalation level of an SLA breach: dispatchers, then the outlet manager, with a webhook each', async () => {
      const s = h.services;
      h.clock.set(MONDAY_10AM_MS);
      const { order } = await s.repairOrders.intake(h.actors.agent, intakeOf());
      await s.repairWorkflow.assign(
        h.actors.dispatcher,
        order.id,
        { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'afternoon' },
        { mode: 'manual' },
      );
      h.clock.set(MONDAY_10AM_MS + 31 * 60_000);
      await h.runJobs();
      let breach = (await notificationsOf(order.id)).filter((r) => r.topic === 'sla.breach');
      assert.deepEqual(
        breach.filter((r) => r.channel === 'console').map((r) => r.recipient_ref),
        [userIdOf(h, 'dispatcher')],
      );
      assert.match(breach[0]!.body_zh, /响应时限/);
      h.clock.set(MONDAY_10AM_MS + 91 * 60_000);
      await h.runJobs();
      await h.runJobs();
      breach = (await notificationsOf(order.id)).filter((r) => r.topic === 'sla.breach');
      assert.deepEqual(
        breach
          .filter((r) => r.channel === 'console')
          .map((r) => r.recipient_ref)
          .sort(),
        [userIdOf(h, 'admin'), userIdOf(h, 'dispatcher')].sort(),
        'the outlet manager (the admin here) at the second level',
      );
      assert.deepEqual(
        breach.filter((r) => r.channel === 'webhook').map((r) => r.status),
        ['sent', 'sent'],
      );
      const before = breach.length;
      await h.runJobs();
      assert.equal((await notificationsOf(order.id)).filter((r) => r.topic === 'sla.breach').length, before);
    });
  });
}
