import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Actor } from '@proofdesk/domain';
import { AesGcmContactCipher } from '../adapters/crypto/aes-gcm.contact-cipher.js';
import type { Dialect } from '../adapters/db/database.js';
import { HttpWebhookSender } from '../adapters/notify/http.webhook-sender.js';
import { SmtpEmailSender } from '../adapters/notify/smtp.email-sender.js';
import { DbJobQueue } from '../adapters/queue/db.job-queue.js';
import { ManualClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import type { JobHandlers } from '../jobs/job-worker.js';
import { JobWorker } from '../jobs/job-worker.js';
import { createTestDatabase, insertBareWorkspaces, type TestDatabase } from '../testing/databases.js';
import { NotificationDeliveryService, type NotifyDeps } from './notification-delivery.service.js';
import { NotificationOutbox } from './notification-outbox.js';
import { NotificationService } from './notification.service.js';
import { silentLogger } from './service-deps.js';

/** The notification services over a real database of one dialect, with two workspaces and their users. */
export interface NotifyHarness {
  readonly t: TestDatabase;
  readonly clock: ManualClock;
  readonly deps: NotifyDeps;
  readonly outbox: NotificationOutbox;
  readonly delivery: NotificationDeliveryService;
  readonly notifications: NotificationService;
  readonly email: SmtpEmailSender;
  /** Runs every due `notify.deliver` job (a fresh worker each call, as a restarted process would). */
  runJobs(): Promise<number>;
  readonly admin: Actor;
  readonly dispatcher: Actor;
  readonly outsider: Actor;
  dispose(): Promise<void>;
}

/** Reopens the same harness's services over `t` (after a simulated crash). */
export function notifyServices(t: TestDatabase, clock: ManualClock, cipher: AesGcmContactCipher) {
  const deps: NotifyDeps = { db: t.db, clock, ids: new Uuid7IdGenerator(clock), cipher, logger: silentLogger };
  const email = new SmtpEmailSender();
  const delivery = new NotificationDeliveryService(
    deps,
    { email, webhook: new HttpWebhookSender({ nowMs: () => clock.nowMs(), timeoutMs: 3_000 }) },
    { random: () => 0.5 },
  );
  // The worker below takes only notify.deliver jobs, so the other kinds need no handler here.
  const handlers = {
    'notify.deliver': (job) => delivery.deliver(job.workspaceId, job.notificationId),
  } satisfies Partial<JobHandlers> as unknown as JobHandlers;
  const runJobs = () =>
    new JobWorker({
      queue: new DbJobQueue(t.db, clock),
      handlers,
      logger: silentLogger,
      kinds: ['notify.deliver'],
    }).runUntilIdle();
  return {
    deps,
    email,
    delivery,
    runJobs,
    outbox: new NotificationOutbox(deps),
    notifications: new NotificationService(deps, delivery),
  };
}

export async function createNotifyHarness(dialect: Dialect): Promise<NotifyHarness & { cipher: AesGcmContactCipher }> {
  const t = await createTestDatabase(dialect);
  const clock = new ManualClock(Date.parse('2026-11-02T02:00:00.000Z'));
  const cipher = new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1: randomBytes(32) } });
  await insertBareWorkspaces(t.db, ['ws1', 'ws2']);
  await t.db.kysely
    .insertInto('users')
    .values(
      (
        [
          ['u-admin', 'ws1', 'admin', 'zh-CN'],
          ['u-disp', 'ws1', 'dispatcher', 'en'],
          ['u-disp2', 'ws1', 'dispatcher', 'zh-CN'],
          ['u-other', 'ws2', 'admin', 'zh-CN'],
        ] as const
      ).map(([id, workspaceId, role, locale]) => ({
        id,
        workspace_id: workspaceId,
        email: `${id}@example.com`,
        display_name: id,
        password_hash: 'x',
        roles_json: JSON.stringify([role]),
        locale,
        created_at: '2026-11-01T00:00:00.000Z',
        disabled_at: null,
      })),
    )
    .execute();
  const services = notifyServices(t, clock, cipher);
  return {
    t,
    clock,
    cipher,
    ...services,
    admin: { kind: 'user', userId: 'u-admin', workspaceId: 'ws1', roles: ['admin'] },
    dispatcher: { kind: 'user', userId: 'u-disp', workspaceId: 'ws1', roles: ['dispatcher'] },
    outsider: { kind: 'user', userId: 'u-other', workspaceId: 'ws2', roles: ['admin'] },
    dispose: async () => {
      services.email.close();
      await t.dispose();
    },
  };
}

/** A request a test webhook receiver got. */
export interface ReceivedHook {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/**
 * A real local HTTP server as a webhook receiver: answers each request with the next status of `statuses` (the
 * last one repeats) and records what it got.
 */
export async function startWebhookReceiver(
  statuses: number[],
): Promise<{ url: string; received: ReceivedHook[]; close(): Promise<void> }> {
  const received: ReceivedHook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      res.statusCode = status;
      res.end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks/proofdesk`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
