import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { createNotifyFixtures, type NotifyFixtures } from './notifications.routes.fixtures.js';

interface ErrorBody {
  error: { code: string };
}

for (const dialect of TEST_DIALECTS) {
  describe(`notifications over HTTP on ${dialect}`, () => {
    let h: TestApp;
    let f: NotifyFixtures;
    before(async () => {
      h = await createTestApp(dialect);
      f = await createNotifyFixtures(h);
    });
    after(() => h.dispose());

    const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who: keyof TestApp['as'], payload?: unknown) =>
      h.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: h.as[who],
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });

    it('shows a user their own console notifications and marks one read', async () => {
      const mine = await call('GET', '/notifications/mine?unread=true', 'admin');
      assert.equal(mine.statusCode, 200, mine.body);
      const page = mine.json<{ items: { id: string; title: { zh: string }; readAt: string | null }[] }>();
      assert.deepEqual(
        page.items.map((n) => n.id),
        [f.adminConsoleId],
      );
      assert.equal(page.items[0]!.title.zh, '测试通知');
      const others = await call('GET', '/notifications/mine', 'dispatcher');
      assert.deepEqual(others.json<{ items: unknown[] }>().items, [], 'nobody else sees it');
      assert.equal((await call('POST', `/notifications/mine/${f.adminConsoleId}/read`, 'dispatcher')).statusCode, 404);
      const read = await call('POST', `/notifications/mine/${f.adminConsoleId}/read`, 'admin');
      assert.equal(read.statusCode, 200, read.body);
      assert.ok(read.json<{ readAt: string }>().readAt);
      assert.deepEqual((await call('GET', '/notifications/mine?unread=true', 'admin')).json<{ items: [] }>().items, []);
      assert.equal((await call('GET', '/notifications/mine?unread=maybe', 'admin')).statusCode, 422);
    });

    it('lets admins list the outbox and requeue a dead notification once (409 after), others get 403/404', async () => {
      const dead = await call('GET', '/notifications/outbox?status=dead', 'admin');
      assert.equal(dead.statusCode, 200, dead.body);
      const items = dead.json<{ items: { id: string; status: string; recipient: string }[] }>().items;
      assert.deepEqual(
        items.map((n) => [n.id, n.status]),
        [[f.deadId, 'dead']],
      );
      assert.match(items[0]!.recipient, /^webhook:/);
      assert.equal((await call('GET', '/notifications/outbox?status=lost', 'admin')).statusCode, 422);
      assert.equal((await call('GET', '/notifications/outbox', 'dispatcher')).statusCode, 403);
      assert.equal((await call('POST', `/notifications/outbox/${f.deadId}/requeue`, 'dispatcher')).statusCode, 403);
      assert.equal((await call('POST', `/notifications/outbox/${f.deadId}/requeue`, 'outsider')).statusCode, 404);
      const requeued = await call('POST', `/notifications/outbox/${f.deadId}/requeue`, 'admin');
      assert.equal(requeued.statusCode, 200, requeued.body);
      const again = await call('POST', `/notifications/outbox/${f.deadId}/requeue`, 'admin');
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json<ErrorBody>().error.code, 'invalid_state');
    });

    it('keeps SMTP passwords and webhook secrets out of every answer but the webhook’s creation', async () => {
      const put = await call('PUT', '/notifications/settings/email', 'admin', {
        smtpHost: 'smtp.brand.example',
        smtpPort: 465,
        smtpSecure: true,
        smtpUser: 'service',
        smtpPassword: 'p4ss-w0rd',
        mailFrom: '售后服务 <service@brand.example>',
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.ok(!put.body.includes('p4ss-w0rd'));
      assert.equal(put.json<{ passwordSet: boolean }>().passwordSet, true);
      const malformed = await h.app.inject({
        method: 'PUT',
        url: '/api/v1/notifications/settings/email',
        headers: { ...h.as.admin, 'content-type': 'application/json' },
        payload: '{"smtpHost": "smtp.brand.example",',
      });
      assert.equal(malformed.statusCode, 400, 'malformed JSON');
      const noFrom = await call('PUT', '/notifications/settings/email', 'admin', { smtpHost: 'smtp.brand.example' });
      assert.equal(noFrom.statusCode, 422, noFrom.body);
      assert.equal((await call('PUT', '/notifications/settings/email', 'admin', { smtpPort: 'x' })).statusCode, 422);
      assert.equal((await call('GET', '/notifications/settings/email', 'technician')).statusCode, 403);
      const other = await call('GET', '/notifications/settings/email', 'outsider');
      assert.equal(other.json<{ smtpHost: string | null }>().smtpHost, null, 'another workspace sees its own');

      const created = await call('POST', '/notifications/webhooks', 'admin', {
        name: 'CRM',
        url: 'https://crm.brand.example/hooks/proofdesk',
        topics: ['repair.status', 'sla.breach'],
      });
      assert.equal(created.statusCode, 201, created.body);
      const hook = created.json<{ id: string; secret: string }>();
      assert.match(hook.secret, /^whsec_[\w-]{32}$/);
      const list = await call('GET', '/notifications/webhooks', 'admin');
      assert.ok(!list.body.includes(hook.secret));
      assert.equal(
        (await call('POST', '/notifications/webhooks', 'admin', { name: 'x', url: 'ftp://x', topics: ['a.b'] }))
          .statusCode,
        422,
      );
      assert.equal(
        (
          await call('POST', '/notifications/webhooks', 'admin', {
            name: 'x',
            url: 'https://x.example',
            topics: ['Bad'],
          })
        ).statusCode,
        422,
      );
      assert.equal(
        (await call('PATCH', `/notifications/webhooks/${hook.id}`, 'outsider', { enabled: false })).statusCode,
        404,
      );
      const off = await call('PATCH', `/notifications/webhooks/${hook.id}`, 'admin', { enabled: false });
      assert.equal(off.json<{ enabled: boolean }>().enabled, false);
    });
  });
}
