import { errors } from '@proofdesk/domain';
import type { Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { NotificationsTable } from '../adapters/db/schema-notify.js';
import {
  DeliveryError,
  type EmailSender,
  type SmtpSettings,
  type WebhookEvent,
  type WebhookSender,
} from '../adapters/notify/notify-ports.js';
import { backoffDelayMs, type BackoffPolicy } from '../adapters/queue/backoff.js';
import type { JobResult } from '../jobs/job-types.js';
import { enqueueDelivery } from './notification-outbox.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

/** The ports the notification services use (a narrow part of {@link ServiceDeps}). */
export type NotifyDeps = Pick<ServiceDeps, 'db' | 'clock' | 'ids' | 'cipher' | 'logger' | 'onJobsEnqueued'>;

/** The channel adapters delivery uses. */
export interface NotificationChannels {
  readonly email: EmailSender;
  readonly webhook: WebhookSender;
}

/** Retry delays of deliveries: 30 s, 2 min, 8 min, 32 min, ~2 h, then every 6 h (±20 %). */
export const DELIVERY_BACKOFF: BackoffPolicy = { baseMs: 30_000, factor: 4, maxMs: 6 * 3_600_000, jitter: 0.2 };

const MAX_ERROR_CHARS = 1_000;

type Row = Selectable<NotificationsTable>;

/**
 * Delivers outbox rows after their commit: the `notify.deliver` job's handler. One attempt per run: the row is marked
 * `sending` (committed), the adapter sends, and the outcome is committed — `sent`; or `failed` with the next attempt
 * scheduled by exponential backoff (a new job due then); or `dead` after the last attempt or a permanent refusal.
 * A worker that dies while sending leaves the row `sending` and its job leased: the lease runs out, the job runs
 * again and sends again with the same delivery id (at least once; receivers de-duplicate on the id).
 */
export class NotificationDeliveryService {
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;

  constructor(
    private readonly deps: NotifyDeps,
    private readonly channels: NotificationChannels,
    options: { readonly backoff?: BackoffPolicy; readonly random?: () => number } = {},
  ) {
    this.backoff = options.backoff ?? DELIVERY_BACKOFF;
    this.random = options.random ?? Math.random;
  }

  /** The `notify.deliver` job: one delivery attempt of one outbox row. */
  async deliver(workspaceId: string, notificationId: string): Promise<JobResult> {
    const { db, clock } = this.deps;
    const row = await db.kysely.transaction().execute(async (trx) => {
      const found = await trx
        .selectFrom('notifications')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', notificationId)
        .executeTakeFirst();
      if (!found || !['pending', 'failed', 'sending'].includes(found.status)) return found ?? null;
      // A job can come early (a requeue queued a second one): the row's own schedule decides.
      if (found.status === 'failed' && found.next_attempt_at && found.next_attempt_at > nowIso(clock)) return null;
      await trx.updateTable('notifications').set({ status: 'sending' }).where('id', '=', found.id).execute();
      return { ...found, status: 'sending' };
    });
    if (!row) return { outcome: 'skipped', why: 'no such notification, or not due' };
    if (row.status !== 'sending') return { outcome: 'skipped', why: `notification already ${row.status}` };
    let failure: DeliveryError | null = null;
    try {
      await this.send(row);
    } catch (error) {
      failure =
        error instanceof DeliveryError
          ? error
          : new DeliveryError((error as Error).message ?? String(error), false, { cause: error });
    }
    await this.settle(row, failure);
    return { outcome: 'done' };
  }

  private async send(row: Row): Promise<void> {
    const { db, cipher } = this.deps;
    const zh = row.locale !== 'en';
    if (row.channel === 'email') {
      const settings = await this.smtpSettings(row.workspace_id);
      if (!settings) throw new DeliveryError('no SMTP server configured for the workspace', false);
      let to: string;
      let link = row.link;
      if (row.recipient_kind === 'user') {
        const user = await db.kysely
          .selectFrom('users')
          .select(['email', 'disabled_at'])
          .where('workspace_id', '=', row.workspace_id)
          .where('id', '=', row.recipient_ref ?? '')
          .executeTakeFirst();
        if (!user || user.disabled_at) throw new DeliveryError('the user is gone or disabled', true);
        to = user.email;
      } else if (row.address_key_id && row.address_ciphertext) {
        const opened = cipher.open(row.address_key_id, row.address_ciphertext);
        if (opened.startsWith('{')) {
          const sealed = JSON.parse(opened) as { address: string; link?: string };
          to = sealed.address;
          link = sealed.link ?? link;
        } else to = opened;
      } else throw new DeliveryError('no address', true);
      await this.channels.email.send(settings, {
        to,
        subject: zh ? row.title_zh : row.title_en,
        text: `${zh ? row.body_zh : row.body_en}${link ? `\n\n${link}` : ''}\n`,
        deliveryId: row.id,
      });
      return;
    }
    if (row.channel === 'webhook') {
      const endpoint = await db.kysely
        .selectFrom('notification_webhooks')
        .selectAll()
        .where('workspace_id', '=', row.workspace_id)
        .where('id', '=', row.recipient_ref ?? '')
        .executeTakeFirst();
      if (!endpoint || Number(endpoint.enabled) !== 1)
        throw new DeliveryError('the webhook endpoint was removed or disabled', true);
      const event: WebhookEvent = {
        id: row.id,
        topic: row.topic,
        workspaceId: row.workspace_id,
        createdAt: row.created_at,
        subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
        title: { zh: row.title_zh, en: row.title_en },
        body: { zh: row.body_zh, en: row.body_en },
        link: row.link,
        data: JSON.parse(row.data_json) as unknown,
      };
      const secret = cipher.open(endpoint.secret_key_id, endpoint.secret_ciphertext);
      await this.channels.webhook.send({ url: endpoint.url, secret }, event);
      return;
    }
    throw new DeliveryError(`no adapter for channel "${row.channel}"`, true);
  }

  private async settle(row: Row, failure: DeliveryError | null): Promise<void> {
    const { db, clock, ids } = this.deps;
    const at = nowIso(clock);
    const attempts = Number(row.attempts) + 1;
    await db.kysely.transaction().execute(async (trx) => {
      if (!failure) {
        await trx
          .updateTable('notifications')
          .set({ status: 'sent', attempts, sent_at: at, next_attempt_at: null, last_error: null })
          .where('id', '=', row.id)
          .execute();
        return;
      }
      const lastError = failure.message.slice(0, MAX_ERROR_CHARS);
      const dead = failure.permanent || attempts >= Number(row.max_attempts);
      if (dead) {
        await trx
          .updateTable('notifications')
          .set({ status: 'dead', attempts, next_attempt_at: null, last_error: lastError })
          .where('id', '=', row.id)
          .execute();
        await appendAudit(trx, ids, {
          workspaceId: row.workspace_id,
          at,
          actor: 'system:notifications',
          action: 'notification.dead',
          subjectType: 'notification',
          subjectId: row.id,
          data: { channel: row.channel, topic: row.topic, attempts, error: lastError },
        });
        return;
      }
      const next = new Date(clock.nowMs() + backoffDelayMs(attempts, this.backoff, this.random)).toISOString();
      await trx
        .updateTable('notifications')
        .set({ status: 'failed', attempts, next_attempt_at: next, last_error: lastError })
        .where('id', '=', row.id)
        .execute();
      await enqueueDelivery(trx, ids, row.workspace_id, row.id, next);
    });
    if (failure)
      this.deps.logger.warn(
        { notificationId: row.id, channel: row.channel, attempts, err: failure.message },
        'notification delivery failed',
      );
  }

  /** The workspace's SMTP settings with the password opened, or null when none is set. */
  private async smtpSettings(workspaceId: string): Promise<SmtpSettings | null> {
    const row = await this.deps.db.kysely
      .selectFrom('notification_settings')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!row?.smtp_host || !row.mail_from) return null;
    const password =
      row.smtp_password_key_id && row.smtp_password_ciphertext
        ? this.deps.cipher.open(row.smtp_password_key_id, row.smtp_password_ciphertext)
        : undefined;
    return {
      host: row.smtp_host,
      port: Number(row.smtp_port ?? 25),
      secure: Number(row.smtp_secure) === 1,
      from: row.mail_from,
      ...(row.smtp_user ? { user: row.smtp_user } : {}),
      ...(password ? { password } : {}),
    };
  }

  /**
   * Puts a dead (or failed) notification back in the queue with its attempts reset (audited), due now.
   * @throws {DomainError} `not_found`; `invalid_state` unless it is dead or failed
   */
  async requeue(workspaceId: string, actorLabel: string, notificationId: string): Promise<void> {
    const { db, clock, ids } = this.deps;
    await db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('notifications')
        .select(['id', 'status', 'channel'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', notificationId)
        .executeTakeFirst();
      if (!row) throw errors.notFound('notification', notificationId);
      if (row.status !== 'dead' && row.status !== 'failed')
        throw errors.invalidState('notification', row.status, 'requeue');
      const at = nowIso(clock);
      const result = await trx
        .updateTable('notifications')
        .set({ status: 'pending', attempts: 0, next_attempt_at: at, last_error: null })
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0)
        throw errors.conflict({ zh: '通知已被更改', en: 'The notification changed' });
      await enqueueDelivery(trx, ids, workspaceId, row.id, at);
      await appendAudit(trx, ids, {
        workspaceId,
        at,
        actor: actorLabel,
        action: 'notification.requeued',
        subjectType: 'notification',
        subjectId: row.id,
        data: { from: row.status, channel: row.channel },
      });
    });
    this.deps.onJobsEnqueued?.();
  }
}
