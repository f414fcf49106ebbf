import { randomBytes } from 'node:crypto';
import { actorLabel, errors, requirePermission, type Actor } from '@proofdesk/domain';
import type { Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { NotificationWebhooksTable, NotificationsTable } from '../adapters/db/schema-notify.js';
import type { NotificationDeliveryService, NotifyDeps } from './notification-delivery.service.js';
import { NOTIFICATION_STATUSES, type NotificationChannel, type NotificationStatus } from './notification-outbox.js';
import { nowIso, pageSize, requireText, toPage, type Page } from './service-deps.js';

/** A notification as the console lists it (no sealed address; e-mail to a bare address shows as masked). */
export interface NotificationView {
  readonly id: string;
  readonly topic: string;
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly subject: { readonly type: string; readonly id: string } | null;
  readonly title: { readonly zh: string; readonly en: string };
  readonly body: { readonly zh: string; readonly en: string };
  readonly link: string | null;
  readonly status: NotificationStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly readAt: string | null;
}

function toView(row: Selectable<NotificationsTable>): NotificationView {
  const recipient =
    row.recipient_kind === 'email' ? 'email:(customer)' : `${row.recipient_kind}:${row.recipient_ref ?? ''}`;
  return {
    id: row.id,
    topic: row.topic,
    channel: row.channel as NotificationChannel,
    recipient,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    title: { zh: row.title_zh, en: row.title_en },
    body: { zh: row.body_zh, en: row.body_en },
    link: row.link,
    status: row.status as NotificationStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    readAt: row.read_at,
  };
}

/** The e-mail channel's settings as admins see them: the password never leaves, only whether one is set. */
export interface EmailSettingsView {
  readonly smtpHost: string | null;
  readonly smtpPort: number | null;
  readonly smtpSecure: boolean;
  readonly smtpUser: string | null;
  readonly passwordSet: boolean;
  readonly mailFrom: string | null;
  readonly updatedAt: string | null;
}

export interface EmailSettingsInput {
  readonly smtpHost: string | null;
  readonly smtpPort?: number;
  readonly smtpSecure?: boolean;
  readonly smtpUser?: string | null;
  /** A new password; omitted keeps the one on file, null removes it. */
  readonly smtpPassword?: string | null;
  readonly mailFrom?: string | null;
}

export interface WebhookView {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly topics: readonly string[];
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

function toWebhook(row: Selectable<NotificationWebhooksTable>): WebhookView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    topics: JSON.parse(row.topics_json) as string[],
    enabled: Number(row.enabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function requireUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw errors.invalidInput('url', { zh: '不是有效的网址', en: 'is not a valid URL' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw errors.invalidInput('url', { zh: '须为 http(s) 网址', en: 'must be an http(s) URL' });
  return url.toString();
}

/**
 * Notifications as people see and manage them: each user's in-app list (the console channel) and marking read;
 * for admins the outbox with delivery states, requeueing dead ones, the SMTP settings and webhook endpoints (secrets
 * sealed with the contact cipher; a webhook's secret is shown once, when it is made).
 */
export class NotificationService {
  constructor(
    private readonly deps: NotifyDeps,
    private readonly delivery: NotificationDeliveryService,
  ) {}

  /** The signed-in user's console notifications, newest first. */
  async mine(
    actor: Actor,
    query: { unread?: boolean; cursor?: string; limit?: number },
  ): Promise<Page<NotificationView>> {
    requirePermission(actor, 'workspace.read');
    if (actor.kind !== 'user') throw errors.forbidden('notifications.mine');
    const size = pageSize(query.limit);
    let select = this.deps.db.reader
      .selectFrom('notifications')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('channel', '=', 'console')
      .where('recipient_ref', '=', actor.userId)
      .orderBy('id', 'desc')
      .limit(size + 1);
    if (query.unread) select = select.where('read_at', 'is', null);
    if (query.cursor) select = select.where('id', '<', query.cursor);
    return toPage(await select.execute(), size, toView);
  }

  /** Marks one of the user's console notifications read (again keeps the first time). @throws not_found */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    requirePermission(actor, 'workspace.read');
    if (actor.kind !== 'user') throw errors.forbidden('notifications.mine');
    const { db, clock } = this.deps;
    const at = nowIso(clock);
    await db.kysely
      .updateTable('notifications')
      .set({ read_at: at })
      .where('workspace_id', '=', actor.workspaceId)
      .where('channel', '=', 'console')
      .where('recipient_ref', '=', actor.userId)
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
    const row = await db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('channel', '=', 'console')
      .where('recipient_ref', '=', actor.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw errors.notFound('notification', id);
    return toView(row);
  }

  /** The outbox, newest first, by status / topic / channel. */
  async outbox(
    actor: Actor,
    query: { status?: string; topic?: string; channel?: string; cursor?: string; limit?: number },
  ): Promise<Page<NotificationView>> {
    requirePermission(actor, 'workspace.admin');
    if (query.status && !(NOTIFICATION_STATUSES as readonly string[]).includes(query.status))
      throw errors.invalidInput('status', {
        zh: '未知的状态',
        en: `must be one of ${NOTIFICATION_STATUSES.join(', ')}`,
      });
    const size = pageSize(query.limit);
    let select = this.deps.db.reader
      .selectFrom('notifications')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id', 'desc')
      .limit(size + 1);
    if (query.status) select = select.where('status', '=', query.status as NotificationStatus);
    if (query.topic) select = select.where('topic', '=', query.topic);
    if (query.channel) select = select.where('channel', '=', query.channel);
    if (query.cursor) select = select.where('id', '<', query.cursor);
    return toPage(await select.execute(), size, toView);
  }

  /** Requeues a dead or failed notification. @throws not_found, invalid_state */
  async requeue(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'workspace.admin');
    await this.delivery.requeue(actor.workspaceId, actorLabel(actor), id);
  }

  async emailSettings(actor: Actor): Promise<EmailSettingsView> {
    requirePermission(actor, 'workspace.admin');
    const row = await this.deps.db.kysely
      .selectFrom('notification_settings')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .executeTakeFirst();
    return {
      smtpHost: row?.smtp_host ?? null,
      smtpPort: row?.smtp_port ?? null,
      smtpSecure: Number(row?.smtp_secure ?? 0) === 1,
      smtpUser: row?.smtp_user ?? null,
      passwordSet: Boolean(row?.smtp_password_ciphertext),
      mailFrom: row?.mail_from ?? null,
      updatedAt: row?.updated_at ?? null,
    };
  }

  /** Stores the SMTP settings (audited without the password). @throws invalid_input */
  async putEmailSettings(actor: Actor, input: EmailSettingsInput): Promise<EmailSettingsView> {
    requirePermission(actor, 'workspace.admin');
    const { db, clock, ids, cipher } = this.deps;
    const host = input.smtpHost === null ? null : requireText('smtpHost', input.smtpHost, 253);
    const port = input.smtpPort ?? (input.smtpSecure ? 465 : 587);
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      throw errors.invalidInput('smtpPort', { zh: '须为 1 到 65535', en: 'must be 1..65535' });
    const from = input.mailFrom ? requireText('mailFrom', input.mailFrom, 320) : null;
    if (host && !from)
      throw errors.invalidInput('mailFrom', {
        zh: '设置 SMTP 服务器时须填写发件人',
        en: 'is required with an SMTP host',
      });
    const at = nowIso(clock);
    await db.kysely.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('notification_settings')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .executeTakeFirst();
      let keyId = current?.smtp_password_key_id ?? null;
      let ciphertext = current?.smtp_password_ciphertext ?? null;
      if (input.smtpPassword === null) [keyId, ciphertext] = [null, null];
      else if (input.smtpPassword !== undefined) {
        const sealed = cipher.seal(input.smtpPassword);
        [keyId, ciphertext] = [sealed.keyId, sealed.ciphertext];
      }
      const values = {
        smtp_host: host,
        smtp_port: port,
        smtp_secure: input.smtpSecure ? 1 : 0,
        smtp_user: input.smtpUser ?? null,
        smtp_password_key_id: keyId,
        smtp_password_ciphertext: ciphertext,
        mail_from: from,
        updated_at: at,
      };
      await trx
        .insertInto('notification_settings')
        .values({ workspace_id: actor.workspaceId, ...values })
        .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
        .execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'notifications.email_settings_changed',
        subjectType: 'workspace',
        subjectId: actor.workspaceId,
        data: { smtpHost: host, smtpPort: port, mailFrom: from, passwordChanged: input.smtpPassword !== undefined },
      });
    });
    return this.emailSettings(actor);
  }

  async webhooks(actor: Actor): Promise<WebhookView[]> {
    requirePermission(actor, 'workspace.admin');
    const rows = await this.deps.db.kysely
      .selectFrom('notification_webhooks')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id')
      .execute();
    return rows.map(toWebhook);
  }

  /**
   * Adds a webhook endpoint with a new random signing secret, returned this once (it is stored sealed).
   * @throws invalid_input
   */
  async createWebhook(
    actor: Actor,
    input: { name: string; url: string; topics: readonly string[] },
  ): Promise<WebhookView & { secret: string }> {
    requirePermission(actor, 'workspace.admin');
    const { db, clock, ids, cipher } = this.deps;
    const name = requireText('name', input.name, 100);
    const url = requireUrl(input.url);
    if (input.topics.length === 0)
      throw errors.invalidInput('topics', { zh: '至少一个主题（或 *）', en: 'needs at least one topic (or *)' });
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const sealed = cipher.seal(secret);
    const at = nowIso(clock);
    const row = {
      id: ids.next(),
      workspace_id: actor.workspaceId,
      name,
      url,
      topics_json: JSON.stringify([...new Set(input.topics)]),
      secret_key_id: sealed.keyId,
      secret_ciphertext: sealed.ciphertext,
      enabled: 1,
      created_at: at,
      updated_at: at,
    };
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('notification_webhooks').values(row).execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'notifications.webhook_created',
        subjectType: 'notification_webhook',
        subjectId: row.id,
        data: { name, url, topics: input.topics },
      });
    });
    return { ...toWebhook(row), secret };
  }

  /** Enables or disables an endpoint (disabled ones get no new notifications; queued ones die). @throws not_found */
  async setWebhookEnabled(actor: Actor, id: string, enabled: boolean): Promise<WebhookView> {
    requirePermission(actor, 'workspace.admin');
    const { db, clock, ids } = this.deps;
    const at = nowIso(clock);
    return db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('notification_webhooks')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw errors.notFound('webhook', id);
      await trx
        .updateTable('notification_webhooks')
        .set({ enabled: enabled ? 1 : 0, updated_at: at })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'notifications.webhook_changed',
        subjectType: 'notification_webhook',
        subjectId: id,
        data: { enabled },
      });
      return toWebhook({ ...row, enabled: enabled ? 1 : 0, updated_at: at });
    });
  }
}
