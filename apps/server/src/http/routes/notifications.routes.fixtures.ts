import type { TestApp } from '../test-app.js';
import { NotificationOutbox } from '../../services/notification-outbox.js';
import { Uuid7IdGenerator } from '../../adapters/system/uuid7.id-generator.js';

/** Notifications in the states the authorisation matrix's samples need. */
export interface NotifyFixtures {
  /** A console notification of the admin user: mark read. */
  readonly adminConsoleId: string;
  /** A dead one: requeue. */
  readonly deadId: string;
  readonly webhookId: string;
}

type Sample = {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
};

/** A valid request for each notification route (see the matrix's SAMPLES). */
export const NOTIFY_SAMPLES: Readonly<
  Record<
    string,
    (f: { readonly notify: NotifyFixtures; readonly complaints: { readonly orderToken: string } }) => Sample
  >
> = {
  'GET /notifications/mine': () => ({ query: { unread: 'true' } }),
  'POST /notifications/mine/:id/read': (f) => ({ params: { id: f.notify.adminConsoleId } }),
  'GET /notifications/outbox': () => ({ query: { status: 'dead' } }),
  'POST /notifications/outbox/:id/requeue': (f) => ({ params: { id: f.notify.deadId } }),
  'GET /notifications/settings/email': () => ({}),
  'PUT /notifications/settings/email': () => ({ body: { smtpHost: null } }),
  'GET /notifications/webhooks': () => ({}),
  'POST /notifications/webhooks': () => ({
    body: { name: 'ERP', url: 'http://127.0.0.1:9/hooks', topics: ['complaint.updated'] },
  }),
  'PATCH /notifications/webhooks/:id': (f) => ({ params: { id: f.notify.webhookId }, body: { enabled: false } }),
  'POST /public/repair-orders/:token/notifications': (f) => ({
    params: { token: f.complaints.orderToken },
    body: { email: 'kehu@example.cn' },
  }),
  'DELETE /public/repair-orders/:token/notifications': (f) => ({ params: { token: f.complaints.orderToken } }),
};

/** Writes the fixtures through the real outbox and services. */
export async function createNotifyFixtures(h: TestApp): Promise<NotifyFixtures> {
  const admin = h.actors.admin;
  if (admin.kind !== 'user') throw new Error('test app admin user expected');
  const webhook = await h.services.notifications.createWebhook(admin, {
    name: 'CRM',
    url: 'http://127.0.0.1:9/crm',
    topics: ['matrix.fixture'],
  });
  const outbox = new NotificationOutbox({ ids: new Uuid7IdGenerator(h.clock) });
  const at = new Date(h.clock.nowMs()).toISOString();
  const written = await h.t.db.kysely.transaction().execute((trx) =>
    outbox.enqueue(trx, {
      workspaceId: h.workspaceId,
      topic: 'matrix.fixture',
      title: { zh: '测试通知', en: 'Test notification' },
      body: { zh: '授权矩阵', en: 'Authorisation matrix' },
      recipients: [{ kind: 'user', userId: admin.userId }, { kind: 'webhooks' }],
      at,
    }),
  );
  const rows = await h.t.db.kysely
    .selectFrom('notifications')
    .select(['id', 'channel'])
    .where('id', 'in', [...written.ids])
    .execute();
  const consoleRow = rows.find((r) => r.channel === 'console');
  const webhookRow = rows.find((r) => r.channel === 'webhook');
  if (!consoleRow || !webhookRow) throw new Error('fixture notifications not written');
  await h.t.db.kysely
    .updateTable('notifications')
    .set({ status: 'dead', attempts: 8, last_error: 'fixture' })
    .where('id', '=', webhookRow.id)
    .execute();
  await h.t.db.kysely
    .updateTable('jobs')
    .set({ status: 'done' })
    .where('kind', '=', 'notify.deliver')
    .where('payload_json', 'like', `%${webhookRow.id}%`)
    .execute();
  return { adminConsoleId: consoleRow.id, deadId: webhookRow.id, webhookId: webhook.id };
}
